package io.milepost.plugin.api;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A table of data a plugin reads at each site, such as slotting or an item master: its columns, the
 * columns that identify a row, and the plugin's bundled copy for a site, which a site uses until someone
 * gives it its own (the host's {@code PUT /api/sites/{siteId}/data/{name}}). A handler declares the data
 * sets it reads in {@link StepHandler#dataSets()} and reads them with {@link StepContext#siteData(DataSet)}.
 *
 * <p>Files are CSV: a header line naming exactly the columns, then one row per line; blank lines and
 * lines starting with '#' are skipped; values are not quoted.
 *
 * @param defaultCsv the bundled copy for a site id
 * @param oneRow     whether a site's copy holds at most one row: a value of the site, such as its time zone
 */
public record DataSet(String name, List<Column> columns, List<String> key, Function<String, String> defaultCsv,
    boolean oneRow) {

  /** A column and the type its values must have. */
  public record Column(String name, Type type) {}

  /**
   * The types a value can have: {@code BOOLEAN} is {@code true} or {@code false}, {@code TIME} a local
   * time such as {@code 07:30}, {@code TIME_ZONE} an IANA zone id such as {@code America/Los_Angeles}.
   */
  public enum Type { TEXT, INTEGER, DECIMAL, BOOLEAN, TIME, TIME_ZONE }

  /** The rows of a file, each a map from column to value, or every problem found in it. */
  public record Parsed(List<Map<String, String>> rows, List<String> problems) {}

  public DataSet {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    Objects.requireNonNull(defaultCsv, "defaultCsv");
    List<String> names = columns.stream().map(Column::name).toList();
    if (!names.containsAll(key) || key.isEmpty()) {
      throw new IllegalArgumentException("Expected the key of data set " + name + " to be some of its columns "
          + names + ", but it was " + key);
    }
  }

  /** A data set of any number of rows (the constructor of plugin-api 0.2, kept so plugins built on it link). */
  public DataSet(String name, List<Column> columns, List<String> key, Function<String, String> defaultCsv) {
    this(name, columns, key, defaultCsv, false);
  }

  /** Reads a file of this data set, checking its header, every value's type and that no key repeats. */
  public Parsed parse(String csv) {
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<List<String>, Integer> lineOfKey = new HashMap<>();
    List<String> expectedHeader = columns.stream().map(Column::name).toList();
    boolean headerSeen = false;
    String[] lines = csv.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> cells = List.of(line.split("\\s*,\\s*", -1));
      if (!headerSeen) {
        headerSeen = true;
        if (!cells.equals(expectedHeader)) {
          List<String> unknown = cells.stream().filter(cell -> !expectedHeader.contains(cell)).toList();
          problems.add("line " + lineNumber + ": expected the columns " + String.join(",", expectedHeader)
              + ", but found " + String.join(",", cells) + (unknown.isEmpty() ? "" : " (unknown: " + unknown + ")"));
          break;
        }
        continue;
      }
      if (cells.size() != columns.size()) {
        problems.add("line " + lineNumber + ": expected " + columns.size() + " values, but found " + cells.size());
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        String value = cells.get(c);
        if (!fits(value, column.type())) {
          problems.add("line " + lineNumber + ": expected " + column.name() + " to be " + describe(column.type())
              + ", but found '" + value + "'");
        }
        row.put(column.name(), value);
      }
      Integer earlier = lineOfKey.putIfAbsent(key.stream().map(row::get).toList(), lineNumber);
      if (earlier != null) {
        problems.add("line " + lineNumber + ": the key " + key + " = " + key.stream().map(row::get).toList()
            + " is already on line " + earlier);
      }
      rows.add(row);
      if (oneRow && rows.size() == 2) {
        problems.add("line " + lineNumber + ": expected one row in data set " + name + ", but found a second one");
      }
    }
    if (!headerSeen) {
      problems.add("line 1: expected the columns " + String.join(",", expectedHeader) + ", but the file is empty");
    }
    return new Parsed(problems.isEmpty() ? List.copyOf(rows) : List.of(), List.copyOf(problems));
  }

  /** The rows of a file known to be good (the bundled copy); a bad one is the plugin's bug. */
  public List<Map<String, String>> rows(String csv) {
    Parsed parsed = parse(csv);
    if (!parsed.problems().isEmpty()) {
      throw new IllegalStateException("Expected a valid " + name + " file, but: " + String.join("; ", parsed.problems()));
    }
    return parsed.rows();
  }

  private static boolean fits(String value, Type type) {
    try {
      return switch (type) {
        case TEXT -> !value.isEmpty();
        case INTEGER -> {
          Long.parseLong(value);
          yield true;
        }
        case DECIMAL -> {
          Double.parseDouble(value);
          yield true;
        }
        case BOOLEAN -> value.equals("true") || value.equals("false");
        case TIME -> {
          LocalTime.parse(value);
          yield true;
        }
        case TIME_ZONE -> {
          ZoneId.of(value);
          yield true;
        }
      };
    } catch (NumberFormatException | DateTimeException e) {
      return false;
    }
  }

  private static String describe(Type type) {
    return switch (type) {
      case TEXT -> "a non-empty text";
      case INTEGER -> "a whole number";
      case DECIMAL -> "a number";
      case BOOLEAN -> "true or false";
      case TIME -> "a time of day such as 07:30";
      case TIME_ZONE -> "a time zone id such as America/Los_Angeles";
    };
  }
}
