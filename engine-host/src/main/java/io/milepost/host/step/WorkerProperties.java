package io.milepost.host.step;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job workers that run the plugins ({@code milepost.worker.*}).
 *
 * @param enabled false to run no workers on this node (e.g. a node that only serves the API)
 * @param restAddress the Camunda 8 REST address to work for; empty for this host's own API
 *     ({@code http://localhost:${local.server.port}})
 * @param grpcAddress the Camunda 8 gRPC address; empty for this host's own ({@code milepost.grpc.port})
 *     unless {@code restAddress} points elsewhere, then the client's default
 * @param preferRest poll and complete over REST rather than gRPC (the host's gRPC gateway is optional)
 * @param stepTimeout how long one plugin call may run before the job fails as TIMED_OUT
 * @param jobTimeout how long an activated job stays locked to this worker; longer than stepTimeout
 * @param maxJobsActive jobs one worker holds at once (per job type)
 * @param pollInterval pause between polls when there was no work
 * @param requestTimeout how long one activation long poll may be held open
 * @param inProcess with the engine in this host and no {@code restAddress}: take jobs from the engine's job
 *     streams and answer through its API (false: go through this host's own API with the client, over loopback)
 * @param pluginThreads threads per plugin version (its bulkhead): how many of its steps run at once
 * @param heapCriticalPercent while more than this share of the maximum heap stays in use after garbage
 *     collection, no new job is handed to a plugin (see {@code HeapGuard})
 * @param heapHeldBackFor how long a job held back that way waits before the engine hands it out again (it keeps
 *     its retries)
 * @param client further {@code camunda.client.*} properties for the official client (credentials go in
 *     its environment variables, e.g. {@code CAMUNDA_CLIENT_ID}), keys in brackets in YAML
 */
@ConfigurationProperties("milepost.worker")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    URI restAddress,
    URI grpcAddress,
    @DefaultValue("true") boolean preferRest,
    @DefaultValue("30s") Duration stepTimeout,
    @DefaultValue("5m") Duration jobTimeout,
    @DefaultValue("32") int maxJobsActive,
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("true") boolean inProcess,
    @DefaultValue("16") int pluginThreads,
    @DefaultValue("90") int heapCriticalPercent,
    @DefaultValue("5s") Duration heapHeldBackFor,
    Map<String, String> client) {

  public WorkerProperties {
    client = client == null ? Map.of() : Map.copyOf(client);
    if (pluginThreads < 1) {
      throw new IllegalArgumentException("Expected milepost.worker.plugin-threads to be at least 1, but it was "
          + pluginThreads);
    }
    if (!jobTimeout.minus(stepTimeout).isPositive()) {
      throw new IllegalArgumentException("Expected milepost.worker.job-timeout to be longer than step-timeout ("
          + stepTimeout + "), but it was " + jobTimeout + ": a job would be handed to another worker mid-step");
    }
  }
}
