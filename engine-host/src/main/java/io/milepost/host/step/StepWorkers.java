package io.milepost.host.step;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.api.worker.JobWorker;
import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.host.security.WorkerCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * One job worker of the official Camunda client per job type that some loaded plugin provides.
 *
 * <p>A lifecycle bean in the last phase: Spring starts it after the web server (whose lifecycle has a
 * lower phase), so the host's own REST API answers the first poll, and stops it first, so no poll hits
 * a closing server. A plugin loaded later gets its worker through the catalog's listener.
 */
final class StepWorkers implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StepWorkers.class);

  private final WorkerProperties properties;
  private final PluginCatalog catalog;
  private final StepDispatcher dispatcher;
  private final Environment environment;
  private final WorkerCredentials ownApiCredentials;
  private final WorkerAuthProperties remoteAuth;
  private final Map<String, JobWorker> workers = new ConcurrentHashMap<>();
  private volatile CamundaClient client;
  private volatile boolean listening;

  StepWorkers(WorkerProperties properties, PluginCatalog catalog, StepDispatcher dispatcher, Environment environment,
      WorkerCredentials ownApiCredentials, WorkerAuthProperties remoteAuth) {
    this.properties = properties;
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.environment = environment;
    this.ownApiCredentials = ownApiCredentials;
    this.remoteAuth = remoteAuth;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      LOG.info("No step workers on this node: milepost.worker.enabled is false");
      return;
    }
    client = buildClient();
    checkConnection();
    if (!listening) {
      catalog.onLoaded(this::openWorkers);
      listening = true;
    }
    catalog.versions().forEach(this::openWorkers);
  }

  @Override
  public synchronized void stop() {
    workers.values().forEach(JobWorker::close);
    workers.clear();
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public boolean isRunning() {
    return client != null;
  }

  /** The job types a worker is open for. */
  Set<String> jobTypes() {
    return new TreeSet<>(workers.keySet());
  }

  private synchronized void openWorkers(PluginVersion plugin) {
    if (client == null) {
      return;
    }
    for (String jobType : plugin.jobTypes()) {
      workers.computeIfAbsent(jobType, this::open);
    }
  }

  private JobWorker open(String jobType) {
    LOG.info("Opening the step worker for job type '{}'", jobType);
    return client.newWorker()
        .jobType(jobType)
        .handler(dispatcher)
        .name("milepost-step-" + jobType)
        .timeout(properties.jobTimeout())
        .maxJobsActive(properties.maxJobsActive())
        .pollInterval(properties.pollInterval())
        .requestTimeout(properties.requestTimeout())
        .open();
  }

  /**
   * Asks for the topology once before the workers poll: it tells in the log at once whether the
   * engine is reachable, and it warms up the server's request handling, so that the first round of
   * long polls is not answered after the client has given up on it.
   */
  private void checkConnection() {
    try {
      var topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send().join();
      LOG.info("Step workers connected: gateway {}", topology.getGatewayVersion());
    } catch (RuntimeException e) {
      LOG.warn("Step workers could not reach {} yet ({}); they keep polling", client.getConfiguration().getRestAddress(),
          e.getMessage());
    }
  }

  private CamundaClient buildClient() {
    Properties clientProperties = new Properties();
    clientProperties.putAll(properties.client());
    CamundaClientBuilder builder = CamundaClient.newClientBuilder()
        .withProperties(clientProperties)
        .preferRestOverGrpc(properties.preferRest())
        // One virtual thread per job: a plugin waiting on its budget blocks no other job.
        .jobHandlingExecutor(Executors.newVirtualThreadPerTaskExecutor(), true);
    if (properties.restAddress() != null) {
      builder.restAddress(properties.restAddress());
      if (properties.grpcAddress() != null) {
        builder.grpcAddress(properties.grpcAddress());
      }
      remoteAuth.credentialsProvider().ifPresent(builder::credentialsProvider);
    } else {
      builder.credentialsProvider(ownApiCredentials.ownApi());
      builder.restAddress(URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port")));
      builder.grpcAddress(properties.grpcAddress() != null ? properties.grpcAddress()
          : URI.create("http://localhost:" + environment.getProperty("milepost.grpc.port", "26500")));
    }
    CamundaClient built = builder.build();
    LOG.info("Step workers talk to {} (gRPC {}, prefer REST: {})", built.getConfiguration().getRestAddress(),
        built.getConfiguration().getGrpcAddress(), properties.preferRest());
    return built;
  }
}
