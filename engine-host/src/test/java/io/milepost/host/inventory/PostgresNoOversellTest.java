package io.milepost.host.inventory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The oversell test on PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}) in a
 * schema of its own per run; skipped, with a message, only when the server cannot be reached. Schemas of
 * earlier runs are dropped by {@code PostgresCamundaClientProcessTest}'s clean-up (same prefix).
 */
class PostgresNoOversellTest extends NoOversellTest {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "milepost_host_test_" + Instant.now().getEpochSecond() + "_"
      + Integer.toHexString(ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE);

  @BeforeAll
  static void createSchema() {
    try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=3", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + SCHEMA);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage() + "); skipping");
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
  }
}
