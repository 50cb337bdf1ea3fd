// Runs one query on an H2 database and prints its rows, columns separated by ' | ' (for chunk-maps.sh):
// java Q <jdbc url> <sql>
import java.sql.*;
public class Q { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection(a[0], "", "")) {
    try (ResultSet r = c.createStatement().executeQuery(a[1])) {
      ResultSetMetaData md = r.getMetaData();
      while (r.next()) { StringBuilder s = new StringBuilder(); for (int i=1;i<=md.getColumnCount();i++) s.append(r.getString(i)).append(" | "); System.out.println(s); }
    }
  }
}}
