package io.milepost.host.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.MilepostApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * engine-host started as its own process with exactly the environment docker-compose.yml gives the
 * engine-host service, but for what only a container has: the database host (here the machine's
 * PostgreSQL at 127.0.0.1:5432, in a schema of this run's own), the ports (free ones) and the paths.
 * Environment variables, not Java system properties, so Spring Boot's relaxed binding reads them as
 * in the container.
 */
class ComposeEnvironmentStartTest {

  private static final String LOCAL_POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");
  /** Spring Boot's line once the application (its step workers included) has started. */
  private static final Pattern STARTED = Pattern.compile("Started " + MilepostApplication.class.getSimpleName() + " in ");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String schema = "milepost_compose_test_" + Long.toHexString(System.nanoTime());
  private Process process;
  private final List<String> output = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    try (Connection connection = localPostgres(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException unreachable) {
      // skipped: nothing was created
    }
  }

  @Test
  void shouldStartWithTheComposeEnvironmentOnPostgres() throws Exception {
    createSchema();
    Map<String, String> compose = ComposeFile.read().environment("engine-host");
    Map<String, String> environment = new LinkedHashMap<>(compose);
    // What differs outside a container; every other variable is the compose file's own.
    Map<String, String> hostOnly = Map.of(
        "SPRING_DATASOURCE_URL", LOCAL_POSTGRES + "?currentSchema=" + schema,
        "SPRING_DATASOURCE_USERNAME", "postgres",
        "SPRING_DATASOURCE_PASSWORD", "",
        "SERVER_PORT", "0",
        "MILEPOST_GRPC_PORT", "0",
        "MILEPOST_DATA_DIR", Files.createTempDirectory("milepost-compose-test").toString(),
        "MILEPOST_BPMN_DIR", Path.of("..", "bpmn").toAbsolutePath().normalize().toString());
    assertThat(compose).as("the compose file sets what this test replaces").containsKeys(hostOnly.keySet().toArray(String[]::new));
    environment.putAll(hostOnly);

    int port = start(environment);

    HttpResponse<String> health = awaitHealthy(port);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    HttpResponse<String> topology = get(port, "/v2/topology");
    assertThat(topology.statusCode()).as(topology.body()).isEqualTo(200);
    assertThat(topology.body()).as("the node id the compose file names").contains("\"clusterId\":\"" + compose.get("MILEPOST_NODE_ID") + "\"");
    assertThat(tablesInSchema()).as("tables engine-host made in its PostgreSQL schema")
        .contains("milepost_host_schema_history", "site_plugin_assignment", "event_log");
  }

  private int start(Map<String, String> environment) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        MilepostApplication.class.getName())
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    process = builder.start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread.ofPlatform().daemon().start(() -> readOutput(port, started));
    try {
      started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return port.getNow(null);
    } catch (Exception e) {
      throw new AssertionError("Expected engine-host to start within " + START_TIMEOUT + ", but it did not ("
          + e + "); its output:\n" + String.join("\n", lastLines()), e);
    }
  }

  private void readOutput(CompletableFuture<Integer> port, CompletableFuture<Void> started) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.out.println("[engine-host] " + line);
        synchronized (output) {
          output.add(line);
        }
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port.complete(Integer.parseInt(listening.group(1)));
        }
        if (STARTED.matcher(line).find()) {
          started.complete(null);
        }
      }
      started.completeExceptionally(new IllegalStateException("engine-host exited with " + process.waitFor()));
    } catch (IOException | InterruptedException e) {
      started.completeExceptionally(e);
    }
  }

  /**
   * Spring Boot logs "Started" just before it marks the application live, so the first health answer
   * may still be 503: asks again, for a bounded time, as a container's health check does.
   */
  private static HttpResponse<String> awaitHealthy(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> health = get(port, "/actuator/health");
    while (health.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      health = get(port, "/actuator/health");
    }
    return health;
  }

  private List<String> lastLines() {
    synchronized (output) {
      return List.copyOf(output.subList(Math.max(0, output.size() - 40), output.size()));
    }
  }

  private void createSchema() {
    try (Connection connection = localPostgres(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      Assumptions.abort("PostgreSQL at 127.0.0.1:5432/test is unreachable (" + e.getMessage()
          + "): skipping the start with the compose file's environment");
    }
  }

  private List<String> tablesInSchema() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = localPostgres(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private static Connection localPostgres() throws SQLException {
    return DriverManager.getConnection(LOCAL_POSTGRES + "?connectTimeout=3", "postgres", "");
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic ZGVtbzpkZW1v").build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
