package io.milepost.host.web.rollout;

import io.milepost.host.audit.AuditLog;
import io.milepost.host.audit.AuditQuery;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /audit}: who changed which site's plugin version, when and why; filtered by site, plugin, rollout, time. */
@Controller
final class AuditPageController {

  private static final int PAGE_SIZE = 50;

  private final AuditLog audit;

  AuditPageController(AuditLog audit) {
    this.audit = audit;
  }

  /** The filter form's values, as typed. */
  public record AuditFilter(String siteId, String pluginId, String rolloutId, LocalDateTime from, LocalDateTime to,
      int page) {}

  @GetMapping("/audit")
  String audit(@RequestParam(required = false) String siteId, @RequestParam(required = false) String pluginId,
      @RequestParam(required = false) String rolloutId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
      @RequestParam(defaultValue = "0") int page, Model model) {
    AuditFilter filter = new AuditFilter(blank(siteId), blank(pluginId), blank(rolloutId), from, to, Math.max(0, page));
    model.addAttribute("filter", filter);
    model.addAttribute("entries", audit.search(new AuditQuery(filter.siteId(), filter.pluginId(), filter.rolloutId(),
        from == null ? null : from.toInstant(ZoneOffset.UTC), to == null ? null : to.toInstant(ZoneOffset.UTC),
        filter.page(), PAGE_SIZE)));
    model.addAttribute("pageSize", PAGE_SIZE);
    return "rollout/audit";
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
