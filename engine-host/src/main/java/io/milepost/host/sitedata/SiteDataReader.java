package io.milepost.host.sitedata;

import io.milepost.plugin.api.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site data one job reads: the site's latest own copy of a data set, else the plugin's bundled copy;
 * it remembers which version each data set was read in, for the step's record. Which versions are the
 * latest is read once per job, at its first read, so one job never mixes versions of a data set.
 */
public final class SiteDataReader {

  static final String BUNDLED = "bundled";

  private final SiteDataVersions versions;
  private final ParsedSiteData parsed;
  private final String siteId;
  private final List<String> used = new ArrayList<>();
  private Map<String, Integer> latest;

  SiteDataReader(SiteDataVersions versions, ParsedSiteData parsed, String siteId) {
    this.versions = versions;
    this.parsed = parsed;
    this.siteId = siteId;
  }

  /** The rows of the data set as the site uses it now (unmodifiable: other jobs read the same). */
  public synchronized List<Map<String, String>> rows(DataSet dataSet) {
    if (latest == null) {
      latest = versions.latestVersions(siteId);
    }
    Integer own = latest.get(dataSet.name());
    note(dataSet.name() + "@" + (own == null ? BUNDLED : own));
    if (own == null) {
      String bundled = dataSet.defaultCsv().apply(siteId);
      DataSet.Parsed file = parsed.parse(dataSet, bundled);
      return file.problems().isEmpty() ? file.rows() : dataSet.rows(bundled); // the latter throws, saying why
    }
    DataSet.Parsed file = parsed.parse(dataSet, versions.content(siteId, dataSet.name(), own));
    if (!file.problems().isEmpty()) {
      // The plugin now declares other columns than the ones the site's copy was checked against.
      throw new IllegalStateException("Expected " + siteId + "'s " + dataSet.name() + " version " + own
          + " to fit the plugin's columns, but: " + String.join("; ", file.problems()));
    }
    return file.rows();
  }

  /** The versions read so far, e.g. {@code slotting@3,time-zone@bundled}; null when the job read no site data. */
  public synchronized String versionsUsed() {
    return used.isEmpty() ? null : String.join(",", used);
  }

  private void note(String entry) {
    if (!used.contains(entry)) {
      used.add(entry);
    }
  }
}
