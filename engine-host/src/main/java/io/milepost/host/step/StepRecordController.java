package io.milepost.host.step;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/step-records?processInstanceKey=K}: the steps of one instance, in the order they ran, each
 * with the measures its plugin reported (e.g. {@code {"voidFillLitres": 1.2}}).
 */
@RestController
@RequestMapping("/api/step-records")
final class StepRecordController {

  private final StepRecords records;

  StepRecordController(StepRecords records) {
    this.records = records;
  }

  @GetMapping
  List<StepRecordResponse> forProcessInstance(@RequestParam long processInstanceKey) {
    return records.forProcessInstanceWithMeasures(processInstanceKey).stream().map(StepRecordResponse::of).toList();
  }

  /** Keys as strings, like the Camunda 8 API: JavaScript loses precision on 64-bit numbers. */
  record StepRecordResponse(String jobKey, String processInstanceKey, String elementId, String jobType, String siteId,
      String pluginId, String pluginVersion, StepOutcome outcome, String message, String startedAt, long durationMs,
      String dataVersions, Map<String, Double> measures) {

    static StepRecordResponse of(StepRecords.MeasuredStepRecord measured) {
      StepRecord record = measured.record();
      return new StepRecordResponse(Long.toString(record.jobKey()), Long.toString(record.processInstanceKey()),
          record.elementId(), record.jobType(), record.siteId(), record.pluginId(), record.pluginVersion(),
          record.outcome(), record.message(), record.startedAt().toString(), record.durationMs(),
          record.dataVersions(), measured.measures());
    }
  }
}
