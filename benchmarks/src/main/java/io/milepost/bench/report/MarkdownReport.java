package io.milepost.bench.report;

import io.milepost.bench.engine.EngineKind;
import io.milepost.bench.harness.GrowthRunner.GrowthResult;
import io.milepost.bench.harness.GrowthRunner.Level;
import io.milepost.bench.harness.GrowthRunner.Timing;
import io.milepost.bench.harness.Results.RunResult;
import io.milepost.bench.harness.Results.Summary;
import io.milepost.bench.harness.Settings;
import io.milepost.bench.harness.WaitingRunner.FillStep;
import io.milepost.bench.harness.WaitingRunner.Heap;
import io.milepost.bench.harness.WaitingRunner.Restart;
import io.milepost.bench.harness.WaitingRunner.WaitingResult;
import io.milepost.bench.harness.Workload;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** RESULTS.md: the machine, the command, one table per store, the growth and waiting runs and how to read them. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(String command, Settings settings, List<RunResult> results, List<GrowthResult> growth,
      List<WaitingResult> waiting, String chartFile) {
    StringBuilder md = new StringBuilder("# Benchmark results\n\n");
    md.append("Generated ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(
        java.time.ZoneOffset.UTC))).append(" by `benchmarks/` (see the README's Benchmarks section).\n\n");
    md.append("Command:\n\n    ").append(command).append("\n\n");
    md.append("Machine: ").append(machine()).append("\n\n");
    md.append(String.format("Settings: warm-up in closed-loop slices of %d s until two in a row agree within 10 %% "
        + "(at most %d; the last slice's rate estimates saturation), %d saturation rounds of about %d s each "
        + "(at least %d instances, started by up to %d threads), %d open-loop latency rounds of %d s at half the "
        + "median saturation throughput (16 starter threads, latency from the scheduled start), up to %d worker "
        + "threads per job type (an engine may take fewer of either: see How to read this), %s, every engine and "
        + "workload in a fresh JVM (`-Xmx1g`; G1 unless the command names `--gc`) on an empty store.%n%n",
        settings.warmupSeconds(), Settings.MAX_WARMUP_SLICES, settings.rounds(), settings.roundSeconds(),
        settings.minInstances(), settings.starterThreads(), settings.rounds(), settings.latencySeconds(),
        settings.workerThreadsPerType(), settings.completion().description()));
    if (!results.isEmpty()) {
      md.append("![throughput](").append(chartFile).append(")\n\n");
    }
    for (String store : results.stream().map(RunResult::store).distinct().toList()) {
      md.append("## ").append(store.equals("H2") ? "H2 file store" : "PostgreSQL").append("\n\n");
      md.append("| workload | engine | throughput inst/s: median (min..max) | spread | p50 ms | p99 ms | at rate inst/s "
          + "| CPU ms / instance | peak heap MB | check | warm-up s | load avg before, after |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (RunResult r : results.stream().filter(r -> r.store().equals(store)).toList()) {
        Summary t = r.throughput();
        double rate = r.latency().isEmpty() ? Double.NaN : r.latency().getFirst().ratePerSecond();
        md.append("| ").append(Workload.valueOf(r.workload()).label())
            .append(" | ").append(EngineKind.byId(r.engine()).label())
            .append(" | ").append(String.format("%s (%s..%s)", num(t.median()), num(t.min()), num(t.max())))
            .append(" | ").append(String.format("%.0f%%", t.spreadPercent()))
            .append(" | ").append(withRange(r.p50()))
            .append(" | ").append(withRange(r.p99()))
            .append(" | ").append(num(rate))
            .append(" | ").append(num(r.cpuMillisPerInstance().median()))
            .append(" | ").append(num(r.peakHeapMb().median()))
            .append(" | ").append(check(r))
            .append(" | ").append(num(r.warmupSeconds()))
            .append(" | ").append(String.format("%.1f, %.1f", r.loadAverageBefore(), r.loadAverageAfter()))
            .append(" |\n");
      }
      md.append("\n");
    }
    if (!growth.isEmpty()) {
      md.append(renderGrowth(growth));
    }
    if (!waiting.isEmpty()) {
      md.append(renderWaiting(waiting));
    }
    md.append("""
        ## How to read this

        - Throughput: a fixed number of instances (the warm-up's rate times the round length) started by the starter
          threads as fast as they can while the workers complete jobs; instances divided by the time from the first
          start to the last completion. Spread = (max - min) / median over the rounds. Each starter and worker thread
          waits for its own command's durable answer, so they are also the most commands in flight: a round can be
          bounded by them rather than by the CPU (over gRPC with 8 and 8, stop 28 measured 1.4 to 1.5 of 2 cores
          busy; `--starters` and `--workers-per-type` change them).
        - Latency: instances arrive at a fixed rate (half the median saturation throughput, open loop); p50 and p99 of
          the time from the scheduled start to the durable end of each instance, median over the rounds (min..max).
          No forced GC before a latency round (one before each saturation round, for its peak heap): the second
          after a forced full GC was the p99 of every round.
        - CPU ms / instance: process CPU time of every JVM involved (for REST and gRPC, the benchmark JVM with the
          client workers plus the engine-host JVM) over the saturation round, divided by its instances: engine,
          workers and the embedded H2 together.
        - Peak heap: the sum of the heap pools' peak usage during a saturation round after a full GC (an upper
          bound, and with `-Xmx1g` mostly a matter of when G1 collects); for REST and gRPC, both JVMs added.
        - check: instances the store holds as completed / instances the run started (they must match).
        - Milepost in-process: per job type a job stream (`Engine.openJobStream`, the in-process counterpart of gRPC
          streaming) and the settings line's worker threads completing its jobs (`completeJob`); an instance ends with
          the completion of its last job (the command applies every follow-up step). Milepost REST: `engine-host.jar`
          in a child JVM (plugin workers off), the Camunda 8.9 Java client with `preferRestOverGrpc(true)`, one job
          worker per type at the client's defaults but with the settings line's worker threads per type as
          job-handling threads, completing from the handler (which waits for the answer, or with `--completion=async`
          sends the completion and returns). Milepost gRPC: the same engine-host and client with
          `preferRestOverGrpc(false)`, the workers opened with `streamEnabled(true)`, so the gateway pushes jobs over
          `StreamActivatedJobs`; the client keeps long-polling `ActivateJobs` alongside (its default), but the engine,
          like Camunda's broker, gives a new job to a stream before a held poll. Deploy, create and complete go over
          gRPC, only the completed-instance check (a search) over REST. Flowable 7.2: started by at most 4 threads
          (its better figure), external-worker tasks, the worker threads per topic (at most 2: with more, its
          completions deadlock on H2's row locks) doing `acquireAndLock(32)` and `complete()`, polling every 20 ms
          when idle; Flowable continues the process after each completion in an async job (its async executor: 8
          threads, failed jobs retried after 1 s and jobs acquired every 100 ms instead of its 10 s defaults, see
          FlowableEmbedded), and an instance ends when the transaction that completed it committed. Flowable keeps its
          defaults (history `audit`) except UUID ids (its Spring Boot default) and a pool of 80 connections (a pool of
          10 deadlocks, see FlowableEmbedded). Milepost gets a Hikari pool of 10, as engine-host (Spring Boot's
          default).
        - Durability on H2 differs: Milepost's engine writes each group commit to the file and forces it to the device
          before it answers (`--h2-commit-durability=process-kill`: written, not forced); Flowable's commits use H2's
          default write delay, held in memory for up to 500 ms and written by H2's background thread, so an
          acknowledged Flowable instance can be lost to a process kill. With `WRITE_DELAY=0` (each Flowable commit
          written first) Flowable ran slower and left instances unfinished (benchmarks/NOTES.md, stop 23).
        - Workload (b) for Milepost is `bpmn/order-fulfillment.bpmn` as it was before it called decision tables and
          last-mile-delivery, pinned in `benchmarks/src/main/resources/milepost/` (FEEL input mappings, a sub-process
          with a 4 h non-interrupting timer, error boundaries); for Flowable an equivalent hand-written model
          (`benchmarks/src/main/resources/flowable/`), its input mappings as execution listeners. The workers return
          only the variables the gateways need (sortable path, no weight mismatch, so no user task).
        """);
    return md.toString();
  }

  private static String renderGrowth(List<GrowthResult> growth) {
    StringBuilder md = new StringBuilder();
    for (GrowthResult g : growth) {
      md.append("## Growth: Milepost in-process, ").append(g.store()).append(" store\n\n");
      md.append(String.format("After a %s-instances/s warm-up, the store is filled with completed instances of "
          + "workload (a) by the benchmark's workers (200 in flight). At each level, with no other load: one "
          + "saturation round of workload (a), one open-loop round at half of that round's throughput, and each "
          + "operation of the second table run 200 times.%n%n", num(g.warmupThroughput())));
      md.append("| completed instances in store | fill to this level | store on disk MB | throughput inst/s "
          + "| CPU ms / instance | p50 / p99 ms at half load |\n|---|---|---|---|---|---|\n");
      for (Level level : g.levels()) {
        md.append("| ").append(level.completedInstances()).append(" | ")
            .append(level.fillSeconds() == 0 ? "-" : String.format("%.0f s (%s inst/s)", level.fillSeconds(),
                num(level.fillThroughput())))
            .append(" | ").append(String.format("%.0f", level.storeMb()));
        if (level.saturation() != null) {
          md.append(" | ").append(num(level.saturation().throughput())).append(" | ")
              .append(num(level.saturation().cpuMillisPerInstance())).append(" | ")
              .append(num(level.latency().p50Millis())).append(" / ").append(num(level.latency().p99Millis()));
        } else {
          md.append(" | - | - | -");
        }
        md.append(" |\n");
      }
      md.append("\np50 / p99 in ms of each operation alone:\n\n");
      List<String> operations = g.levels().getFirst().timings().keySet().stream().toList();
      md.append("| completed instances in store | ").append(String.join(" | ", operations)).append(" |\n|---|")
          .append("---|".repeat(operations.size())).append("\n");
      for (Level level : g.levels()) {
        md.append("| ").append(level.completedInstances()).append(" | ");
        md.append(operations.stream().map(op -> {
          Timing t = level.timings().get(op);
          return t == null ? "-" : String.format("%s / %s", num(t.p50Millis()), num(t.p99Millis()));
        }).collect(Collectors.joining(" | "))).append(" |\n");
      }
      md.append("\n");
      if (!g.note().isEmpty()) {
        md.append(g.note()).append("\n\n");
      }
    }
    return md.toString();
  }

  private static final double HEAP_TARGET_MB = 1024;
  private static final double RESTART_TARGET_SECONDS = 10;

  private static String renderWaiting(List<WaitingResult> waiting) {
    StringBuilder md = new StringBuilder();
    for (WaitingResult w : waiting) {
      md.append(String.format("## Waiting on messages: engine-host with %d active instances, %s store%n%n",
          w.created(), w.store()));
      md.append(String.format("engine-host (`-Xmx1g`, G1) in a child JVM; the model is start, message catch event "
          + "(correlation key `=orderId`, each instance its own), end. %d instances created over REST with the "
          + "official client by %d threads (one request in flight each) in %.0f s: **%s instances/s**",
          w.created(), w.threads(), w.fillSeconds(), num(w.fillRate())));
      if (w.fill().size() > 1) {
        md.append(" (rate per step: ");
        FillStep previous = new FillStep(0, 0);
        List<String> rates = new java.util.ArrayList<>();
        for (FillStep step : w.fill()) {
          rates.add(String.format("to %s: %s/s", step.instances() % 1000 == 0 ? step.instances() / 1000 + "k"
              : String.valueOf(step.instances()),
              num((step.instances() - previous.instances()) / (step.seconds() - previous.seconds()))));
          previous = step;
        }
        md.append(String.join(", ", rates)).append(")");
      }
      md.append(String.format(". Store on disk afterwards: %.0f MB.%n%n", w.storeMb()));
      md.append("| | target | measured | status |\n|---|---|---|---|\n");
      md.append("| heap used after a full GC, all instances waiting | under 1 GB | ").append(heap(w.heapAfterFill()))
          .append(" | ").append(status(w.heapAfterFill().usedAfterGcMb() < HEAP_TARGET_MB)).append(" |\n");
      for (Restart r : w.restarts()) {
        md.append("| restart to ready, ").append(r.kind()).append(" | under 10 s | ")
            .append(String.format("**%.2f s** (JVM launch to `/v2/topology` 200: %.2f s; then to the first correlation "
                + "completing an instance: %.2f s more, %d attempt(s), the correlation request itself %.0f ms)",
                r.readySeconds(), r.topologySeconds(), r.readySeconds() - r.topologySeconds(), r.correlationAttempts(),
                r.correlationMillis()))
            .append(r.stopSeconds() > 0 ? String.format("; the clean stop took %.2f s", r.stopSeconds()) : "")
            .append(" | ").append(status(r.readySeconds() < RESTART_TARGET_SECONDS)).append(" |\n");
        md.append("| heap used after a full GC, after the ").append(r.kind()).append(" restart and one correlation ")
            .append("| under 1 GB | ").append(heap(r.heap())).append(" | ")
            .append(status(r.heap().usedAfterGcMb() < HEAP_TARGET_MB)).append(" |\n");
      }
      md.append(String.format("%nFor comparison, the first start on an empty store took %.2f s to `/v2/topology`. "
          + "Check: search found %d active instances after the fill (of %d created); %d/%d instances completed after "
          + "a published message (`POST /v2/messages/publication`, one at a time: %s ms each); at the end %d active "
          + "(expected %d).%n%n", w.firstStartSeconds(), w.activeAfterFill(), w.created(), w.checkedCompleted(),
          w.checked(), w.publishMillis().stream().map(MarkdownReport::num).collect(Collectors.joining(", ")),
          w.activeAtEnd(), w.expectedActiveAtEnd()));
      md.append("Heap: `MemoryMXBean.gc()` in the engine-host JVM over JMX, then `MemoryMXBean` heap used (the live "
          + "data) and committed; peak = the heap pools' peaks since the JVM started (an upper bound); RSS from "
          + "`/proc`. Restart to ready: from just before the new JVM is launched until `/v2/topology` answers 200 "
          + "(polled every 50 ms) and a message correlation (`POST /v2/messages/correlation`, retried every 20 ms "
          + "until it succeeds) has completed one waiting instance; the clean restart stops engine-host with SIGTERM "
          + "first, the kill -9 one with SIGKILL.\n\n");
      if (!w.note().isEmpty()) {
        md.append(w.note()).append("\n\n");
      }
    }
    return md.toString();
  }

  private static String heap(Heap h) {
    return String.format("**%.0f MB** (committed %.0f MB, peak %.0f MB, RSS %.0f MB)", h.usedAfterGcMb(),
        h.committedMb(), h.peakMb(), h.rssMb());
  }

  private static String status(boolean met) {
    return met ? "met" : "missed";
  }

  private static String check(RunResult r) {
    String check = r.completedInStore() + "/" + r.startedTotal();
    return r.note().isEmpty() ? check : check + " " + r.note();
  }

  private static String withRange(Summary s) {
    if (s.rounds() == 0) {
      return "-";
    }
    return String.format("%s (%s..%s)", num(s.median()), num(s.min()), num(s.max()));
  }

  static String num(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (value >= 100) {
      return String.format("%.0f", value);
    }
    return value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
  }

  private static String machine() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String cpu = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
    } catch (Exception ignored) {
      // not Linux
    }
    return String.format("%d cores (%s), %.1f GiB memory, %s %s, Java %s (%s)",
        Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "unknown CPU" : cpu,
        os.getTotalMemorySize() / 1073741824.0, System.getProperty("os.name"), System.getProperty("os.version"),
        System.getProperty("java.version"), System.getProperty("java.vm.name"));
  }
}
