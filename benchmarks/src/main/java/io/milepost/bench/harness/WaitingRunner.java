package io.milepost.bench.harness;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.milepost.bench.engine.BenchContext;
import io.milepost.bench.engine.EngineHostProcess;
import io.milepost.bench.engine.InstanceCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

/**
 * engine-host with many instances waiting on a message: N instances of start, message catch (correlation key
 * {@code =orderId}), end are created over REST with the official client; with all N waiting, the heap after a
 * full GC; then engine-host is stopped cleanly and started again on the same data, and killed (SIGKILL) and
 * started again, each time timing the JVM's launch to ready: {@code /v2/topology} answers 200 and a message
 * correlation completes one waiting instance.
 */
public final class WaitingRunner {

  public static final String PROCESS_ID = "waiting1";
  public static final String MESSAGE = "order-paid";
  private static final int KEPT_KEYS = 16;
  private static final String XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://milepost.io/bench" id="d_waiting">
        <bpmn:message id="m_paid" name="order-paid">
          <bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements>
        </bpmn:message>
        <bpmn:process id="waiting1" isExecutable="true">
          <bpmn:startEvent id="start"/>
          <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m_paid"/>
          </bpmn:intermediateCatchEvent>
          <bpmn:endEvent id="end"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="paid"/>
          <bpmn:sequenceFlow id="f2" sourceRef="paid" targetRef="end"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** Heap of the engine-host JVM: used right after a full GC, committed, the pools' peaks since start; RSS. */
  public record Heap(double usedAfterGcMb, double committedMb, double peakMb, double rssMb) {}

  /** Instances created after {@code seconds} of the fill. */
  public record FillStep(long instances, double seconds) {}

  /**
   * One restart: how long the old JVM took to go ({@code stopSeconds}; a kill is immediate), then from the new
   * JVM's launch until {@code /v2/topology} answered 200 and until the first correlation completed an instance.
   */
  public record Restart(String kind, double stopSeconds, double topologySeconds, double readySeconds,
      int correlationAttempts, double correlationMillis, Heap heap) {}

  public record WaitingResult(String engine, String store, int requested, long created, int threads,
      double fillSeconds, List<FillStep> fill, long activeAfterFill, Heap heapAfterFill, double storeMb,
      double firstStartSeconds, List<Restart> restarts, int checked, int checkedCompleted, List<Double> publishMillis,
      long activeAtEnd, long expectedActiveAtEnd, String note) {

    public double fillRate() {
      return fillSeconds == 0 ? 0 : created / fillSeconds;
    }
  }

  private final Settings settings;

  public WaitingRunner(Settings settings) {
    this.settings = settings;
  }

