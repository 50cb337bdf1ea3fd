package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.milepost.host.insight.InsightQuery;
import io.milepost.host.insight.RecordRetention;
import io.milepost.host.insight.StepInsight;
import io.milepost.host.insight.StepInsights;
import io.milepost.host.insight.StepRollups;
import io.milepost.host.site.HostSchema;
import io.milepost.host.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step records older than their retention are deleted with their measures, in batches; the hourly rollups stay, and an
 * insight over a window of that old time answers the same as before, from the rollups. On H2 and on PostgreSQL (in a
 * schema of its own, dropped afterwards; skipped when no PostgreSQL answers).
 */
class OldStepRecordsTest {

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final long OLD_INSTANCE = 1;
  private static final long RECENT_INSTANCE = 2;

  @Test
  void shouldDeleteOldRecordsAndKeepTheRollupsOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:old-steps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertRetention(h2);
  }

  @Test
  void shouldDeleteOldRecordsAndKeepTheRollupsOnPostgres() throws Exception {
    TestPostgres.inSchemaOfItsOwn("milepost_old_steps_", OldStepRecordsTest::assertRetention);
  }

  private static void assertRetention(DataSource dataSource) {
    // given: more old records than one batch, in the two hours from T0, each with a measure; three records 100 days
    // later; and the clock a little after those, with records kept for 90 days
    HostSchema schema = HostSchema.migrate(dataSource);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    StepRecords records = new StepRecords(jdbc, schema, new StepRollups(jdbc), transaction,
        new SimpleMeterRegistry());
    int old = OldStepRecords.BATCH + 200;
    long firstOldId = 0;
    for (int i = 0; i < old; i++) {
      StepOutcome outcome = i % 10 == 0 ? StepOutcome.FAILED : StepOutcome.COMPLETED;
      long id = records.add(record(OLD_INSTANCE, T0.plusSeconds(i * 5L), outcome, 10 + i % 90),
          Map.of("boxes", (double) (i % 4)));
      firstOldId = i == 0 ? id : firstOldId;
    }
    Instant recent = T0.plus(Duration.ofDays(100));
    for (int i = 0; i < 3; i++) {
      records.add(record(RECENT_INSTANCE, recent.plusSeconds(i), StepOutcome.COMPLETED, 20), Map.of("boxes", 1.0));
    }
    RecordRetention retention = new RecordRetention(Duration.ofDays(90),
        Clock.fixed(recent.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    StepInsights insights = new StepInsights(jdbc, schema, retention);
    InsightQuery wholeHours = new InsightQuery("fulfillment.pick", "s-1", null, T0, T0.plus(Duration.ofHours(2)), null);
    List<StepInsight> before = insights.query(wholeHours);
    long rollupRows = jdbc.sql("SELECT COUNT(*) FROM step_rollup").query(Long.class).single();

    // when
    long deleted = new OldStepRecords(new JdbcTemplate(dataSource), schema, transaction, retention).deleteExpired();

    // then the old records and their measures are gone, the recent ones and every rollup stay
    assertThat(deleted).isEqualTo(old);
    assertThat(records.forProcessInstance(OLD_INSTANCE)).isEmpty();
    assertThat(records.measures(firstOldId)).isEmpty();
    assertThat(records.forProcessInstanceWithMeasures(RECENT_INSTANCE)).hasSize(3)
        .allSatisfy(step -> assertThat(step.measures()).containsEntry("boxes", 1.0));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM step_rollup").query(Long.class).single()).isEqualTo(rollupRows);
    // and the insights over the old hours answer as before, from the rollups
    assertThat(insights.query(wholeHours)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
    assertThat(before).singleElement().satisfies(insight -> {
      assertThat(insight.count()).isEqualTo(old);
      assertThat(insight.failureRate()).isEqualTo(120 / (double) old);
      assertThat(insight.measures().get("boxes").count()).isEqualTo(old);
    });
    // a window that ends in the middle of an old hour is answered by its whole hours (the records of its part are
    // gone): here the first hour, 720 steps, not the 360 of its first half
    InsightQuery firstHalfHour = new InsightQuery("fulfillment.pick", "s-1", null, T0, T0.plus(Duration.ofMinutes(30)),
        null);
    assertThat(insights.query(firstHalfHour)).singleElement().extracting(StepInsight::count).isEqualTo(720L);
  }

  private static StepRecord record(long instance, Instant startedAt, StepOutcome outcome, long durationMs) {
    return new StepRecord(startedAt.toEpochMilli(), instance, "pick", "fulfillment.pick", "s-1", "acme", "1.0.0",
        outcome, outcome == StepOutcome.FAILED ? "no stock" : null, startedAt, durationMs, null);
  }
}
