package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.milepost.host.insight.RollupStep;
import io.milepost.host.insight.StepRollups;
import io.milepost.host.site.HostSchema;
import io.milepost.host.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps that end while the records before them are being written are stored together, in one transaction with their
 * rollups; a record that cannot be stored fails alone. The store is held up the way a busy one is: another transaction
 * keeps the hour's rollup row locked. On H2 and on PostgreSQL (in a schema of its own, dropped afterwards; skipped
 * when no PostgreSQL answers). A host whose first record of an hour meets the rollup row another host opened at the
 * same time stores its record again.
 */
class StepRecordsTest {

  private static final Instant STARTED = Instant.parse("2026-11-29T08:15:00Z");
  private static final long INSTANCE = 7;
  private static final int QUEUED = 20;
  private static final String LOCK_THE_HOUR = "UPDATE step_rollup SET jobs = jobs WHERE job_type = 'fulfillment.pick'";

  @Test
  void shouldStoreTheStepsThatEndWhileAGroupIsWrittenAsOneGroupOnH2() throws Exception {
    assertGrouping(h2());
  }

  @Test
  void shouldStoreTheStepsThatEndWhileAGroupIsWrittenAsOneGroupOnPostgres() throws Exception {
    TestPostgres.inSchemaOfItsOwn("milepost_step_records_", StepRecordsTest::assertGrouping);
  }

  @Test
  void shouldFailOnlyTheRecordThatCannotBeStoredWhenItsGroupFailsOnH2() throws Exception {
    assertBadRecordFailsAlone(h2());
  }

  @Test
  void shouldFailOnlyTheRecordThatCannotBeStoredWhenItsGroupFailsOnPostgres() throws Exception {
    TestPostgres.inSchemaOfItsOwn("milepost_step_records_", StepRecordsTest::assertBadRecordFailsAlone);
  }

  // PostgreSQL only: hosts share a database there, while an H2 file belongs to one host
  @Test
  void shouldStoreARecordWhoseNewHourAnotherHostOpenedMeanwhileOnPostgres() throws Exception {
    TestPostgres.inSchemaOfItsOwn("milepost_step_records_", StepRecordsTest::assertAnotherHostOpensTheHourFirst);
  }

  private static void assertGrouping(DataSource dataSource) throws Exception {
    // given: the hour's rollup row exists (one record stored) and another transaction holds it
    Fixture fixture = new Fixture(dataSource);
    fixture.records.add(record("s-1", 10), Map.of("boxes", 1.0));
    try (Connection holder = holdTheHour(dataSource);
        ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
      // when: one step ends and waits for the row, and 20 more end while it waits
      List<CompletableFuture<Long>> ids = new ArrayList<>();
      ids.add(fixture.addAsync(steps, record("s-1", 20)));
      awaitWaiting(fixture, 0);
      for (int i = 0; i < QUEUED; i++) {
        ids.add(fixture.addAsync(steps, record("s-1", 30 + i)));
      }
      awaitWaiting(fixture, QUEUED);
      holder.rollback();

      // then every step is stored, the 20 in one transaction after the one they waited for
      assertThat(ids).allSatisfy(id -> assertThat(id.get(30, TimeUnit.SECONDS)).isPositive());
      assertThat(ids.stream().map(CompletableFuture::join).distinct()).hasSize(QUEUED + 1);
      DistributionSummary groups = fixture.groupSizes();
      assertThat(groups.count()).isEqualTo(3);
      assertThat(groups.max()).isEqualTo(QUEUED);
      // and the rollups count each of the 22 records once, with their measures and durations
      assertThat(fixture.records.forProcessInstanceWithMeasures(INSTANCE)).hasSize(QUEUED + 2)
          .allSatisfy(step -> assertThat(step.measures()).containsEntry("boxes", 1.0));
      assertThat(fixture.single("SELECT jobs FROM step_rollup")).isEqualTo(QUEUED + 2);
      assertThat(fixture.single("SELECT value_count FROM step_rollup_measure WHERE name = 'boxes'"))
          .isEqualTo(QUEUED + 2);
      assertThat(fixture.single("SELECT SUM(n) FROM step_rollup_bucket WHERE series = ''")).isEqualTo(QUEUED + 2);
    }
  }

