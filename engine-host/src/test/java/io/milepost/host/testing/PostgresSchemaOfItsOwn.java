package io.milepost.host.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a test's body against the machine's PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres})
 * in a schema of its own, dropped afterwards, for tests that need a database and no Spring context; skips the test,
 * saying why, when that PostgreSQL is unreachable.
 */
public final class PostgresSchemaOfItsOwn {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

  /** What runs against the schema. */
  @FunctionalInterface
  public interface Body {
    void run(DataSource dataSource) throws Exception;
  }

  private PostgresSchemaOfItsOwn() {}

  /** Creates a schema named {@code prefix} and a random suffix, runs {@code body} against it and drops it. */
  public static void run(String prefix, Body body) throws Exception {
    String schema = prefix + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffff);
    try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=3", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage() + ")");
    }
    try {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(SERVER + "?currentSchema=" + schema);
      postgres.setUser("postgres");
      body.run(postgres);
    } finally {
      try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
