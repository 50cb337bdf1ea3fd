package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Thin JDBC helper over the connection of the running transaction. SQL errors are bugs: unchecked. */
public final class Sql {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final StatementCache cache;
  /** The writes kept for the journal, or null where the transaction is not journaled. */
  private final CapturedWrites captured;
  /** Whether an update or batch ran: a commit of a transaction that wrote nothing proves nothing about the store. */
  private boolean wrote;

  public Sql(Connection connection, Dialect dialect) {
    this(connection, dialect, null);
  }

  /** With a cache, statements are prepared once per connection and kept open. */
  public Sql(Connection connection, Dialect dialect, StatementCache cache) {
    this(connection, dialect, cache, null);
  }

  /** As with a cache, and every write kept in {@code captured} too (for the journal). */
  Sql(Connection connection, Dialect dialect, StatementCache cache, CapturedWrites captured) {
    this.connection = connection;
    this.dialect = dialect;
    this.cache = cache;
    this.captured = captured;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return cache == null ? connection.prepareStatement(sql) : cache.prepare(sql);
  }

  private void done(PreparedStatement statement) throws SQLException {
    if (cache == null) {
      statement.close();
    } else {
      statement.clearParameters();
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The connection the statements run on. */
  Connection connection() {
    return connection;
  }

  public java.sql.Savepoint savepoint() {
    try {
      java.sql.Savepoint savepoint = connection.setSavepoint();
      if (captured != null) {
        captured.savepointSet(savepoint);
      }
      return savepoint;
    } catch (SQLException e) {
      throw new StoreException("Failed to set a savepoint", e);
    }
  }

  public void rollbackTo(java.sql.Savepoint savepoint) {
    try {
      connection.rollback(savepoint);
      if (captured != null) {
        captured.rolledBackTo(savepoint);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to roll back to a savepoint", e);
    }
  }

  public void release(java.sql.Savepoint savepoint) {
    try {
      connection.releaseSavepoint(savepoint);
      if (captured != null) {
        captured.released(savepoint);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to release a savepoint", e);
    }
  }

  /** Whether this transaction ran an update or a batch. */
  public boolean wrote() {
    return wrote;
  }

  public int update(String sql, Object... args) {
    wrote = true;
    try {
      PreparedStatement statement = prepare(sql);
      try {
        bind(statement, args);
        int updated = statement.executeUpdate();
        if (captured != null) {
          captured.update(sql, args);
        }
        return updated;
      } finally {
        done(statement);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run '" + sql + "'", e);
    }
  }

  public void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    wrote = true;
    try {
      PreparedStatement statement = prepare(sql);
      try {
        for (Object[] row : rows) {
          bind(statement, row);
          statement.addBatch();
        }
        statement.executeBatch();
        if (captured != null) {
          captured.batch(sql, rows);
        }
      } finally {
        done(statement);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run batch '" + sql + "'", e);
    }
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      PreparedStatement statement = prepare(sql);
      try {
        bind(statement, args);
        try (ResultSet rows = statement.executeQuery()) {
          List<T> result = new ArrayList<>();
          while (rows.next()) {
            result.add(mapper.map(rows));
          }
          return result;
        }
      } finally {
        done(statement);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run '" + sql + "'", e);
    }
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = query(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst()); // a NULL column reads as empty
  }

  public long count(String sql, Object... args) {
    return queryOne(sql, row -> row.getLong(1), args).orElse(0L);
  }

  private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (arg instanceof Enum<?> e) {
        statement.setString(i + 1, e.name());
      } else {
        statement.setObject(i + 1, arg);
      }
    }
  }

  /** Reads a nullable BIGINT column. */
  public static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
