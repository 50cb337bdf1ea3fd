package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.grpc.GrpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Method none: anyone may do anything, loudly; the host's own step workers still get in. */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NoAuthenticationTest {

  private static final Path DATA_DIR = temporaryDirectory();

  @LocalServerPort
  int port;

  @Autowired
  GrpcServer grpcServer;

  @Autowired
  WorkerCredentials workerCredentials;

  @DynamicPropertySource
  static void none(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", DATA_DIR::toString);
    registry.add("milepost.bpmn-dir", () -> DATA_DIR.resolve("no-models-here").toString());
    registry.add("milepost.security.authentication.method", () -> "none");
  }

  @Test
  void shouldLetAnyoneDeployAndStartOverRestAndGrpcAndWarnAtStart(CapturedOutput output) {
    for (boolean overGrpc : new boolean[] {false, true}) {
      try (CamundaClient client = client(overGrpc)) {
        String processId = "open-" + overGrpc + "-" + Long.toHexString(System.nanoTime());
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
            .endEvent().done(), processId + ".bpmn").send().join();

        assertThat(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
            .getProcessInstanceKey()).isPositive();
      }
    }
    assertThat(SecurityTestSupport.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/actuator/metrics")).build()).statusCode()).isEqualTo(200);
    assertThat(output.getOut()).contains("SECURITY IS OFF: milepost.security.authentication.method is none.");
  }

  @Test
  void shouldLetTheHostsOwnStepWorkersIn() {
    try (CamundaClient client = CamundaClient.newClientBuilder().credentialsProvider(workerCredentials.ownApi())
        .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true).build()) {
      assertThat(client.newActivateJobsCommand().jobType("nothing-here").maxJobsToActivate(1)
          .requestTimeout(Duration.ofMillis(100)).send().join().getJobs()).isEmpty();
    }
  }

  private CamundaClient client(boolean overGrpc) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .preferRestOverGrpc(!overGrpc)
        .defaultRequestTimeout(Duration.ofSeconds(20))
        .build();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("milepost-none-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
