package io.milepost.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often H2's own background thread stores the pages of an H2 file store: at H2's default without the journal,
 * where its stores are the ones that keep the file current, and at twice the store interval with it, where the
 * engine's page store does that and H2's would serialize the same pages again.
 */
class StoreWriteDelayTest {

  @TempDir
  Path dataDir;

  private final JdbcDataSource h2 = new JdbcDataSource();

  @BeforeEach
  void fileStore() {
    h2.setURL("jdbc:h2:" + dataDir.resolve("milepost") + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void shouldKeepH2sDefaultWriteDelayWithoutTheJournal() throws Exception {
    assertThat(writeDelayOfAStoreOn(h2)).isEqualTo(500);
  }

  @Test
  void shouldLetH2StoreOnlyAfterTwiceTheStoreIntervalWhenJournaling() throws Exception {
    assertThat(writeDelayOfAStoreOn(new JournalingDataSource(h2, Duration.ofSeconds(3)))).isEqualTo(6_000);
  }

  @Test
  void shouldOpenAJournaledStoreWhoseStoreIntervalIsLongerThanH2CanWait() throws Exception {
    assertThat(writeDelayOfAStoreOn(new JournalingDataSource(h2, Duration.ofDays(30)))).isEqualTo(Integer.MAX_VALUE);
  }

  /** Opens the engine's store on {@code dataSource} and reads H2's write delay while it is open. */
  private long writeDelayOfAStoreOn(DataSource dataSource) throws Exception {
    Store store = new Store(dataSource);
    try {
      return writeDelayMillis();
    } finally {
      store.close();
    }
  }

  private long writeDelayMillis() throws Exception {
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(row.next()).as("H2 reports its WRITE_DELAY setting").isTrue();
      return Long.parseLong(row.getString(1));
    }
  }
}
