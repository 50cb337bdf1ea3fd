package io.milepost.engine.query;

import io.milepost.engine.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;

/**
 * Runs the query contract on PostgreSQL ({@link TestPostgres}: a Testcontainers PostgreSQL when Docker is
 * present, else the machine's), each test in its own schema so parallel runs do not collide. Skipped, with
 * a message, only when neither is available.
 */
class PostgresJdbcEngineQueriesTest extends JdbcEngineQueriesContract {

  private static final String RUN = "q" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  private static final List<String> SCHEMAS = new ArrayList<>();

  @AfterAll
  static void dropSchemas() {
    SCHEMAS.forEach(TestPostgres::dropSchema);
  }

  @Override
  protected DataSource emptyStore() {
    String schema = RUN + "_" + SCHEMAS.size();
    DataSource dataSource = TestPostgres.createSchema(schema);
    SCHEMAS.add(schema);
    Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
        .locations("classpath:db/migration/engine").load().migrate();
    return dataSource;
  }
}
