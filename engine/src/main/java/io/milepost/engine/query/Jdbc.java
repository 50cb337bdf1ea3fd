package io.milepost.engine.query;

import io.milepost.engine.api.StoreUnavailableException;
import io.milepost.engine.state.StoreOutage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The few JDBC calls the queries need, with SQL failures turned into unchecked exceptions. */
final class Jdbc {

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> List<T> list(String sql, List<Object> parameters, RowMapper<T> mapper) {
    return withConnection(connection -> list(connection, sql, parameters, mapper));
  }

  <T> Optional<T> single(String sql, List<Object> parameters, RowMapper<T> mapper) {
    List<T> rows = list(sql, parameters, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  long count(String sql, List<Object> parameters) {
    return single(sql, parameters, row -> row.getLong(1)).orElse(0L);
  }

  <T> T withConnection(ConnectionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      if (StoreOutage.causedBy(e)) {
        throw new StoreUnavailableException("The engine's store could not be read now (it is unreachable, restarting "
            + "or reopening after a failed write): retry", e);
      }
      throw new QueryFailedException("Expected to read from the engine store, but it failed: " + e.getMessage(), e);
    }
  }

  static <T> List<T> list(Connection connection, String sql, List<Object> parameters, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }
}
