package io.milepost.engine.state;

import io.milepost.engine.api.H2CommitDurability;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The JDBC store: migrates the schema on start and runs work in transactions. A transaction either
 * commits all its statements or none, and is durable once {@code inTransaction} returns.
 *
 * <p>On H2 the store writes each commit to the file itself ({@code CHECKPOINT}) rather than through H2's
 * {@code WRITE_DELAY=0}: that setting also stops H2's background thread, the one that compacts the file
 * (H2 copies every page a commit touches to the file's end). Under sustained load the file then grew by
 * about every page ever written: 60 GB after 130k instances of a three-task process, where with the
 * background thread running it stays near the size of the data. The checkpoint ({@code CHECKPOINT SYNC})
 * also forces the file to the device, once per group commit, so neither kill -9 nor a power cut loses an
 * acknowledged command; {@link H2CommitDurability#PROCESS_KILL} leaves out the forcing ({@code CHECKPOINT}).
 */
public final class Store {

  /** H2's own default: how often its background thread writes and compacts, in ms. */
  private static final int H2_WRITE_DELAY_MILLIS = 500;

  private final DataSource dataSource;
  private final Dialect dialect;
  /** Run after each commit on H2: writes the commit to the file, and by default forces it to the device. */
  private final String h2Checkpoint;

  public Store(DataSource dataSource) {
    this(dataSource, H2CommitDurability.POWER_CUT);
  }

  public Store(DataSource dataSource, H2CommitDurability h2Durability) {
    this.dataSource = dataSource;
    this.h2Checkpoint = h2Durability.checkpointStatement();
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
      if (dialect == Dialect.H2) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET WRITE_DELAY " + H2_WRITE_DELAY_MILLIS);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to connect to the store and set it up (on H2 the engine sets WRITE_DELAY, "
          + "which needs an admin user)", e);
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
        Sql sql = new Sql(connection, dialect);
        T result = work.apply(sql);
        commitDurably(connection, sql);
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
        Sql sql = new Sql(connection, dialect, writer);
        T result = work.apply(sql);
        commitDurably(connection, sql);
        return result;
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Failed to run a transaction", e);
    }
  }

  /** Commits; on H2 also writes the commit to the file (see the class comment). */
  private void commitDurably(Connection connection, Sql sql) throws SQLException {
    connection.commit();
    if (dialect == Dialect.H2) {
      sql.update(h2Checkpoint);
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
