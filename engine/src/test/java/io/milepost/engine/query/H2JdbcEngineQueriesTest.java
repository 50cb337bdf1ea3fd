package io.milepost.engine.query;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

class H2JdbcEngineQueriesTest extends JdbcEngineQueriesContract {

  @Override
  protected DataSource emptyStore() {
    JdbcDataSource dataSource = new JdbcDataSource();
    // A new named in-memory database per test, kept open until the JVM ends.
    dataSource.setURL("jdbc:h2:mem:queries-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/engine").load().migrate();
    return dataSource;
  }
}
