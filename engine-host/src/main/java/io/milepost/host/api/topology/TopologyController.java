package io.milepost.host.api.topology;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineInfo;
import io.milepost.host.MilepostProperties;
import io.milepost.host.testing.ClusterChanges;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v2/topology}: one node that leads every partition. */
@RestController
@RequestMapping("/v2/topology")
final class TopologyController {

  private final Engine engine;
  private final int grpcPort;
  private final ClusterChanges changes;

  TopologyController(Engine engine, MilepostProperties properties, ClusterChanges changes) {
    this.engine = engine;
    this.grpcPort = properties.grpc().port();
    this.changes = changes;
  }

  @GetMapping
  TopologyResponse topology(HttpServletRequest request) {
    EngineInfo info = engine.info();
    List<PartitionResponse> partitions = IntStream.rangeClosed(1, info.partitionsCount())
        .mapToObj(id -> new PartitionResponse(id, "leader", "healthy"))
        .toList();
    BrokerResponse broker = new BrokerResponse(0, request.getServerName(), grpcPort, partitions, info.version());
    return new TopologyResponse(List.of(broker), info.nodeId(), 1, info.partitionsCount(), 1, info.version(),
        Long.toString(changes.lastCompletedChangeId()));
  }

  record TopologyResponse(List<BrokerResponse> brokers, String clusterId, int clusterSize, int partitionsCount,
      int replicationFactor, String gatewayVersion, String lastCompletedChangeId) {}

  record BrokerResponse(int nodeId, String host, int port, List<PartitionResponse> partitions, String version) {}

  record PartitionResponse(int partitionId, String role, String health) {}
}
