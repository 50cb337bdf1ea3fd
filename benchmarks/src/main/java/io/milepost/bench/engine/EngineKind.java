package io.milepost.bench.engine;

import io.milepost.bench.harness.Workload;
import java.util.Arrays;
import java.util.function.Supplier;

/** The engines the benchmark compares, by the id used on the command line and in the results. */
public enum EngineKind {
  MILEPOST("milepost", "Milepost in-process", MilepostInProcess::new),
  MILEPOST_REST("milepost-rest", "Milepost REST + Camunda client", MilepostOverClient::rest),
  MILEPOST_GRPC("milepost-grpc", "Milepost gRPC + Camunda client (streaming)", MilepostOverClient::grpcStreaming),
  FLOWABLE("flowable", "Flowable 7.2 embedded", FlowableEmbedded::new),
  /** The fifth workload: engine-host's own models and bundled plugins in process; workload 'order' only. */
  MILEPOST_PLUGINS("milepost-plugins", "engine-host + its plugins in process (gRPC create with result)",
      HostOrders::new);

  private final String id;
  private final String label;
  private final Supplier<EngineAdapter> factory;

  EngineKind(String id, String label, Supplier<EngineAdapter> factory) {
    this.id = id;
    this.label = label;
    this.factory = factory;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** engine-host with its plugins runs its own order-fulfillment model: workload (b) only. */
  public boolean runs(Workload workload) {
    return this != MILEPOST_PLUGINS || workload == Workload.ORDER;
  }

  public EngineAdapter create() {
    return factory.get();
  }

  public static EngineKind byId(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected an engine among "
            + Arrays.stream(values()).map(EngineKind::id).toList() + ", but found '" + id + "'"));
  }
}
