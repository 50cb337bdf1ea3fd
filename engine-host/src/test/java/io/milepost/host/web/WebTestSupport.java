package io.milepost.host.web;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.milepost.host.MilepostApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole host on a random port with the network's own models ({@code bpmn/}) and the bundled plugins, and the
 * official Camunda client to start the work the pages show. One application context for all web tests.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class WebTestSupport {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final Path HOME = createHome();
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** An associate at fc-west-1, an engineer, a leader of the west region. */
  static final String ASSOCIATE = "ana";
  static final String ENGINEER = "erin";
  static final String LEADER = "lee";
  static final String PASSWORD = "s3cret-page-pass";

  @LocalServerPort
  int port;

  CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", MODELS::toString);
    user(registry, 0, "demo", "demo", "admin", null, null);
    user(registry, 1, ASSOCIATE, PASSWORD, "associate", "fc-west-1", null);
    user(registry, 2, ENGINEER, PASSWORD, "engineer", null, null);
    user(registry, 3, LEADER, PASSWORD, "leader", null, "west");
  }

  private static void user(DynamicPropertyRegistry registry, int index, String name, String password, String role,
      String site, String region) {
    String prefix = "milepost.security.users[" + index + "].";
    registry.add(prefix + "username", () -> name);
    registry.add(prefix + "password", () -> password);
    registry.add(prefix + "roles[0]", () -> role);
    if (site != null) {
      registry.add(prefix + "sites[0]", () -> site);
    }
    if (region != null) {
      registry.add(prefix + "regions[0]", () -> region);
    }
  }

  @BeforeEach
  void openClient() {
    client = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("demo").password("demo").build())
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** Waits (up to 30 s) for something the engine's workers do in the background. */
  static void eventually(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Expected within 30 s: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static String uniqueOrderId(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-web-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An order whose declared weight is too low: SLAM at fc-west-1 sends it to the problem-solve task. */
  long startUnderDeclaredOrder(String orderId) {
    return startOrder("""
        {"orderId": "%s", "customerRegion": "west", "destinationPostalCode": "94110", "items": [
          {"sku": "GM-6001", "quantity": 1, "weightKg": 0.9, "lengthCm": 40, "widthCm": 27, "heightCm": 8}]}"""
        .formatted(orderId));
  }

  long startOrder(String orderJson) {
    Map<String, Object> order = JSON.readValue(orderJson, Map.class);
    return client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", order)).send().join().getProcessInstanceKey();
  }

  List<UserTask> openTask(long instanceKey) {
    return client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED))
        .send().join().items();
  }

  String state(long instanceKey) {
    return client.newProcessInstanceGetRequest(instanceKey).send().join().getState().name();
  }

  Map<String, Object> variables(long instanceKey) {
    Map<String, Object> values = new HashMap<>();
    client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instanceKey).scopeKey(instanceKey))
        .send().join().items()
        .forEach(variable -> values.put(variable.getName(), JSON.readValue(variable.getValue(), Object.class)));
    return values;
  }
}
