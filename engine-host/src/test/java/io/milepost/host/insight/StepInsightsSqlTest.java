package io.milepost.host.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.milepost.host.insight.InsightQuery.Bucket;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.site.HostSchema;
import io.milepost.host.testing.TestPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insights (hourly rollups kept as records are stored, topped up from the records at a window's ends)
 * and the guardrail SQL (PERCENTILE_CONT, VAR_SAMP) give the same figures on H2 and on PostgreSQL (in a schema of its own, dropped afterwards; skipped when no PostgreSQL answers).
 */
class StepInsightsSqlTest {

  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

  @Test
  void shouldComputeTheFiguresOnH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:insights-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertFigures(h2);
  }

  @Test
  void shouldComputeTheSameFiguresOnPostgres() throws Exception {
    TestPostgres.inSchemaOfItsOwn("milepost_insight_test_", StepInsightsSqlTest::assertFigures);
  }

  private static void assertFigures(DataSource dataSource) {
    // given 100 jobs of 1..100 ms on acme 1.0.0 at s-1 (every 10th failed, every 20th a BPMN error), each
    // reporting voidFillLitres = its duration / 10, and 20 jobs of 500 ms on 2.0.0, all in the hour from T0;
    // and at s-2 one job 20 minutes before that hour and one 70 minutes into it
    HostSchema schema = HostSchema.migrate(dataSource);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    StepRollups rollups = new StepRollups(jdbc);
    for (int i = 1; i <= 100; i++) {
      String outcome = i % 10 == 0 ? "FAILED" : i % 20 == 5 ? "BPMN_ERROR" : "COMPLETED";
      insert(jdbc, rollups, i, "s-1", "1.0.0", outcome, i, T0.plusSeconds(i * 10L), Map.of("voidFillLitres", i / 10.0));
    }
    for (int i = 1; i <= 20; i++) {
      insert(jdbc, rollups, 1000 + i, "s-1", "2.0.0", "COMPLETED", 500, T0.plusSeconds(i * 10L), Map.of());
    }
    insert(jdbc, rollups, 2001, "s-2", "1.0.0", "COMPLETED", 7, T0.minusSeconds(20 * 60), Map.of());
    insert(jdbc, rollups, 2002, "s-2", "1.0.0", "COMPLETED", 7, T0.plusSeconds(70 * 60), Map.of());
    // the records are a day old: all kept
    StepInsights insights = new StepInsights(jdbc, schema,
        new RecordRetention(RecordRetention.DEFAULT, Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC)));
    StepSamples samples = new StepSamples(jdbc, schema);

    // when
    List<StepInsight> all = insights.query(new InsightQuery("test.step", null, null, null, null, null));
    List<StepInsight> hourly = insights.query(new InsightQuery(null, "s-1", "1.0.0", T0, T0.plusSeconds(3600),
        Bucket.HOUR));
    List<StepInsight> partOfAnHour = insights.query(new InsightQuery(null, "s-1", "1.0.0", T0.plusSeconds(500),
        T0.plusSeconds(3600), null));
    List<StepInsight> acrossHours = insights.query(new InsightQuery(null, "s-2", null, T0.minusSeconds(30 * 60),
        T0.plusSeconds(80 * 60), null));
    List<StepInsight> halfAnHourLater = insights.query(new InsightQuery(null, "s-2", null, T0.minusSeconds(15 * 60),
        T0.plusSeconds(80 * 60), null));
    SampleStats onOne = samples.stats(new StepSample("test.step", List.of("s-1"), new PluginCoordinates("acme", "2.0.0"),
        false, T0, T0.plusSeconds(3600)));

    // then counts, rates and sums are exact; percentiles within the buckets' 9.1 % of the nearest rank
    assertThat(all).extracting(StepInsight::siteId, StepInsight::pluginVersion)
        .containsExactly(tuple("s-1", "1.0.0"), tuple("s-1", "2.0.0"), tuple("s-2", "1.0.0"));
    StepInsight one = all.getFirst();
    assertThat(one.count()).isEqualTo(100);
    assertThat(one.failureRate()).isEqualTo(0.10);
    assertThat(one.bpmnErrorRate()).isEqualTo(0.05);
    assertThat(one.p50Ms()).isCloseTo(50, withinPercentage(9.1));
    assertThat(one.p95Ms()).isCloseTo(95, withinPercentage(9.1));
    assertThat(one.measures().get("voidFillLitres").count()).isEqualTo(100);
    assertThat(one.measures().get("voidFillLitres").sum()).isCloseTo(505.0, within(1e-9));
    assertThat(one.measures().get("voidFillLitres").mean()).isCloseTo(5.05, within(1e-9));
    assertThat(one.measures().get("voidFillLitres").variance()).isCloseTo(8.416666666666666, within(1e-6));
    assertThat(one.measures().get("voidFillLitres").p95()).isCloseTo(9.5, withinPercentage(9.1));
    assertThat(all.get(1).p95Ms()).isCloseTo(500, withinPercentage(9.1));
    assertThat(all.get(1).measures()).isEmpty();
    assertThat(all.get(2).count()).isEqualTo(2);
    assertThat(hourly).singleElement().satisfies(row -> {
      assertThat(row.bucketStart()).isEqualTo(T0);
      assertThat(row.count()).isEqualTo(100);
      assertThat(row.throughputPerHour()).isEqualTo(100.0);
    });
    assertThat(partOfAnHour).singleElement().extracting(StepInsight::count).isEqualTo(51L);
    assertThat(acrossHours).singleElement().extracting(StepInsight::count).isEqualTo(2L);
    assertThat(halfAnHourLater).singleElement().extracting(StepInsight::count).isEqualTo(1L);
    assertThat(onOne.count()).isEqualTo(100);
    assertThat(onOne.failures()).isEqualTo(10);
    assertThat(onOne.measures().get("voidFillLitres").variance()).isCloseTo(8.416666666666666, within(1e-6));

    // and rolling the records up again from scratch (migration 5.1) gives the same figures
    StepRollupRebuild.rebuild(jdbc);
    assertThat(insights.query(new InsightQuery("test.step", null, null, null, null, null)))
        .usingRecursiveFieldByFieldElementComparator().isEqualTo(all);
  }

  /** As StepRecords stores a record: the row, its measures and its hour's rollup. */
  private static void insert(JdbcClient jdbc, StepRollups rollups, long jobKey, String siteId, String version,
      String outcome, long durationMs, Instant startedAt, Map<String, Double> measures) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO step_record (job_key, process_instance_key, element_id, job_type, site_id, plugin_id,"
            + " plugin_version, outcome, message, started_at, duration_ms) VALUES (?, ?, 'step', 'test.step', ?,"
            + " 'acme', ?, ?, NULL, ?, ?)")
        .params(jobKey, jobKey, siteId, version, outcome, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC),
            durationMs)
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    measures.forEach((name, value) -> jdbc.sql(
            "INSERT INTO step_measure (step_record_id, name, measure_value) VALUES (?, ?, ?)")
        .params(id, name, value).update());
    rollups.add(List.of(
        new RollupStep("test.step", siteId, "acme", version, outcome, startedAt, durationMs, measures)));
  }
}
