package io.milepost.host.insight;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.milepost.host.insight.InsightQuery.Bucket;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.site.HostSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Not a test: how long the insight and guardrail queries take over many step records, run on demand with
 * {@code -Dmilepost.measure.steps=1000000} (H2 file under {@code -Dmilepost.measure.dir}, default
 * /tmp/insight-measure; add {@code -Dmilepost.measure.pg=jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
 * for PostgreSQL, in a schema of its own). It fills the store once per size with records spread over 20
 * sites, 6 job types, 2 plugin versions and 30 days, a measure on every pack step, rolls them up (as
 * migration 5.1 does), then prints the median
 * of 5 runs (or -Dmilepost.measure.runs) of each query. Results: benchmarks/RESULTS.md, "Insights over step records".
 */
class StepInsightsMeasurement {

  private static final int RUNS = Integer.getInteger("milepost.measure.runs", 5);
  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
  private static final String[] JOB_TYPES = {"fulfillment.receive", "fulfillment.allocate", "fulfillment.pick",
      "fulfillment.pack", "fulfillment.sort", "fulfillment.deliver"};

  @Test
  void measure() throws Exception {
    String steps = System.getProperty("milepost.measure.steps");
    assumeTrue(steps != null, "a measurement, run only with -Dmilepost.measure.steps=<step records>");
    int count = Integer.parseInt(steps);
    Path dir = Files.createDirectories(Path.of(System.getProperty("milepost.measure.dir", "/tmp/insight-measure")));
    JdbcDataSource h2 = new JdbcDataSource();
    // Open while the measurement runs (DB_CLOSE_DELAY): each query opens a connection of its own, and H2
    // would otherwise close and reopen the whole file between them.
    h2.setURL("jdbc:h2:file:" + dir.resolve("steps-" + count) + ";QUERY_CACHE_SIZE=0;DB_CLOSE_DELAY=-1");
    run("H2", h2, count);
    String pg = System.getProperty("milepost.measure.pg");
    if (pg != null) {
      String schema = "milepost_insight_measure_" + count;
      try (Connection connection = java.sql.DriverManager.getConnection(pg);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      }
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      run("PostgreSQL", postgres, count);
    }
  }

  private static void run(String store, DataSource dataSource, int count) throws Exception {
    HostSchema schema = HostSchema.migrate(dataSource);
    long filled = fillIfEmpty(dataSource, count);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long rolledUp = 0;
    if (filled > 0) {
      // Loaded in bulk past StepRecords, so rolled up here as migration 5.1 rolls up older records: on one
      // connection, in one transaction, as Flyway runs it.
      long started = System.nanoTime();
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        StepRollupRebuild.rebuild(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        connection.commit();
      }
      rolledUp = (System.nanoTime() - started) / 1_000_000;
    }
    // records kept: the clock stands at the first day measured
    StepInsights insights = new StepInsights(jdbc, schema,
        new RecordRetention(RecordRetention.DEFAULT, Clock.fixed(START, ZoneOffset.UTC)));
    StepSamples samples = new StepSamples(jdbc, schema);
    Instant day = START.plusSeconds(20 * 86400L);
    System.out.printf("%s, %,d step records (filled in %,d ms, rolled up in %,d ms)%n", store, count, filled,
        rolledUp);
    time("all sites and versions of one job type, 30 days", () -> insights.query(
        new InsightQuery("fulfillment.pack", null, null, null, null, null)).size());
    time("one job type per day (bucket=day), 30 days", () -> insights.query(
        new InsightQuery("fulfillment.pack", null, null, null, null, Bucket.DAY)).size());
    time("one job type, 7 days from and to mid-hour (rollups plus records at both ends)", () -> insights.query(
        new InsightQuery("fulfillment.pack", null, null, day.plusSeconds(1800), day.plusSeconds(7 * 86400 + 1800),
            null)).size());
    time("one site, one job type, one day", () -> insights.query(
        new InsightQuery("fulfillment.pack", "site-7", null, day, day.plusSeconds(86400), null)).size());
    time("everything, 30 days (no filter)", () -> insights.query(
        new InsightQuery(null, null, null, null, null, null)).size());
    time("guardrail check: canary of 2 sites on 2.0.0, one day", () -> (int) samples.stats(new StepSample(
        "fulfillment.pack", List.of("site-1", "site-2"), new PluginCoordinates("acme", "2.0.0"), true, day,
        day.plusSeconds(86400))).count());
    time("guardrail check: control of 18 sites on other versions, one day", () -> (int) samples.stats(new StepSample(
        "fulfillment.pack", controlSites(), new PluginCoordinates("acme", "2.0.0"), false, day,
        day.plusSeconds(86400))).count());
  }

  private static List<String> controlSites() {
    List<String> sites = new ArrayList<>();
    for (int i = 3; i <= 20; i++) {
      sites.add("site-" + i);
    }
    return sites;
  }

  private static void time(String what, Supplier<Integer> query) {
    long[] millis = new long[RUNS];
    int rows = 0;
    for (int i = 0; i < millis.length; i++) {
      long started = System.nanoTime();
      rows = query.get();
      millis[i] = (System.nanoTime() - started) / 1_000_000;
    }
    Arrays.sort(millis);
    System.out.printf("  %-66s median %,6d ms (min %,d, max %,d), %d rows%n", what, millis[RUNS / 2], millis[0],
        millis[RUNS - 1], rows);
  }

  private static long fillIfEmpty(DataSource dataSource, int count) throws Exception {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      try (Statement statement = connection.createStatement();
          ResultSet existing = statement.executeQuery("SELECT COUNT(*) FROM step_record")) {
        existing.next();
        if (existing.getLong(1) >= count) {
          return 0;
        }
      }
      connection.setAutoCommit(false);
      Random random = new Random(7);
      long spanSeconds = 30 * 86400L;
      try (PreparedStatement record = connection.prepareStatement("INSERT INTO step_record (id, job_key,"
          + " process_instance_key, element_id, job_type, site_id, plugin_id, plugin_version, outcome, started_at,"
          + " duration_ms) VALUES (?, ?, ?, 'step', ?, ?, 'acme', ?, ?, ?, ?)");
          PreparedStatement measure = connection.prepareStatement(
              "INSERT INTO step_measure (step_record_id, name, measure_value) VALUES (?, 'voidFillLitres', ?)")) {
        for (int i = 1; i <= count; i++) {
          String jobType = JOB_TYPES[i % JOB_TYPES.length];
          int site = 1 + random.nextInt(20);
          Instant startedAt = START.plusSeconds((long) i * spanSeconds / count);
          boolean canary = site <= 2 && startedAt.isAfter(START.plusSeconds(15 * 86400L));
          record.setLong(1, i);
          record.setLong(2, i);
          record.setLong(3, i / 6);
          record.setString(4, jobType);
          record.setString(5, "site-" + site);
          record.setString(6, canary ? "2.0.0" : "1.0.0");
          record.setString(7, random.nextDouble() < 0.02 ? "FAILED" : "COMPLETED");
          record.setObject(8, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
          record.setLong(9, (long) Math.exp(3 + random.nextGaussian() * 0.5));
          record.addBatch();
          if (jobType.equals("fulfillment.pack")) {
            measure.setLong(1, i);
            measure.setDouble(2, 1 + random.nextDouble());
            measure.addBatch();
          }
          if (i % 10_000 == 0) {
            record.executeBatch();
            measure.executeBatch();
            connection.commit();
          }
        }
        record.executeBatch();
        measure.executeBatch();
        connection.commit();
      }
    }
    return (System.nanoTime() - started) / 1_000_000;
  }
}
