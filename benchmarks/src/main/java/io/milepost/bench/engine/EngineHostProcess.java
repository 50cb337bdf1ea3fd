package io.milepost.bench.engine;

import io.camunda.client.CredentialsProvider;
import io.milepost.bench.harness.JvmProbe;
import io.milepost.bench.harness.StoreKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * engine-host as a child JVM ({@code java -jar engine-host/target/engine-host.jar}) on the run's store,
 * with local JMX for CPU and heap. Its plugin step workers are off (the benchmark's workers do the jobs) unless
 * started with {@link #withStepWorkers}, as it ships: its bundled plugins do the jobs in process.
 */
public final class EngineHostProcess implements AutoCloseable {

  /** System property naming a JFR file for the engine-host JVM; unset, it is not recorded. */
  public static final String JFR_PROPERTY = "milepost.bench.host-jfr";
  /**
   * The engine's stacks (writer, command, behaviour, SQL, H2's B-tree) run deeper than JFR's default of 64 frames: cut
   * there, a sample in H2 no longer says which of the engine's statements it serves.
   */
  public static final String JFR_STACK_DEPTH = "-XX:FlightRecorderOptions:stackdepth=256";
  /**
   * System property with the engine's H2 commit durability ({@code power-cut} or {@code process-kill}) for
   * engine-host and the in-process engine; unset, the engine's default.
   */
  public static final String H2_DURABILITY_PROPERTY = "milepost.bench.h2-commit-durability";
  /**
   * More of engine-host's own settings, as {@code --name=value} separated by spaces (e.g. a soak's short
   * {@code --milepost.engine.history-retention=5m}).
   */
  public static final String HOST_ARGS_PROPERTY = "milepost.bench.host-args";
  /** The garbage collector's flag engine-host runs with (the harness's {@code --gc}); the JVM's default if unset. */
  public static final String GC_PROPERTY = "milepost.bench.gc";
  /** The host runs with its default security: basic authentication, bootstrap user demo/demo. */
  static final String DEMO_AUTHORIZATION = "Basic ZGVtbzpkZW1v";

  /**
   * How long a start may take. About 10 s on an idle machine; on a 2-core machine loaded by other builds (load
   * average 30) a start with the bundled plugins took just over 120 s.
   */
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
  private static final AtomicInteger STARTS = new AtomicInteger();

  private final Process process;
  private final int port;
  private final int grpcPort;
  private final JvmProbe probe;
  private final long launchedNanos;
  private final long readyNanos;

  private EngineHostProcess(Process process, int port, int grpcPort, JvmProbe probe, long launchedNanos,
      long readyNanos) {
    this.process = process;
    this.port = port;
    this.grpcPort = grpcPort;
    this.probe = probe;
    this.launchedNanos = launchedNanos;
    this.readyNanos = readyNanos;
  }

  /**
   * Starts engine-host on {@code context}'s store (its data dir {@code dataDir/host}, so a second start on the same
   * context restarts on the same data) and returns once {@code /v2/topology} answers 200.
   */
  public static EngineHostProcess start(BenchContext context) throws IOException, InterruptedException {
    return start(context, false);
  }

  /** The same, with the host's own step workers on: its bundled plugins work the jobs of its models. */
  public static EngineHostProcess withStepWorkers(BenchContext context) throws IOException, InterruptedException {
    return start(context, true);
  }

  private static EngineHostProcess start(BenchContext context, boolean stepWorkers)
      throws IOException, InterruptedException {
    Path jar = context.repositoryRoot().resolve("engine-host/target/engine-host.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("Expected " + jar + " (build it with ./mvnw -pl engine-host -am package), but it "
          + "is missing");
    }
    int port = freePort();
    int grpcPort = freePort();
    int jmxPort = freePort();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g"));
    String gc = System.getProperty(GC_PROPERTY);
    if (gc != null) {
      command.add(gc);
    }
    command.addAll(JvmProbe.jmxArguments(jmxPort));
    String jfr = System.getProperty(JFR_PROPERTY);
    if (jfr != null) {
      // a restart records into a file of its own: name.jfr, name-2.jfr, ...
      int start = STARTS.incrementAndGet();
      String file = start == 1 ? jfr : jfr.replaceFirst("(\\.jfr)?$", "-" + start + ".jfr");
      command.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile");
      command.add(JFR_STACK_DEPTH);
    }
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
        "--milepost.data-dir=" + context.dataDir().resolve("host").toAbsolutePath(),
        "--milepost.bpmn-dir=" + context.repositoryRoot().resolve("bpmn").toAbsolutePath(),
        "--milepost.worker.enabled=" + stepWorkers, "--milepost.grpc.port=" + grpcPort));
    if (context.store() == StoreKind.POSTGRES) {
      command.add("--spring.datasource.url=" + context.jdbcUrl());
    }
    String durability = System.getProperty(H2_DURABILITY_PROPERTY);
    if (durability != null) {
      command.add("--milepost.engine.h2-commit-durability=" + durability);
    }
    String hostArgs = System.getProperty(HOST_ARGS_PROPERTY, "").strip();
    if (!hostArgs.isEmpty()) {
      command.addAll(List.of(hostArgs.split("\\s+")));
    }
    Path log = context.dataDir().resolve("engine-host.log");
    // appended, so that the log of a restart follows the first one's
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      awaitReady(process, port, log);
      long ready = System.nanoTime();
      return new EngineHostProcess(process, port, grpcPort, JvmProbe.remote("engine-host JVM", jmxPort), launched,
          ready);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public URI restAddress() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /**
   * engine-host's gRPC gateway (plaintext). Its server starts just after the web server (a later
   * lifecycle phase), so call {@link #awaitGrpc()} before the first gRPC command.
   */
  URI grpcAddress() {
    return URI.create("http://127.0.0.1:" + grpcPort);
  }

  /** Waits until the gRPC port accepts connections (a few ms after /v2/topology first answers). */
  void awaitGrpc() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", grpcPort), 1000);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("Expected engine-host to listen for gRPC on port " + grpcPort
        + " within 30 s of answering REST, but it did not");
  }

  public JvmProbe probe() {
    return probe;
  }

  public long pid() {
    return process.pid();
  }

  /** {@link System#nanoTime()} just before the JVM was launched. */
  public long launchedNanos() {
    return launchedNanos;
  }

  /** {@link System#nanoTime()} when {@code /v2/topology} first answered 200. */
  public long readyNanos() {
    return readyNanos;
  }

  /** kill -9 ({@link Process#destroyForcibly()}), and wait for the process to be gone. */
  public void kill() throws InterruptedException {
    probe.close();
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Expected engine-host to die on SIGKILL within 30 s, but it is still running");
    }
  }

  private static void awaitReady(Process process, int port, Path log) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Expected engine-host to start, but it exited with " + process.exitValue()
            + "; see " + log);
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/v2/topology")).header("Authorization", DEMO_AUTHORIZATION).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("Expected engine-host to answer /v2/topology within "
        + STARTUP_TIMEOUT.toSeconds() + " s, but it did not; see " + log);
  }

  /** The credentials of the host's bootstrap user, for the official client talking to it. */
  public static CredentialsProvider credentials() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
        .username("demo").password("demo").build();
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    probe.close();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
