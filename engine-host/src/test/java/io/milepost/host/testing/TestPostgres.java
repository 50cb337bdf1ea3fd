package io.milepost.host.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL for the host's Spring tests ({@code @Import(TestPostgres.class)}, and {@link #assumeAvailable()}
 * in a {@code @BeforeAll}). With a Docker engine: a Testcontainers PostgreSQL that Spring Boot connects the
 * application to through {@code @ServiceConnection}. Without: the machine's PostgreSQL at 127.0.0.1:5432
 * (database {@code test}, user {@code postgres}) in a schema of the context's own, since other runs share it.
 * Tests without a Spring context use the machine's PostgreSQL through {@link #inSchemaOfItsOwn}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgres {

  private static final String IMAGE = "postgres:17-alpine";
  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String PREFIX = "milepost_host_test_";

  private static Boolean docker;

  @Bean
  @ServiceConnection
  @Conditional(DockerPresent.class)
  PostgreSQLContainer postgresContainer() {
    return new PostgreSQLContainer(IMAGE);
  }

  @Bean
  @Conditional(NoDocker.class)
  static DynamicPropertyRegistrar machinePostgres() {
    String schema = createLocalSchema();
    return registry -> {
      registry.add("spring.datasource.url", () -> LOCAL_URL + "?currentSchema=" + schema);
      registry.add("spring.datasource.username", () -> "postgres");
    };
  }

  /** Skips the calling test class, saying why, when there is neither a Docker engine nor the machine's PostgreSQL. */
  public static void assumeAvailable() {
    if (dockerPresent()) {
      return;
    }
    try (Connection connection = local()) {
      // reachable
    } catch (SQLException e) {
      Assumptions.abort("No Docker engine for a Testcontainers PostgreSQL, and PostgreSQL at 127.0.0.1:5432/test is "
          + "unreachable (" + e.getMessage() + "): skipping the PostgreSQL tests");
    }
  }

  /** What a test runs against a schema of its own ({@link #inSchemaOfItsOwn}). */
  @FunctionalInterface
  public interface SchemaBody {
    void run(DataSource dataSource) throws Exception;
  }

  /**
   * For tests that need a database and no Spring context: runs {@code body} against the machine's PostgreSQL in a
   * schema named {@code prefix} and a random suffix, dropped afterwards; skips the test, saying why, when that
   * PostgreSQL is unreachable.
   */
  public static void inSchemaOfItsOwn(String prefix, SchemaBody body) throws Exception {
    String schema = prefix + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffff);
    try (Connection connection = local(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage() + ")");
    }
    try {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(LOCAL_URL + "?currentSchema=" + schema);
      postgres.setUser("postgres");
      body.run(postgres);
    } finally {
      try (Connection connection = local(); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  static synchronized boolean dockerPresent() {
    if (docker == null) {
      docker = DockerClientFactory.instance().isDockerAvailable();
    }
    return docker;
  }

  private static String createLocalSchema() {
    String schema = PREFIX + Instant.now().getEpochSecond() + "_"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE);
    try (Connection connection = local(); Statement statement = connection.createStatement()) {
      dropSchemasOfEarlierRuns(statement);
      statement.execute("CREATE SCHEMA " + schema);
      return schema;
    } catch (SQLException e) {
      throw new IllegalStateException("Expected to create schema " + schema + " on PostgreSQL at 127.0.0.1:5432/test, "
          + "but: " + e.getMessage() + " (call TestPostgres.assumeAvailable() in a @BeforeAll to skip instead)", e);
    }
  }

  private static Connection local() throws SQLException {
    return DriverManager.getConnection(LOCAL_URL + "?connectTimeout=3", "postgres", "");
  }

  /**
   * A cached application context outlives its test class, so a run cannot drop its own schema while the
   * engine still uses it; runs clean up after those that started more than an hour ago instead.
   */
  private static void dropSchemasOfEarlierRuns(Statement statement) throws SQLException {
    long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
    List<String> stale = new ArrayList<>();
    try (ResultSet schemas = statement.executeQuery(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '" + PREFIX + "%'")) {
      while (schemas.next()) {
        String name = schemas.getString(1);
        String[] parts = name.substring(PREFIX.length()).split("_");
        if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < anHourAgo) {
          stale.add(name);
        }
      }
    }
    for (String name : stale) {
      statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  static final class DockerPresent implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return dockerPresent();
    }
  }

  static final class NoDocker implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !dockerPresent();
    }
  }
}
