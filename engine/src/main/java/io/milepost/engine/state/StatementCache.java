package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The prepared statements of one long-lived connection (the engine's writer), parsed once and
 * reused: on H2 parsing was a large share of a command's cost, on PostgreSQL reuse turns them into
 * server-side prepared statements.
 */
public final class StatementCache implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  public StatementCache(Connection connection) {
    this.connection = connection;
  }

  public Connection connection() {
    return connection;
  }

  /** How many statements the connection keeps prepared. */
  public int size() {
    return statements.size();
  }

  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // the connection is being thrown away anyway
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // a broken connection may refuse to close; it is dropped either way
    }
  }
}
