package io.milepost.host.sitedata;

import io.milepost.host.site.HostSchema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The versions of the sites' data sets (table {@code site_data_version}); read for every job, never cached. */
public final class SiteDataVersions {

  private final JdbcClient jdbc;
  private final Clock clock;

  SiteDataVersions(JdbcClient jdbc, Clock clock, HostSchema migrated) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The site's latest own copy of the data set, if it has one. */
  Optional<SiteDataVersion> latest(String siteId, String dataSet) {
    return jdbc.sql("SELECT * FROM site_data_version WHERE site_id = ? AND data_set = ? ORDER BY version DESC"
            + " FETCH FIRST 1 ROWS ONLY")
        .params(siteId, dataSet)
        .query((rs, n) -> new SiteDataVersion(rs.getString("site_id"), rs.getString("data_set"), rs.getInt("version"),
            rs.getString("content"), rs.getInt("row_count"), rs.getString("changed_by"), rs.getString("reason"),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** Stores the content as the site's next version; returns its number. */
  int add(String siteId, String dataSet, String content, int rowCount, String changedBy, String reason) {
    for (int attempt = 0; ; attempt++) {
      int next = latest(siteId, dataSet).map(SiteDataVersion::version).orElse(0) + 1;
      try {
        jdbc.sql("INSERT INTO site_data_version (site_id, data_set, version, content, row_count, changed_by, reason,"
                + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(siteId, dataSet, next, content, rowCount, changedBy, reason,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .update();
        return next;
      } catch (DuplicateKeyException concurrentChange) {
        // Two changes at once: the later one takes the next number.
        if (attempt == 2) {
          throw concurrentChange;
        }
      }
    }
  }
}
