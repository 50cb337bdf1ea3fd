package io.milepost.bench.harness;

import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.MilepostInProcess;
import io.milepost.bench.harness.Results.LatencyRound;
import io.milepost.bench.harness.Results.SaturationRound;
import io.milepost.bench.harness.Rounds.ClosedLoop;
import io.milepost.bench.harness.Rounds.RoundFailedException;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How Milepost (in-process) slows down as completed instances pile up in its store. After a warm-up, the
 * store is filled with completed instances of workload (a) by the usual workers; at each level, with no
 * other load, job activation and a few searches are timed {@value #PROBES} times each, then one saturation
 * round and one open-loop round at half of that round's throughput measure workload (a) itself.
 */
public final class GrowthRunner {

  private static final int PROBES = 200;
  private static final String PROBE_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://milepost.io/bench" id="d_probe">
        <bpmn:process id="probe" isExecutable="true">
          <bpmn:startEvent id="start"/>
          <bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="bench.probe"/>
          </bpmn:extensionElements></bpmn:serviceTask>
          <bpmn:endEvent id="end"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
          <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** Latency of one operation at one level, in milliseconds. */
  public record Timing(double p50Millis, double p99Millis) {}

  /**
   * One level: how many completed instances the store held, how long the fill to it took and at what rate,
   * the store's size on disk, the operation timings and workload (a)'s throughput and latency.
   */
  public record Level(long completedInstances, double fillSeconds, double fillThroughput, double storeMb,
      Map<String, Timing> timings, SaturationRound saturation, LatencyRound latency) {}

  public record GrowthResult(String engine, String store, double warmupThroughput, List<Level> levels,
      String note) {}

  private final Settings settings;

  public GrowthRunner(Settings settings) {
    this.settings = settings;
  }

  public GrowthResult run(StoreKind store, String postgresUrl, List<Integer> levels, int maxFillSeconds)
      throws Exception {
    Path dataDir = Files.createDirectories(settings.workDir().resolve("growth-" + System.currentTimeMillis()));
    try {
      return measure(store, store.freshUrl(dataDir, "bench_growth", postgresUrl), dataDir, levels, maxFillSeconds);
    } finally {
      StoreFiles.deleteKeepingLogs(dataDir); // a 1M store is tens of GB
    }
  }

  private GrowthResult measure(StoreKind store, String url, Path dataDir, List<Integer> levels, int maxFillSeconds)
      throws Exception {
    InstanceTracker tracker = new InstanceTracker();
    List<Level> results = new ArrayList<>();
    String note = "";
    double warmup = Double.NaN;
    try (MilepostInProcess adapter = new MilepostInProcess()) {
      adapter.start(new BenchContext(Workload.SEQUENCE, store, url, dataDir, settings.repositoryRoot(),
          new Models(), settings.workerThreadsPerType(), settings.completion()), tracker);
      MilepostEngine engine = adapter.engine();
      engine.deploy(List.of(new DeploymentResource("probe.bpmn", PROBE_XML.strip().getBytes(StandardCharsets.UTF_8))));
      Rounds rounds = new Rounds(settings, adapter, tracker);
      try {
        // the first level is timed on warm JITs, like every engine in the workload runs
        warmup = rounds.warmUp(settings.warmupSeconds()).throughput();
        WorkloadRunner.log("growth: warm-up %.1f instances/s", warmup);
        int roundInstances = (int) Math.max(settings.minInstances(), Math.round(warmup * settings.roundSeconds()));
        long filled = adapter.completedInStore();
        for (int level : levels) {
          ClosedLoop fill = level > filled ? rounds.closedLoop(level - filled, maxFillSeconds) : new ClosedLoop(0, 0);
          filled = adapter.completedInStore();
          WorkloadRunner.log("growth: %d completed instances (fill took %.0f s)", filled, fill.seconds());
          Map<String, Timing> timings = probe(engine);
          SaturationRound saturation = rounds.saturate(roundInstances);
          LatencyRound latency = rounds.openLoop(saturation.throughput() / 2,
              Math.max(20, (int) Math.round(saturation.throughput() / 2 * settings.latencySeconds())));
          WorkloadRunner.log("growth: at %d, %s and %s", filled, saturation, latency);
          results.add(new Level(filled, fill.seconds(), fill.throughput(),
              StoreFiles.sizeMb(dataDir), timings, saturation, latency));
          if (filled < level) {
            note = "Stopped filling at " + filled + " completed instances: the fill to " + level
                + " would have taken longer than " + maxFillSeconds + " s";
            break;
          }
          filled = adapter.completedInStore(); // the rounds above completed instances too
        }
      } catch (RoundFailedException e) {
        note = e.getMessage() + ". " + adapter.diagnostics();
        WorkloadRunner.log("growth: %s", note);
      }
    }
    return new GrowthResult("milepost", store.name(), warmup, results, note);
  }

  private static Map<String, Timing> probe(MilepostEngine engine) {
    Map<String, Timing> timings = new LinkedHashMap<>();
    LatencyRecorder activation = new LatencyRecorder(PROBES);
    List<Long> instanceKeys = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      instanceKeys.add(engine.createProcessInstance(CreateProcessInstance.latest("probe", Map.of("i", i)))
          .processInstanceKey());
      long t0 = System.nanoTime();
      List<ActivatedJob> jobs = engine.activateJobs(new ActivateJobs("bench.probe", "probe", Duration.ofMinutes(1), 1,
          List.of()));
      activation.record(System.nanoTime() - t0);
      jobs.forEach(job -> engine.completeJob(job.key(), Map.of()));
    }
    timings.put("activate 1 job (Engine.activateJobs)", timing(activation));
    var queries = engine.queries();
    // one untimed write before each timed search: H2 hands back the previous result of an identical query
    // when no table changed in between, which would time a cache instead of the search
    Runnable write = () -> engine.createProcessInstance(CreateProcessInstance.latest("probe", Map.of()));
    timings.put("search completed instances, newest 50", time(write, () -> queries.searchProcessInstances(
        new ProcessInstanceFilter(null, "sequence3", null, null, ProcessInstanceState.COMPLETED, null, null),
        new PageRequest(0, 50, true))));
    timings.put("search active instances, first 50", time(write, () -> queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, ProcessInstanceState.ACTIVE, null, null),
        PageRequest.first(50))));
    timings.put("search jobs by type and state, first 50", time(write, () -> queries.searchJobs(
        new JobFilter(null, "bench.step2", JobState.COMPLETED, null), PageRequest.first(50))));
    long[] i = {0};
    timings.put("get instance by key", time(write, () -> queries.processInstance(instanceKeys.get((int) (i[0]++ % PROBES)))));
    timings.put("event log of one instance", time(write, () -> queries.events(instanceKeys.get((int) (i[0]++ % PROBES)))));
    return timings;
  }

  private static Timing time(Runnable before, Supplier<?> operation) {
    LatencyRecorder recorder = new LatencyRecorder(PROBES);
    for (int i = 0; i < PROBES; i++) {
      before.run();
      long t0 = System.nanoTime();
      operation.get();
      recorder.record(System.nanoTime() - t0);
    }
    return timing(recorder);
  }

  private static Timing timing(LatencyRecorder recorder) {
    return new Timing(recorder.percentileMillis(50), recorder.percentileMillis(99));
  }
}
