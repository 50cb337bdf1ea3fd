package io.milepost.bench.engine;

import io.camunda.client.CamundaClient;
import io.grpc.Status;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.milepost.bench.harness.InstanceTracker;
import io.milepost.bench.harness.JvmProbe;
import io.milepost.bench.harness.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fifth workload: engine-host as it ships, its {@code bpmn/} deployed at start and its six bundled plugins
 * working every step in process (the in-process step transport), on the demo network. Orders are the sortable
 * example order of workload (b) (three SKUs at fc-west-1, no user task), created with the official client over
 * gRPC and awaited to their end ({@code CreateProcessInstanceWithResult}): an order counts as completed when the
 * engine answers that it ended and went to the door ({@code deliveryOutcome = DELIVERED}).
 *
 * <p>Every order ships its units, so the run first sets fc-west-1's stock of the three SKUs far above what any run
 * can use, through the host's inventory import. At most {@value #MAX_IN_FLIGHT} orders are awaited at once: the
 * saturation rounds keep that many in flight instead of opening one request per order of the round. A creation the
 * engine refuses with {@code RESOURCE_EXHAUSTED} (its back-pressure) is sent again after a pause, as Camunda's
 * clients do; the order's time counts from its first attempt.
 */
public final class HostOrders implements EngineAdapter {

  private static final String PROCESS_ID = "order-fulfillment";
  private static final int MAX_IN_FLIGHT = 256;
  /** One billion units of each SKU: 300 orders/s for a day ship 26M units of BK-1001. */
  private static final String STOCK = """
      siteId,sku,onHand
      fc-west-1,BK-1001,1000000000
      fc-west-1,HD-2001,1000000000
      fc-west-1,MG-4001,1000000000
      """;

  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  private final AtomicLong refusals = new AtomicLong();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("order-retries").factory());
  private EngineHostProcess host;
  private CamundaClient client;
  private InstanceTracker tracker;

  @Override
  public void start(BenchContext context, InstanceTracker tracker) throws Exception {
    if (context.workload() != Workload.ORDER) {
      throw new IllegalArgumentException("Expected the workload 'order' for engine-host with its plugins (it runs its "
          + "own order-fulfillment model), but found '" + context.workload().name().toLowerCase() + "'");
    }
    this.tracker = tracker;
    host = EngineHostProcess.withStepWorkers(context);
    importStock();
    host.awaitGrpc();
    client = CamundaClient.newClientBuilder()
        .credentialsProvider(EngineHostProcess.credentials())
        .restAddress(host.restAddress())
        .grpcAddress(host.grpcAddress())
        .preferRestOverGrpc(false)
        .build();
  }

  private void importStock() throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(host.restAddress()
              + "/api/inventory/import")).header("Authorization", EngineHostProcess.DEMO_AUTHORIZATION)
          .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(STOCK)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Expected engine-host to import the benchmark's stock, but it answered "
            + response.statusCode() + ": " + response.body());
      }
    }
  }

  @Override
  public Object startInstance(int n) {
    inFlight.acquireUninterruptibly();
    send(n, 1);
    // the order's number stands for it: its key only comes with its end
    return n;
  }

  private void send(int n, int attempt) {
    client.newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(Workload.ORDER.startVariables(n))
        .withResult()
        .fetchVariables("deliveryOutcome")
        // long: in a saturation round an order waits behind the 200 the closed loop keeps in flight
        .requestTimeout(Duration.ofMinutes(10))
        .send()
        .whenComplete((result, error) -> {
          if (refusedForLoad(error)) {
            // the engine's back-pressure: try again after a pause, as Camunda's clients do; the order's time runs on
            refusals.incrementAndGet();
            retries.schedule(() -> send(n, attempt + 1), Math.min(500, 10L * attempt), TimeUnit.MILLISECONDS);
            return;
          }
          inFlight.release();
          if (error != null) {
            fail("order " + n + ": " + error);
          } else if (!"DELIVERED".equals(result.getVariablesAsMap().get("deliveryOutcome"))) {
            fail("order " + n + " ended with deliveryOutcome " + result.getVariablesAsMap().get("deliveryOutcome"));
          } else {
            tracker.ended(n, System.nanoTime());
          }
        });
  }

  private static boolean refusedForLoad(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClientStatusException status && status.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED) {
        return true;
      }
    }
    return error != null && Status.fromThrowable(error).getCode() == Status.Code.RESOURCE_EXHAUSTED;
  }

  /** Creations the engine refused with RESOURCE_EXHAUSTED (and the adapter sent again) so far. */
  public long refusals() {
    return refusals.get();
  }

  private void fail(String why) {
    failed.incrementAndGet();
    if (firstFailure.compareAndSet(null, why)) {
      System.err.println("  first failed order: " + why);
    }
  }

  @Override
  public long completedInStore() {
    return InstanceCount.of(client, PROCESS_ID, ProcessInstanceState.COMPLETED);
  }

  @Override
  public String diagnostics() {
    return (failed.get() == 0 ? "" : failed.get() + " orders did not end delivered; the first: " + firstFailure.get()
        + ". ") + refusals.get() + " creations refused with RESOURCE_EXHAUSTED and sent again";
  }

  @Override
  public List<JvmProbe> jvms() {
    return List.of(JvmProbe.local("bench JVM (client)"), host.probe());
  }

  /** engine-host's process, for what the soak samples from outside it (open files). */
  public EngineHostProcess host() {
    return host;
  }

  @Override
  public void close() {
    System.err.printf("  %d order creations were refused with RESOURCE_EXHAUSTED and sent again%n", refusals.get());
    retries.shutdownNow();
    if (client != null) {
      client.close();
    }
    if (host != null) {
      host.close();
    }
  }
}
