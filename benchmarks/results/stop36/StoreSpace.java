import java.sql.*;
import java.util.*;

/** Rows and DISK_SPACE_USED per table of an H2 store, largest first, plus the file's fill. */
public class StoreSpace {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:" + a[0] + ";ACCESS_MODE_DATA=r", "", "");
         Statement s = c.createStatement()) {
      List<String[]> rows = new ArrayList<>();
      try (ResultSet t = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE='BASE TABLE' AND TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA')")) {
        while (t.next()) rows.add(new String[] {t.getString(1), t.getString(2)});
      }
      long total = 0;
      List<Object[]> out = new ArrayList<>();
      for (String[] r : rows) {
        String q = "\"" + r[0] + "\".\"" + r[1] + "\"";
        long count, space;
        try (ResultSet x = s.executeQuery("SELECT COUNT(*) FROM " + q)) { x.next(); count = x.getLong(1); }
        try (ResultSet x = s.executeQuery("SELECT DISK_SPACE_USED('" + q.replace("'", "''") + "')")) { x.next(); space = x.getLong(1); }
        total += space;
        out.add(new Object[] {r[0] + "." + r[1], count, space});
      }
      out.sort((x, y) -> Long.compare((Long) y[2], (Long) x[2]));
      System.out.printf("%-45s %12s %12s %10s%n", "table", "rows", "MB", "bytes/row");
      for (Object[] o : out) {
        long n = (Long) o[1], sp = (Long) o[2];
        System.out.printf("%-45s %12d %12.1f %10d%n", o[0], n, sp / 1048576.0, n == 0 ? 0 : sp / n);
      }
      System.out.printf("total in tables and indexes: %.1f MB%n", total / 1048576.0);
    }
  }
}
