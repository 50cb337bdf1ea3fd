package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalingDataSourceTest {

  private final AtomicInteger reported = new AtomicInteger();
  private JournalingDataSource dataSource;

  @BeforeEach
  void setUp() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:reporting-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection connection = h2.getConnection()) {
      connection.createStatement().execute("CREATE TABLE stock (sku VARCHAR(20), quantity INT)");
    }
    dataSource = new JournalingDataSource(h2);
    dataSource.onCommit(reported::incrementAndGet);
  }

  @Test
  void shouldReportAWriteInAutoCommitAndNotAQuery() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM stock")) {
        query.executeQuery().close();
      }
      assertThat(reported).as("after a query").hasValue(0);

      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stock VALUES (?, ?)")) {
        insert.setString(1, "SKU-1");
        insert.setInt(2, 5);
        insert.executeUpdate();
      }
      assertThat(reported).as("after an insert in auto-commit").hasValue(1);
    }
  }

  @Test
  void shouldReportATransactionThatWroteWhenItCommitsAndNotOneRolledBackOrReadOnly() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO stock VALUES ('SKU-2', 1)");
        assertThat(reported).as("before the commit").hasValue(0);
        connection.commit();
        assertThat(reported).as("after the commit").hasValue(1);

        statement.executeUpdate("UPDATE stock SET quantity = 0");
        connection.rollback();
        statement.executeQuery("SELECT * FROM stock").close();
        connection.commit();
        assertThat(reported).as("after a rollback and a read-only commit").hasValue(1);

        statement.executeUpdate("DELETE FROM stock");
        connection.setAutoCommit(true); // commits
        assertThat(reported).as("after auto-commit was switched back on").hasValue(2);
      }
    }
  }

  @Test
  void shouldRefuseAStoreIntervalOfZero() {
    assertThatThrownBy(() -> new JournalingDataSource(dataSource.target(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a store interval above 0, but found PT0S");
  }

  @Test
  void shouldUnwrapToThePoolItReportsFor() throws Exception {
    assertThat(dataSource.isWrapperFor(JdbcDataSource.class)).isTrue();
    assertThat(dataSource.unwrap(JdbcDataSource.class)).isSameAs(dataSource.target());
  }
}
