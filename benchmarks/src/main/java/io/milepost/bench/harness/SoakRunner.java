package io.milepost.bench.harness;

import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.HostOrders;
import io.milepost.bench.harness.Results.LatencyRound;
import io.milepost.bench.harness.Rounds.RoundFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak: engine-host with its plugins ({@link HostOrders}) taking orders at a fixed rate (half its measured
 * capacity) for a stated time, as back-to-back open-loop rounds of {@code sampleSeconds}. After each round it
 * samples engine-host: live heap after a full GC, live threads, open file descriptors ({@code /proc/<pid>/fd}) and
 * the store's size, and appends the row to a Markdown table as it goes (a run cut short keeps its rows).
 *
 * <p>The orders of the first {@link #SETTLE_SECONDS} after each forced GC run at the same rate but are not counted in
 * the next row: the seconds after a forced full GC are ones a running engine-host does not see from its own collector,
 * and they made the row's p99 (stop 26 found the same for the latency rounds; in stop 44's soak the full GCs fell
 * exactly on the rows' starts).
 */
public final class SoakRunner {

  /** How long orders run uncounted after each sample's forced GC. */
  static final int SETTLE_SECONDS = 5;

  /** One sample, taken after {@code minute} minutes of the soak; the figures before it are its round's. */
  public record Sample(double minute, long orders, double ordersPerSecond, double p50Millis, double p99Millis,
      double cpuMillisPerOrder, double heapAfterGcMb, int liveThreads, long openFiles, double storeMb,
      double loadAverage) {}

  /** The whole soak; {@code completedInStore} is checked against {@code ordersStarted} at the end. */
  public record SoakResult(String store, double rate, int minutes, int sampleSeconds, List<Sample> samples,
      long ordersStarted, long completedInStore, String note) {}

  private final Settings settings;

  public SoakRunner(Settings settings) {
    this.settings = settings;
  }

  /** Runs at {@code rate} orders/s for {@code minutes}; the table goes to {@code table}. */
  public SoakResult run(StoreKind store, String postgresUrl, double rate, int minutes, int sampleSeconds, Path table)
      throws Exception {
    String runId = "soak-" + store.name().toLowerCase();
    Path dataDir = Files.createDirectories(settings.workDir().resolve(runId + "-" + System.currentTimeMillis()));
    String url = store.freshUrl(dataDir, "bench_" + runId.replace('-', '_'), postgresUrl);
    try {
      return soak(store, url, dataDir, rate, minutes, sampleSeconds, table);
    } finally {
      StoreFiles.deleteKeepingLogs(dataDir);
    }
  }

  private SoakResult soak(StoreKind store, String url, Path dataDir, double rate, int minutes, int sampleSeconds,
      Path table) throws Exception {
    Files.createDirectories(table.toAbsolutePath().getParent());
    Files.writeString(table, String.format("Soak on %s at %.0f orders/s for %d min, a sample every %d s (the %d s "
        + "of orders after each sample's forced GC not counted)%n%n"
        + "| minute | orders | orders/s | p50 ms | p99 ms | CPU ms / order | heap after GC MB | live threads "
        + "| open files | store MB | load avg |%n|---|---|---|---|---|---|---|---|---|---|---|%n",
        store, rate, minutes, sampleSeconds, SETTLE_SECONDS));
    InstanceTracker tracker = new InstanceTracker();
    List<Sample> samples = new ArrayList<>();
    String note = "";
    try (HostOrders orders = new HostOrders()) {
      orders.start(new BenchContext(Workload.ORDER, store, url, dataDir, settings.repositoryRoot(), new Models(),
          settings.workerThreadsPerType(), settings.completion()), tracker);
      Rounds rounds = new Rounds(settings, orders, tracker);
      JvmProbe host = orders.host().probe();
      long start = System.nanoTime();
      long end = start + TimeUnit.MINUTES.toNanos(minutes);
      try {
        while (System.nanoTime() < end) {
          int count = (int) Math.round(rate * sampleSeconds);
          long roundStart = System.nanoTime();
          LatencyRound round = rounds.openLoop(rate, count);
          double seconds = (System.nanoTime() - roundStart) / 1e9;
          host.gc();
          Sample sample = new Sample((System.nanoTime() - start) / 60e9, count, count / seconds, round.p50Millis(),
              round.p99Millis(), round.cpuMillisPerInstance(), host.heapUsedBytes() / 1048576.0, host.liveThreads(),
              openFiles(orders.host().pid()), storeMb(store, url, dataDir),
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          samples.add(sample);
          Files.writeString(table, row(sample), StandardOpenOption.APPEND);
          WorkloadRunner.log("  soak %s", sample);
          rounds.openLoop(rate, (int) Math.round(rate * SETTLE_SECONDS)); // not counted: see the class comment
        }
      } catch (RoundFailedException e) {
        note = e.getMessage() + ". " + orders.diagnostics();
        WorkloadRunner.log("  %s", note);
      }
      return new SoakResult(store.name(), rate, minutes, sampleSeconds, samples, rounds.started(),
          orders.completedInStore(), note);
    }
  }

  private static String row(Sample s) {
    return String.format("| %.1f | %d | %.0f | %.1f | %.1f | %.2f | %.0f | %d | %d | %.0f | %.1f |%n", s.minute(),
        s.orders(), s.ordersPerSecond(), s.p50Millis(), s.p99Millis(), s.cpuMillisPerOrder(), s.heapAfterGcMb(),
        s.liveThreads(), s.openFiles(), s.storeMb(), s.loadAverage());
  }

  private static long openFiles(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    } catch (IOException | UncheckedIOException e) {
      return -1; // not Linux, or the process is gone
    }
  }

  /** H2: the host's data directory (the H2 file and its page copies); PostgreSQL: the database's size. */
  private static double storeMb(StoreKind store, String url, Path dataDir) {
    if (store == StoreKind.H2) {
      return StoreFiles.sizeMb(dataDir.resolve("host"));
    }
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
      size.next();
      return size.getLong(1) / 1048576.0;
    } catch (SQLException e) {
      return Double.NaN;
    }
  }
}
