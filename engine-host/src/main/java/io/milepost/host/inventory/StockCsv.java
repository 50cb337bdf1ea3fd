package io.milepost.host.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the import format {@code siteId,sku,onHand}: a header line first, then one position per line;
 * blank lines and lines starting with '#' are skipped. Every problem is reported with its line number,
 * all at once.
 */
final class StockCsv {

  static final String HEADER = "siteId,sku,onHand";

  /** One position to set. */
  record Line(int lineNumber, String siteId, String sku, int onHand) {}

  /** The lines, or why the file cannot be imported. */
  record Parsed(List<Line> lines, List<String> problems) {}

  private StockCsv() {}

  static Parsed parse(String csv, Set<String> siteIds) {
    List<Line> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> firstLineOfPosition = new HashMap<>();
    boolean headerSeen = false;
    String[] rows = csv.split("\r?\n", -1);
    for (int i = 0; i < rows.length; i++) {
      int lineNumber = i + 1;
      String row = rows[i].strip();
      if (row.isEmpty() || row.startsWith("#")) {
        continue;
      }
      String[] cells = row.split("\\s*,\\s*", -1);
      if (!headerSeen) {
        headerSeen = true;
        if (!String.join(",", cells).equals(HEADER)) {
          problems.add("line " + lineNumber + ": expected the header '" + HEADER + "', but found '" + row + "'");
          break;
        }
        continue;
      }
      if (cells.length != 3) {
        problems.add("line " + lineNumber + ": expected 3 values (siteId,sku,onHand), but found " + cells.length);
        continue;
      }
      String siteId = cells[0];
      String sku = cells[1];
      if (!siteIds.contains(siteId)) {
        problems.add("line " + lineNumber + ": expected a site of the network, but found '" + siteId + "'");
      }
      if (sku.isEmpty() || sku.length() > 100) {
        problems.add("line " + lineNumber + ": expected a SKU of 1 to 100 characters, but found '" + sku + "'");
      }
      Integer onHand = units(cells[2]);
      if (onHand == null) {
        problems.add("line " + lineNumber + ": expected onHand to be a whole number of 0 or more, but found '"
            + cells[2] + "'");
      }
      Integer earlier = firstLineOfPosition.putIfAbsent(siteId + "|" + sku, lineNumber);
      if (earlier != null) {
        problems.add("line " + lineNumber + ": " + siteId + "," + sku + " is already on line " + earlier);
      }
      if (onHand != null) {
        lines.add(new Line(lineNumber, siteId, sku, onHand));
      }
    }
    if (!headerSeen) {
      problems.add("line 1: expected the header '" + HEADER + "', but the file is empty");
    }
    return new Parsed(List.copyOf(lines), List.copyOf(problems));
  }

  private static Integer units(String value) {
    try {
      int units = Integer.parseInt(value);
      return units >= 0 ? units : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