  public WaitingResult run(StoreKind store, String postgresUrl, int count, int threads, int maxFillSeconds,
      boolean kill) throws Exception {
    Path dataDir = Files.createDirectories(settings.workDir().resolve("waiting-" + System.currentTimeMillis()));
    BenchContext context = new BenchContext(Workload.SEQUENCE, store, store == StoreKind.POSTGRES
        ? store.freshUrl(dataDir, "bench_waiting", postgresUrl) : null, dataDir, settings.repositoryRoot(),
        new Models(), settings.workerThreadsPerType(), settings.completion());
    List<String> notes = new ArrayList<>();
    AtomicLongArray keys = new AtomicLongArray(KEPT_KEYS);
    List<FillStep> steps = new ArrayList<>();
    List<Restart> restarts = new ArrayList<>();
    long created;
    double fillSeconds;
    long activeAfterFill;
    Heap heapAfterFill;
    double firstStart;
    EngineHostProcess host = EngineHostProcess.start(context);
    try {
      firstStart = seconds(host.readyNanos() - host.launchedNanos());
      WorkloadRunner.log("waiting: engine-host (pid %d) ready in %.2f s on an empty store", host.pid(), firstStart);
      try (CamundaClient client = client(host)) {
        client.newDeployResourceCommand().addResourceStringUtf8(XML.strip(), PROCESS_ID + ".bpmn").send().join();
        long start = System.nanoTime();
        created = fill(client, count, threads, start + TimeUnit.SECONDS.toNanos(maxFillSeconds), keys, steps);
        fillSeconds = seconds(System.nanoTime() - start);
        WorkloadRunner.log("waiting: %d instances created in %.0f s (%.0f per second)", created, fillSeconds,
            created / fillSeconds);
        if (created < count) {
          notes.add("Stopped filling at " + created + " instances: the fill to " + count + " would have taken longer "
              + "than " + maxFillSeconds + " s.");
        }
        activeAfterFill = active(client);
        WorkloadRunner.log("waiting: search says %d active instances", activeAfterFill);
      }
      heapAfterFill = heap(host);
      WorkloadRunner.log("waiting: heap after full GC %.0f MB (committed %.0f MB, peak %.0f MB, RSS %.0f MB)",
          heapAfterFill.usedAfterGcMb(), heapAfterFill.committedMb(), heapAfterFill.peakMb(), heapAfterFill.rssMb());

      int consumed = 0;
      long t0 = System.nanoTime();
      host.close();
      double stop = seconds(System.nanoTime() - t0);
      WorkloadRunner.log("waiting: engine-host stopped cleanly in %.2f s", stop);
      host = EngineHostProcess.start(context);
      restarts.add(restart("clean (SIGTERM, Spring shutdown)", stop, host, keys.get(consumed), consumed++));
      if (kill) {
        host.kill();
        host = EngineHostProcess.start(context);
        restarts.add(restart("kill -9", 0, host, keys.get(consumed), consumed++));
      }

      int checked = 0;
      int checkedCompleted = 0;
      List<Double> publishMillis = new ArrayList<>();
      long activeAtEnd;
      try (CamundaClient client = client(host)) {
        List<Integer> check = new ArrayList<>();
        for (int i = consumed; i < Math.min(consumed + 5, created); i++) {
          long p0 = System.nanoTime();
          client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(orderId(i)).send().join();
          publishMillis.add((System.nanoTime() - p0) / 1e6);
          check.add(i);
        }
        checked = check.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i : check) {
          while (state(client, keys.get(i)) != ProcessInstanceState.COMPLETED && System.nanoTime() < deadline) {
            Thread.sleep(50);
          }
          if (state(client, keys.get(i)) == ProcessInstanceState.COMPLETED) {
            checkedCompleted++;
          } else {
            notes.add("Instance " + keys.get(i) + " (" + orderId(i) + ") did not complete after its message.");
          }
        }
        consumed += checked;
        activeAtEnd = active(client);
      }
      WorkloadRunner.log("waiting: %d/%d instances completed after a published message (publish took %s ms); %d active "
          + "(expected %d)", checkedCompleted, checked, publishMillis, activeAtEnd, created - consumed);
      return new WaitingResult("milepost-rest", store.name(), count, created, threads, fillSeconds, steps,
          activeAfterFill, heapAfterFill, storeMb(dataDir), firstStart, restarts, checked, checkedCompleted,
          publishMillis, activeAtEnd, created - consumed, String.join(" ", notes));
    } finally {
      host.close();
    }
  }

  private long fill(CamundaClient client, int count, int threads, long deadline, AtomicLongArray keys,
      List<FillStep> steps) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong created = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    int every = Math.max(1, Math.min(10_000, count / 10));
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      senders.add(Thread.ofPlatform().name("fill-" + t).start(() -> {
        while (System.nanoTime() < deadline) {
          int i = next.getAndIncrement();
          if (i >= count) {
            return;
          }
          long key = create(client, i, failed);
          if (i < KEPT_KEYS) {
            keys.set(i, key);
          }
          long done = created.incrementAndGet();
          if (done % every == 0) {
            double seconds = seconds(System.nanoTime() - start);
            synchronized (steps) {
              steps.add(new FillStep(done, seconds));
            }
            WorkloadRunner.log("waiting: %d created after %.0f s", done, seconds);
          }
        }
      }));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    if (failed.get() > 0) {
      WorkloadRunner.log("waiting: %d create requests failed and were retried", failed.get());
    }
    steps.sort((a, b) -> Long.compare(a.instances(), b.instances()));
    return created.get();
  }

  private static long create(CamundaClient client, int i, AtomicLong failed) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
            .variables(Map.of("orderId", orderId(i))).send().join().getProcessInstanceKey();
      } catch (RuntimeException e) {
        failed.incrementAndGet();
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private Restart restart(String kind, double stopSeconds, EngineHostProcess host, long instanceKey, int i)
      throws Exception {
    double topology = seconds(host.readyNanos() - host.launchedNanos());
    int attempts = 0;
    double ready;
    double correlationMillis;
    try (CamundaClient client = client(host)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (true) {
        attempts++;
        long c0 = System.nanoTime();
        try {
          client.newCorrelateMessageCommand().messageName(MESSAGE).correlationKey(orderId(i)).send().join();
          correlationMillis = (System.nanoTime() - c0) / 1e6;
          break;
        } catch (RuntimeException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Expected a correlation to " + orderId(i) + " to succeed within 300 s of "
                + "/v2/topology answering, but it did not", e);
          }
          Thread.sleep(20);
        }
      }
      ready = seconds(System.nanoTime() - host.launchedNanos());
      ProcessInstanceState state = state(client, instanceKey);
      if (state != ProcessInstanceState.COMPLETED) {
        throw new IllegalStateException("Expected instance " + instanceKey + " to be completed by its message, but it is "
            + state);
      }
    }
    Heap heap = heap(host);
    WorkloadRunner.log("waiting: restart %s: stop %.2f s, launch to topology %.2f s, to first correlation %.2f s "
        + "(%d attempts, the successful correlation took %.0f ms); heap after full GC %.0f MB (committed %.0f MB, peak %.0f MB, RSS %.0f MB)", kind,
        stopSeconds, topology, ready, attempts, correlationMillis, heap.usedAfterGcMb(), heap.committedMb(), heap.peakMb(), heap.rssMb());
    return new Restart(kind, stopSeconds, topology, ready, attempts, correlationMillis, heap);
  }

  private static CamundaClient client(EngineHostProcess host) {
    return CamundaClient.newClientBuilder().credentialsProvider(EngineHostProcess.credentials())
        .restAddress(host.restAddress()).preferRestOverGrpc(true).build();
  }

  private static ProcessInstanceState state(CamundaClient client, long key) {
    return client.newProcessInstanceGetRequest(key).send().join().getState();
  }

  private static long active(CamundaClient client) {
    return InstanceCount.of(client, PROCESS_ID, ProcessInstanceState.ACTIVE);
  }

  private static Heap heap(EngineHostProcess host) {
    JvmProbe probe = host.probe();
    probe.gc();
    return new Heap(mb(probe.heapUsedBytes()), mb(probe.heapCommittedBytes()), mb(probe.peakHeapBytes()),
        rssMb(host.pid()));
  }

  private static double rssMb(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
          .findFirst().map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).orElse(Double.NaN);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double storeMb(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.walk(dataDir.resolve("host"))) {
      return mb(files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum());
    }
  }

  static String orderId(int i) {
    return "order-" + i;
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
