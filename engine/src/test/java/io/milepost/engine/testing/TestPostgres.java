package io.milepost.engine.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the engine's PostgreSQL tests get their database: {@code -Dmilepost.test.postgres-url} when given;
 * else a Testcontainers PostgreSQL when a Docker engine is present (started once per test JVM, removed
 * when it exits); else the machine's PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}). Each test takes a schema of its own, since other runs may share the server.
 */
public final class TestPostgres {

  private static final String IMAGE = "postgres:17-alpine";
  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private record Server(String url, String user, String password, String description) {}

  private static Server server;
  private static String unavailable;

  private TestPostgres() {}

  /** A new, empty schema; the calling test is skipped, saying why, when no PostgreSQL answers. */
  public static PGSimpleDataSource createSchema(String schema) {
    execute("CREATE SCHEMA " + schema);
    PGSimpleDataSource dataSource = dataSource();
    dataSource.setCurrentSchema(schema);
    return dataSource;
  }

  public static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** Why no PostgreSQL is available, if none is. */
  public static synchronized Optional<String> unavailable() {
    server();
    return Optional.ofNullable(unavailable);
  }

  private static void execute(String sql) {
    Assumptions.assumeTrue(unavailable().isEmpty(), () -> unavailable);
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Expected " + server.description() + " to run '" + sql + "', but: "
          + e.getMessage(), e);
    }
  }

  private static PGSimpleDataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(server.url());
    if (server.user() != null) { // a given URL carries its own user
      dataSource.setUser(server.user());
      dataSource.setPassword(server.password());
    }
    dataSource.setConnectTimeout(3);
    return dataSource;
  }

  private static synchronized Server server() {
    if (server == null && unavailable == null) {
      server = find();
    }
    return server;
  }

  private static Server find() {
    String given = System.getProperty("milepost.test.postgres-url");
    if (given != null) {
      return reachable(new Server(given, null, null, "PostgreSQL at " + given), "");
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
      container.start();
      return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
          "the Testcontainers PostgreSQL (" + IMAGE + ")");
    }
    return reachable(new Server(LOCAL_URL, "postgres", "", "PostgreSQL at 127.0.0.1:5432/test"),
        "No Docker engine for a Testcontainers PostgreSQL, and ");
  }

  private static Server reachable(Server candidate, String context) {
    PGSimpleDataSource probe = new PGSimpleDataSource();
    probe.setURL(candidate.url());
    if (candidate.user() != null) {
      probe.setUser(candidate.user());
    }
    probe.setConnectTimeout(3);
    try (Connection connection = probe.getConnection()) {
      return candidate;
    } catch (SQLException e) {
      unavailable = context + candidate.description()
          + " is unreachable (" + e.getMessage() + "): skipping the PostgreSQL tests";
      System.err.println(unavailable);
      return null;
    }
  }
}
