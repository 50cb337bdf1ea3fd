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
 */
@ConfigurationProperties("milepost")
public record MilepostProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("bpmn") Path bpmnDir,
    @DefaultValue("milepost-0") String nodeId,
    @DefaultValue Grpc grpc,
    @DefaultValue Limits limits) {

  public record Grpc(@DefaultValue("26500") int port) {}

  /**
   * @param maxRequestSize the largest JSON request body (Camunda's own default message size is 4 MB)
   * @param maxDeploymentSize the largest multipart deployment request
   */
  public record Limits(
      @DefaultValue("4MB") DataSize maxRequestSize,
      @DefaultValue("10MB") DataSize maxDeploymentSize) {}
}
