package io.milepost.host.sitedata;

import io.milepost.host.api.ApiException;
import io.milepost.host.audit.Actors;
import io.milepost.host.audit.AuditAction;
import io.milepost.host.audit.AuditEntry;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.Site;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A site's data sets: {@code GET /api/sites/{siteId}/data/{dataSet}} answers the CSV the site uses now
 * (header {@code Milepost-Data-Version}: a number, or {@code bundled}); {@code PUT} with a {@code text/csv}
 * body and a {@code reason} stores it as the site's next version, effective for the next job, or refuses
 * it whole with the line and reason of every problem.
 */
@RestController
@RequestMapping("/api/sites/{siteId}/data")
final class SiteDataController {

  static final String VERSION_HEADER = "Milepost-Data-Version";

  private final SiteDirectory sites;
  private final DataSetDeclarations declarations;
  private final SiteDataVersions versions;
  private final AuditLog audit;

  SiteDataController(SiteDirectory sites, DataSetDeclarations declarations, SiteDataVersions versions, AuditLog audit) {
    this.sites = sites;
    this.declarations = declarations;
    this.versions = versions;
    this.audit = audit;
  }

  /** What a change stored. */
  record Changed(String siteId, String dataSet, int version, int rows) {}

  @GetMapping
  Map<String, Object> dataSets(@PathVariable String siteId) {
    requireSite(siteId);
    Map<String, Object> answer = new TreeMap<>();
    declarations.of(siteId).forEach((name, set) -> answer.put(name, Map.of(
        "columns", set.columns().stream().map(c -> c.name() + ":" + c.type()).toList(), "key", set.key(),
        "version", versions.latest(siteId, name).map(v -> (Object) v.version()).orElse("bundled"))));
    return answer;
  }

  @GetMapping(path = "/{dataSet}", produces = "text/csv")
  ResponseEntity<String> current(@PathVariable String siteId, @PathVariable String dataSet) {
    DataSet set = declared(siteId, dataSet);
    Optional<SiteDataVersion> own = versions.latest(siteId, dataSet);
    return ResponseEntity.ok()
        .header(VERSION_HEADER, own.map(v -> Integer.toString(v.version())).orElse(SiteDataReader.BUNDLED))
        .body(own.map(SiteDataVersion::content).orElseGet(() -> set.defaultCsv().apply(siteId)));
  }

  @PutMapping(path = "/{dataSet}", consumes = "text/csv")
  Changed replace(@PathVariable String siteId, @PathVariable String dataSet, @RequestParam String reason,
      @RequestBody String csv, Principal principal) {
    DataSet set = declared(siteId, dataSet);
    if (reason.isBlank()) {
      throw ApiException.invalidArgument("Expected a reason for changing " + dataSet + " at " + siteId + ", but it was blank");
    }
    DataSet.Parsed parsed = set.parse(csv);
    if (!parsed.problems().isEmpty()) {
      throw ApiException.invalidArgument("Expected a " + dataSet + " file for " + siteId + ", but: "
          + String.join("; ", parsed.problems()));
    }
    String actor = Actors.of(principal);
    int version = versions.add(siteId, dataSet, csv, parsed.rows().size(), actor, reason);
    audit.record(new AuditEntry(0, null, actor, AuditAction.SITE_DATA_CHANGED, siteId, null, null, null,
        "data:" + dataSet + "@" + versionBefore(version), "data:" + dataSet + "@" + version, null, reason, null, null,
        null));
    return new Changed(siteId, dataSet, version, parsed.rows().size());
  }

  private static String versionBefore(int version) {
    return version == 1 ? SiteDataReader.BUNDLED : Integer.toString(version - 1);
  }

  private DataSet declared(String siteId, String dataSet) {
    requireSite(siteId);
    Map<String, DataSet> sets = declarations.of(siteId);
    DataSet set = sets.get(dataSet);
    if (set == null) {
      throw ApiException.notFound("Expected a data set the plugins of " + siteId + " read, but found '" + dataSet
          + "'; they read " + sets.keySet());
    }
    return set;
  }

  private void requireSite(String siteId) {
    if (sites.find(siteId).isEmpty()) {
      throw ApiException.notFound("Expected a site with id '" + siteId + "', but there is none; the sites are "
          + sites.all().stream().map(Site::id).toList());
    }
  }
}
