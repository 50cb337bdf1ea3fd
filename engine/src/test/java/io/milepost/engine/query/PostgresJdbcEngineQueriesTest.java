package io.milepost.engine.query;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the query contract on the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}), each test in its own schema so parallel runs do not collide. Skipped, with a
 * message, only when that server cannot be reached.
 */
class PostgresJdbcEngineQueriesTest extends JdbcEngineQueriesContract {

  private static final String RUN = "q" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  private static final List<String> SCHEMAS = new ArrayList<>();
  private static String unreachable;

  @BeforeAll
  static void checkServer() {
    try (Connection connection = server(null).getConnection()) {
      unreachable = null;
    } catch (SQLException e) {
      unreachable = "PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage()
          + "); skipping the PostgreSQL query tests";
      System.err.println(unreachable);
    }
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    if (unreachable != null) {
      return;
    }
    try (Connection connection = server(null).getConnection(); Statement statement = connection.createStatement()) {
      for (String schema : SCHEMAS) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Override
  protected DataSource emptyStore() {
    assumeTrue(unreachable == null, unreachable);
    String schema = RUN + "_" + SCHEMAS.size();
    SCHEMAS.add(schema);
    PGSimpleDataSource dataSource = server(schema);
    Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
        .locations("classpath:db/migration/engine").load().migrate();
    return dataSource;
  }

  private static PGSimpleDataSource server(String schema) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"127.0.0.1"});
    dataSource.setPortNumbers(new int[] {5432});
    dataSource.setDatabaseName("test");
    dataSource.setUser("postgres");
    dataSource.setConnectTimeout(3);
    if (schema != null) {
      dataSource.setCurrentSchema(schema);
    }
    return dataSource;
  }
}
