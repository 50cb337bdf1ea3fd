package io.milepost.host.sitedata;

import io.milepost.host.site.HostSchema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versions of the sites' data sets (table {@code site_data_version}). Which version is the latest is
 * read for every job (another node may have stored a new one); a version's content never changes, so
 * recent ones are kept in memory.
 */
public final class SiteDataVersions {

  private static final int CACHED_CONTENTS = 200;

  private record VersionKey(String siteId, String dataSet, int version) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  /** The contents jobs read lately, least recently used dropped first. */
  private final Map<VersionKey, String> contents = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<VersionKey, String> eldest) {
      return size() > CACHED_CONTENTS;
    }
  };

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

  /** The number of the latest own copy of each data set the site has one of, by data set. */
  Map<String, Integer> latestVersions(String siteId) {
    Map<String, Integer> versions = new HashMap<>();
    jdbc.sql("SELECT data_set, MAX(version) AS version FROM site_data_version WHERE site_id = ? GROUP BY data_set")
        .param(siteId)
        // A block: the row callback returns nothing, which tells it from the result set extractor.
        .query(rs -> {
          versions.put(rs.getString("data_set"), rs.getInt("version"));
        });
    return versions;
  }

  /** The content of one version; versions never change, so the store is read again only once it fell out of memory. */
  String content(String siteId, String dataSet, int version) {
    VersionKey key = new VersionKey(siteId, dataSet, version);
    synchronized (contents) {
      String cached = contents.get(key);
      if (cached != null) {
        return cached;
      }
    }
    String content = jdbc.sql("SELECT content FROM site_data_version WHERE site_id = ? AND data_set = ? AND version = ?")
        .params(siteId, dataSet, version)
        .query(String.class)
        .single();
    synchronized (contents) {
      contents.put(key, content);
    }
    return content;
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
