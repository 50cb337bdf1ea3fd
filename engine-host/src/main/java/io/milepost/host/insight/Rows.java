package io.milepost.host.insight;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading nullable numbers from result sets. */
final class Rows {

  private Rows() {}

  static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
