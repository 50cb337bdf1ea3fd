package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerHealth;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerRole;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineInfo;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** One node, reached at the address the client dialled, that leads every partition and is healthy. */
@Component
final class TopologyAnswer {

  private final Engine engine;

  TopologyAnswer(Engine engine) {
    this.engine = engine;
  }

  TopologyResponse answer() {
    EngineInfo info = engine.info();
    CallAddress.Address address = CallAddress.current();
    BrokerInfo.Builder broker = BrokerInfo.newBuilder()
        .setNodeId(0)
        .setHost(address.host())
        .setPort(address.port())
        .setVersion(info.version());
    IntStream.rangeClosed(1, info.partitionsCount()).forEach(id -> broker.addPartitions(Partition.newBuilder()
        .setPartitionId(id).setRole(PartitionBrokerRole.LEADER).setHealth(PartitionBrokerHealth.HEALTHY)));
    return TopologyResponse.newBuilder()
        .addBrokers(broker)
        .setClusterSize(1)
        .setPartitionsCount(info.partitionsCount())
        .setReplicationFactor(1)
        .setGatewayVersion(info.version())
        .setClusterId(info.nodeId())
        .build();
  }
}
