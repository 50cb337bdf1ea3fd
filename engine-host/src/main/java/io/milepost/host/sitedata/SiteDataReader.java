package io.milepost.host.sitedata;

import io.milepost.plugin.api.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site data one job reads: the site's latest own copy of a data set, else the plugin's bundled copy;
 * it remembers which version each data set was read in, for the step's record.
 */
public final class SiteDataReader {

  static final String BUNDLED = "bundled";

  private final SiteDataVersions versions;
  private final String siteId;
  private final List<String> used = new ArrayList<>();

  SiteDataReader(SiteDataVersions versions, String siteId) {
    this.versions = versions;
    this.siteId = siteId;
  }

  /** The rows of the data set as the site uses it now. */
  public synchronized List<Map<String, String>> rows(DataSet dataSet) {
    Optional<SiteDataVersion> own = versions.latest(siteId, dataSet.name());
    String version = own.map(v -> Integer.toString(v.version())).orElse(BUNDLED);
    note(dataSet.name() + "@" + version);
    if (own.isEmpty()) {
      return dataSet.rows(dataSet.defaultCsv().apply(siteId));
    }
    DataSet.Parsed parsed = dataSet.parse(own.get().content());
    if (!parsed.problems().isEmpty()) {
      // The plugin now declares other columns than the ones the site's copy was checked against.
      throw new IllegalStateException("Expected " + siteId + "'s " + dataSet.name() + " version " + version
          + " to fit the plugin's columns, but: " + String.join("; ", parsed.problems()));
    }
    return parsed.rows();
  }

  /** The versions read so far, e.g. {@code slotting@3}; null when the job read no site data. */
  public synchronized String versionsUsed() {
    return used.isEmpty() ? null : String.join(",", used);
  }

  private void note(String entry) {
    if (!used.contains(entry)) {
      used.add(entry);
    }
  }
}