  private static void assertBadRecordFailsAlone(DataSource dataSource) throws Exception {
    // given
    Fixture fixture = new Fixture(dataSource);
    fixture.records.add(record("s-1", 10), Map.of("boxes", 1.0));
    try (Connection holder = holdTheHour(dataSource);
        ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
      // when: a group of 20 in which one record names a site longer than the column holds
      fixture.addAsync(steps, record("s-1", 20));
      awaitWaiting(fixture, 0);
      List<CompletableFuture<Long>> good = new ArrayList<>();
      CompletableFuture<Long> bad = null;
      for (int i = 0; i < QUEUED; i++) {
        if (i == QUEUED / 2) {
          bad = fixture.addAsync(steps, record("s".repeat(101), 99));
        } else {
          good.add(fixture.addAsync(steps, record("s-1", 30 + i)));
        }
      }
      awaitWaiting(fixture, QUEUED);
      holder.rollback();

      // then the bad record's step learns that it was not stored, and the others are stored
      CompletableFuture<Long> refused = bad;
      assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).rootCause().hasMessageContaining("too long");
      assertThat(good).allSatisfy(id -> assertThat(id.get(30, TimeUnit.SECONDS)).isPositive());
      assertThat(fixture.records.forProcessInstance(INSTANCE)).hasSize(QUEUED + 1)
          .noneMatch(step -> step.siteId().length() > 100);
      assertThat(fixture.single("SELECT jobs FROM step_rollup")).isEqualTo(QUEUED + 1);
    }
  }

  /**
   * Two hosts on one database that store the first records of an hour at once: neither sees the other's uncommitted
   * rollup row, both insert it, and the one that commits second fails on the key; it must store its record again.
   */
  private static void assertAnotherHostOpensTheHourFirst(DataSource dataSource) throws Exception {
    // given: another host has opened the hour's rollup row in a transaction that has not committed yet
    Fixture fixture = new Fixture(dataSource);
    try (Connection otherHost = dataSource.getConnection();
        ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
      otherHost.setAutoCommit(false);
      new StepRollups(JdbcClient.create(new SingleConnectionDataSource(otherHost, true))).add(List.of(
          new RollupStep("fulfillment.pick", "s-1", "acme", "1.0.0", "COMPLETED", STARTED, 40, Map.of("boxes", 2.0))));

      // when: this host stores a record of the same hour, whose insert of that row waits for the other transaction
      CompletableFuture<Long> id = fixture.addAsync(steps, record("s-1", 10));
      awaitBlockedByAnotherTransaction(dataSource);
      otherHost.commit();

      // then the record is stored and the hour's one row counts both hosts' steps
      assertThat(id.get(30, TimeUnit.SECONDS)).isPositive();
      assertThat(fixture.single("SELECT COUNT(*) FROM step_rollup")).isEqualTo(1);
      assertThat(fixture.single("SELECT jobs FROM step_rollup")).isEqualTo(2);
      assertThat(fixture.single("SELECT value_count FROM step_rollup_measure WHERE name = 'boxes'")).isEqualTo(2);
    }
  }

  /** Until a session of the PostgreSQL database waits to insert a rollup row that another transaction holds. */
  private static void awaitBlockedByAnotherTransaction(DataSource dataSource) throws Exception {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    String blocked = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO step_rollup %'";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jdbc.sql(blocked).query(Long.class).single() == 0) {
      assertThat(System.nanoTime()).as("a session waiting for the other host's row").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static StepRecord record(String siteId, long durationMs) {
    return new StepRecord(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), INSTANCE, "pick",
        "fulfillment.pick", siteId, "acme", "1.0.0", StepOutcome.COMPLETED, null, STARTED, durationMs, null);
  }

  /** Another transaction that updates the hour's rollup row and keeps it locked until it ends. */
  private static Connection holdTheHour(DataSource dataSource) throws SQLException {
    Connection holder = dataSource.getConnection();
    holder.setAutoCommit(false);
    try (Statement statement = holder.createStatement()) {
      assertThat(statement.executeUpdate(LOCK_THE_HOUR)).isEqualTo(1);
    }
    return holder;
  }

  /** Until the step writing its group waits for the row and {@code queued} more wait for it. */
  private static void awaitWaiting(Fixture fixture, int queued) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (fixture.records.waitingForGroup() < queued || !fixture.records.writingGroup()) {
      assertThat(System.nanoTime()).as("steps waiting for their group").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:step-records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000");
    return h2;
  }

  /** The host's schema and step records on one database. */
  private static final class Fixture {
    private final JdbcClient jdbc;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StepRecords records;

    Fixture(DataSource dataSource) {
      HostSchema schema = HostSchema.migrate(dataSource);
      jdbc = JdbcClient.create(dataSource);
      records = new StepRecords(jdbc, schema, new StepRollups(jdbc),
          new TransactionTemplate(new DataSourceTransactionManager(dataSource)), registry);
    }

    CompletableFuture<Long> addAsync(ExecutorService steps, StepRecord record) {
      return CompletableFuture.supplyAsync(() -> records.add(record, Map.of("boxes", 1.0)), steps);
    }

    DistributionSummary groupSizes() {
      return registry.get(StepRecords.GROUP_SIZE).summary();
    }

    long single(String sql) {
      return jdbc.sql(sql).query(Long.class).single();
    }
  }
}
