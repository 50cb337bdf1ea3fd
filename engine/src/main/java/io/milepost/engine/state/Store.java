package io.milepost.engine.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The JDBC store: migrates the schema on start and runs work in transactions. A transaction either
 * commits all its statements or none.
 */
public final class Store {

  private final DataSource dataSource;
  private final Dialect dialect;

  public Store(DataSource dataSource) {
    this.dataSource = dataSource;
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/engine")
        .table("milepost_engine_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    try (Connection connection = dataSource.getConnection()) {
      this.dialect = Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new StoreException("Failed to connect to the store", e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in one transaction; any exception rolls everything back and is rethrown. */
  public <T> T inTransaction(Function<Sql, T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.apply(new Sql(connection, dialect));
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run a transaction", e);
    }
  }

  /** Opens a connection for the writer thread to keep, with its statement cache. */
  public StatementCache openWriterConnection() {
    try {
      return new StatementCache(dataSource.getConnection());
    } catch (SQLException e) {
      throw new StoreException("Failed to connect to the store", e);
    }
  }

  /** Runs {@code work} in one transaction on the writer's own connection (see {@link #inTransaction(Function)}). */
  public <T> T inTransaction(StatementCache writer, Function<Sql, T> work) {
    Connection connection = writer.connection();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(new Sql(connection, dialect, writer));
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run a transaction", e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
