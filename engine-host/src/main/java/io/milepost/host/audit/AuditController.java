package io.milepost.host.audit;

import io.milepost.host.api.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit?siteId=&pluginId=&rolloutId=&from=&to=&page=&size=}: the audit log, newest first. */
@RestController
@RequestMapping("/api/audit")
final class AuditController {

  private final AuditLog log;

  AuditController(AuditLog log) {
    this.log = log;
  }

  @GetMapping
  AuditPage search(@RequestParam(required = false) String siteId, @RequestParam(required = false) String pluginId,
      @RequestParam(required = false) String rolloutId, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    AuditQuery query;
    try {
      query = new AuditQuery(siteId, pluginId, rolloutId, instant("from", from), instant("to", to), page, size);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidArgument(e.getMessage());
    }
    return new AuditPage(page, size, log.search(query));
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

  record AuditPage(int page, int size, List<AuditEntry> items) {}
}
