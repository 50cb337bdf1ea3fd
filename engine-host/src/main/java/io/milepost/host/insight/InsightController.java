package io.milepost.host.insight;

import io.milepost.host.api.ApiException;
import io.milepost.host.insight.InsightQuery.Bucket;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/insights/steps?jobType=&siteId=&pluginVersion=&from=&to=&bucket=}. */
@RestController
@RequestMapping("/api/insights")
final class InsightController {

  private final StepInsights insights;

  InsightController(StepInsights insights) {
    this.insights = insights;
  }

  @GetMapping("/steps")
  List<StepInsight> steps(@RequestParam(required = false) String jobType, @RequestParam(required = false) String siteId,
      @RequestParam(required = false) String pluginVersion, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String bucket) {
    Bucket parsedBucket;
    try {
      parsedBucket = Bucket.parse(bucket);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument(e.getMessage());
    }
    return insights.query(new InsightQuery(blankToNull(jobType), blankToNull(siteId), blankToNull(pluginVersion),
        instant("from", from), instant("to", to), parsedBucket));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidArgument("Expected '" + name + "' as an ISO-8601 instant such as"
          + " 2026-05-01T08:00:00Z, but it was '" + value + "'");
    }
  }
}
