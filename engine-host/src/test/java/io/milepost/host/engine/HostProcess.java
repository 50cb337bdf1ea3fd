package io.milepost.host.engine;

import io.camunda.client.CamundaClient;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real application in a child JVM (this test's class path), for tests that kill it, starve it or pull its
 * database away: started on a free port with a data directory of its own, and ready once its health says UP.
 */
final class HostProcess implements AutoCloseable {

  /** Generous: on a 2-core machine busy with other builds a start took 90 s. */
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

  private final Process process;
  private final int port;
  private final Path log;

  private HostProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the host with {@code --name=value} arguments added to its data and model directories under {@code home}. */
  static HostProcess start(Path home, int port, String... arguments) throws IOException, InterruptedException {
    return start(List.of(), home, port, arguments);
  }

  /** The same, with options for the JVM (a heap limit, say). */
  static HostProcess start(List<String> jvmOptions, Path home, int port, String... arguments)
      throws IOException, InterruptedException {
    Path log = home.resolve("host-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of(
        "-cp", System.getProperty("java.class.path"),
        MilepostApplication.class.getName(),
        "--server.port=" + port,
        "--milepost.grpc.port=0",
        "--milepost.data-dir=" + home.resolve("data")));
    if (Stream.of(arguments).noneMatch(argument -> argument.startsWith("--milepost.bpmn-dir="))) {
      command.add("--milepost.bpmn-dir=" + home.resolve("bpmn")); // none: no models deployed at start
    }
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HostProcess host = new HostProcess(process, port, log);
    try {
      host.awaitHealthy();
    } catch (AssertionError | IOException | InterruptedException notHealthy) {
      host.kill(); // a host that did not come up must not outlive the test
      throw notHealthy;
    }
    return host;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  CamundaClient client() {
    return CamundaClient.newClientBuilder()
        .credentialsProvider(DemoUser.credentials()).restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).build();
  }

  int port() {
    return port;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  /** kill -9: no chance to flush or close anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
          .header("Authorization", DemoUser.AUTHORIZATION).build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("Expected the host to start, but it exited:\n" + log());
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
    throw new AssertionError("Expected the host to be healthy within " + STARTUP_TIMEOUT + ", but it was not:\n" + log());
  }
}
