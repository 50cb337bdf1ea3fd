package io.milepost.bench.harness;

import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.MilepostInProcess;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * How Milepost (in-process) slows down as completed instances pile up in its store: the store is filled
 * with completed instances of workload (a) by the usual workers, and at each level, with no other load,
 * job activation and a few searches are timed {@value #PROBES} times each.
 */
public final class GrowthRunner {

  private static final int PROBES = 200;
  private static final int IN_FLIGHT = 200;
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

  /** One level: how many completed instances the store held, how long the last fill took, and the timings. */
  public record Level(long completedInstances, double fillSeconds, Map<String, Timing> timings) {}

  public record GrowthResult(String engine, String store, List<Level> levels, String note) {}

  private final Settings settings;

  public GrowthRunner(Settings settings) {
    this.settings = settings;
  }

  public GrowthResult run(StoreKind store, String postgresUrl, List<Integer> levels, int maxFillSeconds)
      throws Exception {
    Path dataDir = Files.createDirectories(settings.workDir().resolve("growth-" + System.currentTimeMillis()));
    String url = store.freshUrl(dataDir, "bench_growth", postgresUrl);
    InstanceTracker tracker = new InstanceTracker();
    List<Level> results = new ArrayList<>();
    String note = "";
    try (MilepostInProcess adapter = new MilepostInProcess()) {
      adapter.start(new BenchContext(Workload.SEQUENCE, store, url, dataDir, settings.repositoryRoot(),
          new Models(settings.repositoryRoot()), settings.workerThreadsPerType()), tracker);
      MilepostEngine engine = adapter.engine();
      engine.deploy(List.of(new DeploymentResource("probe.bpmn", PROBE_XML.strip().getBytes(StandardCharsets.UTF_8))));
      AtomicInteger sequence = new AtomicInteger();
      long filled = 0;
      for (int level : levels) {
        double seconds = fill(adapter, tracker, sequence, level - filled, maxFillSeconds);
        filled = adapter.completedInStore();
        WorkloadRunner.log("growth: %d completed instances (fill took %.0f s)", filled, seconds);
        results.add(new Level(filled, seconds, probe(engine, filled)));
        if (filled < level) {
          note = "Stopped filling at " + filled + " completed instances: the fill to " + level + " would have taken "
              + "longer than " + maxFillSeconds + " s";
          break;
        }
      }
    }
    return new GrowthResult("milepost", store.name(), results, note);
  }

  private double fill(MilepostInProcess adapter, InstanceTracker tracker, AtomicInteger sequence, long count,
      int maxSeconds) throws InterruptedException {
    if (count <= 0) {
      return 0;
    }
    tracker.reset(0);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    AtomicInteger started = new AtomicInteger();
    List<Thread> starters = new ArrayList<>();
    for (int i = 0; i < settings.starterThreads(); i++) {
      starters.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < deadline) {
          if (started.get() - tracker.completed() >= IN_FLIGHT) {
            LockSupport.parkNanos(500_000);
            continue;
          }
          if (started.incrementAndGet() > count) {
            return;
          }
          tracker.started(adapter.startInstance(sequence.getAndIncrement()), System.nanoTime());
        }
      }));
    }
    for (Thread starter : starters) {
      starter.join();
    }
    tracker.awaitCompleted(Math.min(count, started.get()), TimeUnit.SECONDS.toNanos(300));
    return (System.nanoTime() - start) / 1e9;
  }

  private static Map<String, Timing> probe(MilepostEngine engine, long completed) {
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
