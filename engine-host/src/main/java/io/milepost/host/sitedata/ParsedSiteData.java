package io.milepost.host.sitedata;

import io.milepost.plugin.api.DataSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site data files jobs read lately, parsed once: every job of a step reads its data sets, and parsing the same
 * file again at each read was 2.6 % of engine-host's samples in the orders benchmark (benchmarks/NOTES.md, stop 40).
 * Keyed by what the rows depend on (the data set's name, columns, key and row rule, and the file's text), never by the
 * plugin's own objects, so that the cache keeps no unloaded plugin version alive. The rows are shared between jobs,
 * so they are handed out unmodifiable.
 */
final class ParsedSiteData {

  private static final int CACHED_FILES = 200;

  private record FileKey(String dataSet, List<DataSet.Column> columns, List<String> key, boolean oneRow, String csv) {}

  /** Least recently read dropped first. */
  private final Map<FileKey, DataSet.Parsed> parsed = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FileKey, DataSet.Parsed> eldest) {
      return size() > CACHED_FILES;
    }
  };

  /** {@code csv} read as a file of {@code dataSet} ({@link DataSet#parse}), from the cache when read before. */
  DataSet.Parsed parse(DataSet dataSet, String csv) {
    FileKey file = new FileKey(dataSet.name(), dataSet.columns(), dataSet.key(), dataSet.oneRow(), csv);
    synchronized (parsed) {
      DataSet.Parsed cached = parsed.get(file);
      if (cached != null) {
        return cached;
      }
    }
    DataSet.Parsed fresh = dataSet.parse(csv);
    DataSet.Parsed shared = new DataSet.Parsed(
        fresh.rows().stream().map(Collections::unmodifiableMap).toList(), fresh.problems());
    synchronized (parsed) {
      parsed.putIfAbsent(file, shared);
      return parsed.get(file);
    }
  }
}
