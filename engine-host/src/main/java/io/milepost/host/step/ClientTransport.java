package io.milepost.host.step;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import io.milepost.host.security.WorkerCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The step workers as job workers of the official Camunda client: for a host that works for a Camunda 8
 * cluster or another Milepost ({@code milepost.worker.rest-address}), or, with
 * {@code milepost.worker.in-process=false}, for its own API over loopback.
 */
final class ClientTransport implements StepTransport {

  private static final Logger LOG = LoggerFactory.getLogger(ClientTransport.class);

  private final WorkerProperties properties;
  private final StepDispatcher dispatcher;
  private final CamundaClient client;
  private final Map<String, JobWorker> workers = new ConcurrentHashMap<>();

  ClientTransport(WorkerProperties properties, StepDispatcher dispatcher, Environment environment,
      WorkerCredentials ownApiCredentials, WorkerAuthProperties remoteAuth) {
    this.properties = properties;
    this.dispatcher = dispatcher;
    this.client = buildClient(environment, ownApiCredentials, remoteAuth);
    checkConnection();
  }

  @Override
  public void open(String jobType) {
    workers.computeIfAbsent(jobType, type -> {
      LOG.info("Opening the step worker for job type '{}'", type);
      return client.newWorker()
          .jobType(type)
          .handler((jobClient, job) -> dispatcher.handle(StepJob.of(job), new ClientAnswers(jobClient)))
          .name("milepost-step-" + type)
          .timeout(properties.jobTimeout())
          .maxJobsActive(properties.maxJobsActive())
          .pollInterval(properties.pollInterval())
          .requestTimeout(properties.requestTimeout())
          .open();
    });
  }

  @Override
  public void close() {
    workers.values().forEach(JobWorker::close);
    workers.clear();
    client.close();
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

  private CamundaClient buildClient(Environment environment, WorkerCredentials ownApiCredentials,
      WorkerAuthProperties remoteAuth) {
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

  /** Answers through the client, waiting for the engine's acknowledgement. */
  private record ClientAnswers(JobClient client) implements JobAnswers {

    @Override
    public void complete(long jobKey, Map<String, Object> variables) {
      client.newCompleteCommand(jobKey).variables(variables).send().join();
    }

    @Override
    public void throwError(long jobKey, String code, String message) {
      client.newThrowErrorCommand(jobKey).errorCode(code).errorMessage(message).send().join();
    }

    @Override
    public void fail(long jobKey, int retries, Duration backoff, String message) {
      client.newFailCommand(jobKey).retries(retries).retryBackoff(backoff).errorMessage(message).send().join();
    }
  }
}
