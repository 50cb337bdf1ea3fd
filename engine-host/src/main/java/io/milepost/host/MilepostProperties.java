package io.milepost.host;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Milepost's own settings ({@code milepost.*}).
 *
 * @param dataDir where the embedded H2 store lives when no {@code spring.datasource.url} is set
 * @param bpmnDir the process models (.bpmn) and forms (.form) deployed at start
 * @param nodeId the name this node reports in the topology
 * @param grpc the Camunda 8 gRPC gateway (port 0 picks a free one, a negative port turns it off)
 * @param limits request size limits of the Camunda 8 API
 * @param engine whether this node runs the embedded engine (false: a worker node, see {@link Engine})
 */
@ConfigurationProperties("milepost")
public record MilepostProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("bpmn") Path bpmnDir,
    @DefaultValue("milepost-0") String nodeId,
    @DefaultValue Grpc grpc,
    @DefaultValue Limits limits,
    @DefaultValue Engine engine) {

  /**
   * @param enabled false runs a worker node: no embedded engine, no store of instances, no {@code /v2} API
   *     and no gRPC gateway; plugins, sites, rollouts, step records and insights only, the step workers
   *     working for {@code milepost.worker.rest-address} (a Camunda 8 cluster or another Milepost).
   *     Read at component scan by {@link io.milepost.host.engine.EmbeddedEngineComponents}.
   */
  public record Engine(@DefaultValue("true") boolean enabled) {}

  public record Grpc(@DefaultValue("26500") int port) {}

  /**
   * @param maxRequestSize the largest JSON request body (Camunda's own default message size is 4 MB)
   * @param maxDeploymentSize the largest multipart deployment request
   */
  public record Limits(
      @DefaultValue("4MB") DataSize maxRequestSize,
      @DefaultValue("10MB") DataSize maxDeploymentSize) {}
}
