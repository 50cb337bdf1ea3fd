package io.milepost.host.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milepost.host.insight.InsightQuery.Bucket;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.site.HostSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insight and guardrail SQL (PERCENTILE_CONT, VAR_SAMP, DATE_TRUNC) gives the same figures on H2 and
 * on PostgreSQL (in a schema of its own, dropped afterwards; skipped when no PostgreSQL answers).
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
  void shouldComputeTheSameFiguresOnPostgres() throws SQLException {
    String server = "jdbc:postgresql://127.0.0.1:5432/test";
    String schema = "milepost_insight_test_" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffff);
    try (Connection connection = DriverManager.getConnection(server + "?connectTimeout=3", "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage() + ")");
    }
    try {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(server + "?currentSchema=" + schema);
      postgres.setUser("postgres");
      assertFigures(postgres);
    } finally {
      try (Connection connection = DriverManager.getConnection(server, "postgres", "");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static void assertFigures(DataSource dataSource) {
    // given 100 jobs of 1..100 ms on acme 1.0.0 at s-1 (every 10th failed, every 20th a BPMN error), each
    // reporting voidFillLitres = its duration / 10, and 20 jobs of 500 ms on 2.0.0, all in the same hour
    HostSchema schema = HostSchema.migrate(dataSource);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (int i = 1; i <= 100; i++) {
      String outcome = i % 10 == 0 ? "FAILED" : i % 20 == 5 ? "BPMN_ERROR" : "COMPLETED";
      long id = insert(jdbc, i, "1.0.0", outcome, i, T0.plusSeconds(i * 10L));
      jdbc.sql("INSERT INTO step_measure (step_record_id, name, measure_value) VALUES (?, 'voidFillLitres', ?)")
          .params(id, i / 10.0).update();
    }
    for (int i = 1; i <= 20; i++) {
      insert(jdbc, 1000 + i, "2.0.0", "COMPLETED", 500, T0.plusSeconds(i * 10L));
    }
    StepInsights insights = new StepInsights(jdbc, schema);
    StepSamples samples = new StepSamples(jdbc, schema);

    // when
    List<StepInsight> all = insights.query(new InsightQuery("test.step", null, null, null, null, null));
    List<StepInsight> hourly = insights.query(new InsightQuery(null, "s-1", "1.0.0", T0, T0.plusSeconds(3600),
        Bucket.HOUR));
    SampleStats onOne = samples.stats(new StepSample("test.step", List.of("s-1"), new PluginCoordinates("acme", "2.0.0"),
        false, T0, T0.plusSeconds(3600)));

    // then
    assertThat(all).extracting(StepInsight::pluginVersion).containsExactly("1.0.0", "2.0.0");
    StepInsight one = all.getFirst();
    assertThat(one.count()).isEqualTo(100);
    assertThat(one.failureRate()).isEqualTo(0.10);
    assertThat(one.bpmnErrorRate()).isEqualTo(0.05);
    assertThat(one.p50Ms()).isCloseTo(50.5, within(1e-9));
    assertThat(one.p95Ms()).isCloseTo(95.05, within(1e-9));
    assertThat(one.measures().get("voidFillLitres").sum()).isCloseTo(505.0, within(1e-9));
    assertThat(one.measures().get("voidFillLitres").mean()).isCloseTo(5.05, within(1e-9));
    assertThat(one.measures().get("voidFillLitres").p95()).isCloseTo(9.505, within(1e-9));
    assertThat(all.get(1).p95Ms()).isEqualTo(500.0);
    assertThat(all.get(1).measures()).isEmpty();
    assertThat(hourly).singleElement().satisfies(row -> {
      assertThat(row.bucketStart()).isEqualTo(T0);
      assertThat(row.count()).isEqualTo(100);
      assertThat(row.throughputPerHour()).isEqualTo(100.0);
    });
    assertThat(onOne.count()).isEqualTo(100);
    assertThat(onOne.failures()).isEqualTo(10);
    assertThat(onOne.measures().get("voidFillLitres").variance()).isCloseTo(8.416666666666666, within(1e-6));
  }

  private static long insert(JdbcClient jdbc, long jobKey, String version, String outcome, long durationMs,
      Instant startedAt) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("INSERT INTO step_record (job_key, process_instance_key, element_id, job_type, site_id, plugin_id,"
            + " plugin_version, outcome, message, started_at, duration_ms) VALUES (?, ?, 'step', 'test.step', 's-1',"
            + " 'acme', ?, ?, NULL, ?, ?)")
        .params(jobKey, jobKey, version, outcome, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC), durationMs)
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }
}
