package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged command survives {@code kill -9} of the host on its default embedded store: runs
 * the real application in a child JVM, kills it without warning right after the answers, starts it
 * again on the same data directory and finds everything it had acknowledged.
 */
class KillNineDurabilityTest {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path home;

  private Process host;

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.destroyForcibly();
    }
  }

  @Test
  void shouldKeepAcknowledgedCommandsAcrossKillNine() throws Exception {
    // given a host that acknowledged a deployment, two instances and a completed job
    int port = freePort();
    host = startHost(port);
    long waiting;
    long finished;
    try (CamundaClient client = client(port)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("durable").startEvent()
          .serviceTask("pick", t -> t.zeebeJobType("durable.pick")).endEvent().done(), "durable.bpmn").send().join();
      waiting = client.newCreateInstanceCommand().bpmnProcessId("durable").latestVersion().send().join()
          .getProcessInstanceKey();
      finished = client.newCreateInstanceCommand().bpmnProcessId("durable").latestVersion().send().join()
          .getProcessInstanceKey();
      var job = client.newActivateJobsCommand().jobType("durable.pick").maxJobsToActivate(2).send().join().getJobs()
          .stream().filter(j -> j.getProcessInstanceKey() == finished).findFirst().orElseThrow();
      client.newCompleteCommand(job).send().join();
    }

    // when it is killed without any chance to flush or close
    host.destroyForcibly().waitFor();
    host = startHost(port);

    // then
    try (CamundaClient client = client(port)) {
      assertThat(client.newProcessInstanceGetRequest(waiting).send().join().getState())
          .isEqualTo(ProcessInstanceState.ACTIVE);
      assertThat(client.newProcessInstanceGetRequest(finished).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
    }
  }

  private Process startHost(int port) throws IOException, InterruptedException {
    Path log = home.resolve("host-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        MilepostApplication.class.getName(),
        "--server.port=" + port,
        "--milepost.data-dir=" + home.resolve("data"),
        "--milepost.bpmn-dir=" + home.resolve("bpmn")))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitHealthy(process, port, log);
    return process;
  }

  private static void awaitHealthy(Process process, int port, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
          .header("Authorization", DemoUser.AUTHORIZATION).build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("Expected the host to start, but it exited:\n" + Files.readString(log));
        }
        try {
          if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"UP\"")) {
            return;
          }
        } catch (IOException notYetListening) {
          // the host is still starting
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("Expected the host to be healthy within " + STARTUP_TIMEOUT + ", but it was not:\n"
        + Files.readString(log));
  }

  private static CamundaClient client(int port) {
    return CamundaClient.newClientBuilder()
        .credentialsProvider(DemoUser.credentials()).restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
