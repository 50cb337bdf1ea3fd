package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A host whose lifecycle is paused and restarted (Spring's test context cache does this to every cached context it
 * switches away from; an operator's context stop/start does the same) serves job workers again afterwards: REST and
 * gRPC long polls and gRPC job streams all get the new instance's job.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PausedContextTest {

  private static final Path DATA_DIR = createTempDirectory();

  @Autowired
  ConfigurableApplicationContext context;

  @Autowired
  GrpcServer grpcServer;

  @DynamicPropertySource
  static void milepostProperties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", DATA_DIR::toString);
    registry.add("milepost.bpmn-dir", () -> DATA_DIR.resolve("no-models-here").toString());
    registry.add("milepost.grpc.port", () -> "0");
  }

  @Test
  void shouldActivateJobsOverRestAndGrpcAfterThePauseAndRestartOfTheContext() throws Exception {
    context.pause();
    context.restart();

    try (CamundaClient rest = client(true); CamundaClient grpc = client(false)) {
      assertThat(activateOneJob(rest)).as("a REST long poll after the restart").hasSize(1);
      assertThat(activateOneJob(grpc)).as("a gRPC long poll after the restart").hasSize(1);

      String processId = GrpcGatewayTestSupport.unique("paused-stream");
      deployOneTask(grpc, processId);
      CompletableFuture<Long> streamed = new CompletableFuture<>();
      try (JobWorker worker = grpc.newWorker().jobType(processId).handler((jobs, job) -> {
        jobs.newCompleteCommand(job).send().join();
        streamed.complete(job.getProcessInstanceKey());
      }).streamEnabled(true).pollInterval(Duration.ofMinutes(5)).open()) {
        long instance = grpc.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
            .getProcessInstanceKey();
        assertThat(streamed.get(30, TimeUnit.SECONDS)).as("the job pushed to a gRPC job stream").isEqualTo(instance);
      }
    }
  }

  /** Creates an instance of a one-task process and activates its job once, waiting up to 5 s. */
  private List<ActivatedJob> activateOneJob(CamundaClient client) {
    String processId = GrpcGatewayTestSupport.unique("paused-poll");
    deployOneTask(client, processId);
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    return client.newActivateJobsCommand().jobType(processId).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
  }

  private static void deployOneTask(CamundaClient client, String processId) {
    client.newDeployResourceCommand().addProcessModel(GrpcGatewayTestSupport.oneTask(processId, processId),
        processId + ".bpmn").send().join();
  }

  /** A client for the ports served after the restart (a port chosen as 0 may be a new one). */
  private CamundaClient client(boolean preferRest) {
    int restPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    return CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials())
        .restAddress(URI.create("http://localhost:" + restPort))
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .preferRestOverGrpc(preferRest)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("milepost-paused-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
