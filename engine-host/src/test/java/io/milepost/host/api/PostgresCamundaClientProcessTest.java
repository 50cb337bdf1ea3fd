package io.milepost.host.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same client scenarios with the host on PostgreSQL (127.0.0.1:5432, database {@code test},
 * user {@code postgres}) through {@code spring.datasource.*}, in a schema of its own per run.
 * Skipped, with a message, only when that server cannot be reached.
 */
class PostgresCamundaClientProcessTest extends CamundaClientProcessTest {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String PREFIX = "milepost_host_test_";
  private static final String SCHEMA = PREFIX + Instant.now().getEpochSecond() + "_"
      + Integer.toHexString(ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE);

  @BeforeAll
  static void createSchema() {
    try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=3", "postgres", "");
        Statement statement = connection.createStatement()) {
      dropSchemasOfEarlierRuns(statement);
      statement.execute("CREATE SCHEMA " + SCHEMA);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage()
          + "); skipping the PostgreSQL API tests");
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  /**
   * The application context outlives the test class, so a run cannot drop its own schema while the
   * engine still uses it; runs clean up after those that finished more than an hour ago instead.
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
}
