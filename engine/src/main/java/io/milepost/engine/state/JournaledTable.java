package io.milepost.engine.state;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table whose writes through a {@link JournalingDataSource} go in the journal row by row (engine-host's step records
 * and stock), as its {@link JournaledTableTrigger} sees them: each row as written, keys included, so that running the
 * record again gives the same rows whatever H2's identity columns hand out then. The statements that run them again
 * are {@code MERGE} by the primary key and {@code DELETE} by it.
 *
 * <p>Rows are captured only while a statement of a journaling connection runs ({@link #capturing}), on its thread
 * (H2 embedded runs a row trigger on the thread of the statement that fired it): the engine's writer, migrations and
 * the store's recovery write without a capture.
 */
final class JournaledTable {

  private static final ThreadLocal<CapturedWrites> CAPTURING = new ThreadLocal<>();

  private final String merge;
  private final String delete;
  /** Where the primary key's columns stand in a row. */
  private final int[] keyColumns;

  private JournaledTable(String merge, String delete, int[] keyColumns) {
    this.merge = merge;
    this.delete = delete;
    this.keyColumns = keyColumns;
  }

  /** From now until {@link #stopCapturing}, the rows this thread's statements write go into {@code writes}. */
  static void capturing(CapturedWrites writes) {
    CAPTURING.set(writes);
  }

  static void stopCapturing() {
    CAPTURING.remove();
  }

  static JournaledTable of(DatabaseMetaData metaData, String schema, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = metaData.getColumns(null, schema, table, null)) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME")); // in their order, as the trigger's rows have them
      }
    }
    List<String> key = primaryKey(metaData, schema, table);
    String name = quoted(schema) + "." + quoted(table);
    String merge = "MERGE INTO " + name + " (" + String.join(", ", columns.stream().map(JournaledTable::quoted).toList())
        + ") KEY (" + String.join(", ", key.stream().map(JournaledTable::quoted).toList()) + ") VALUES ("
        + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
    String delete = "DELETE FROM " + name + " WHERE "
        + String.join(" AND ", key.stream().map(column -> quoted(column) + " = ?").toList());
    return new JournaledTable(merge, delete, key.stream().mapToInt(columns::indexOf).toArray());
  }

  /** The table's primary key columns in key order; a table without one cannot be journaled row by row. */
  static List<String> primaryKey(DatabaseMetaData metaData, String schema, String table) throws SQLException {
    String[] key = new String[0];
    try (ResultSet rows = metaData.getPrimaryKeys(null, schema, table)) {
      while (rows.next()) {
        int sequence = rows.getInt("KEY_SEQ");
        if (key.length < sequence) {
          key = Arrays.copyOf(key, sequence);
        }
        key[sequence - 1] = rows.getString("COLUMN_NAME");
      }
    }
    if (key.length == 0) {
      throw new SQLException("Expected a primary key on table " + schema + "." + table
          + " to journal its writes row by row, but found none");
    }
    return List.of(key);
  }

  /** A row written: {@code oldRow} null for an insert, {@code newRow} null for a delete. */
  void written(Object[] oldRow, Object[] newRow) {
    CapturedWrites writes = CAPTURING.get();
    if (writes == null) {
      return;
    }
    if (oldRow != null && (newRow == null || !Arrays.equals(keyOf(oldRow), keyOf(newRow)))) {
      writes.row(delete, keyOf(oldRow));
    }
    if (newRow != null) {
      writes.row(merge, newRow);
    }
  }

  private Object[] keyOf(Object[] row) {
    Object[] key = new Object[keyColumns.length];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[keyColumns[i]];
    }
    return key;
  }

  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
