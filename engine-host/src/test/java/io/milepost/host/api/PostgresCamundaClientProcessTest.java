package io.milepost.host.api;

import io.milepost.host.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.annotation.Import;

/**
 * The same client scenarios with the host on PostgreSQL ({@link TestPostgres}: a Testcontainers PostgreSQL
 * through {@code @ServiceConnection} when a Docker engine is present, else the machine's at 127.0.0.1:5432
 * in a schema of its own). Skipped, with a message, only when neither is available.
 */
@Import(TestPostgres.class)
class PostgresCamundaClientProcessTest extends CamundaClientProcessTest {

  @BeforeAll
  static void requirePostgres() {
    TestPostgres.assumeAvailable();
  }
}
