package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.enums.UserTaskState;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network's rules are decision tables in {@code bpmn/} that a process engineer changes without touching a
 * plugin: the host deploys them with the models, the models' business rule tasks evaluate them, the plugins read
 * the results. Changing a threshold in a table and deploying it decides the next order with the new version,
 * while an order already past that step keeps what the old version decided; the decision instances say which
 * version decided what. Everything through the official Camunda client, on the demo network's plugins.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NetworkRulesAsDecisionsTest {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final Path HOME = createHome();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A board game declared lighter than the 1.6 kg the FC measured: SLAM sends it to problem solve, where it waits. */
  private static final String UNDER_DECLARED = """
      {"orderId": "o-rule-1", "customerRegion": "west", "destinationPostalCode": "94110", "items": [
        {"sku": "GM-6001", "quantity": 1, "weightKg": 0.9, "lengthCm": 40, "widthCm": 27, "heightCm": 8}]}""";
  private static final String BOOKS = """
      {"orderId": "o-rule-2", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
        {"sku": "BK-1001", "quantity": 2, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}""";

  @LocalServerPort
  int port;

  CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", MODELS::toString);
  }

  @BeforeEach
  void openClient() {
    client = CamundaClient.newClientBuilder()
        .credentialsProvider(DemoUser.credentials()).restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).defaultRequestTimeout(Duration.ofSeconds(30)).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void shouldDecideTheNextOrderWithTheChangedTableWhileAnOrderPastTheStepKeepsTheOldResult() throws IOException {
    // given an order past the late-order threshold decision, waiting at problem solve
    long waiting = start(UNDER_DECLARED);
    eventually("order o-rule-1 at the problem-solve task", () -> !client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(waiting).state(UserTaskState.CREATED)).send().join().items().isEmpty());
    int deployedVersion = latestVersion("late-order-threshold");
    assertThat(variable(waiting, "lateOrderThreshold")).isEqualTo("PT4H");

    // when a process engineer lowers the threshold for sortable and specialty orders to two hours and deploys it
    String table = Files.readString(MODELS.resolve("late-order-threshold.dmn"));
    String changed = table.replace("<outputEntry id=\"rule-other-threshold\"><text>\"PT4H\"</text></outputEntry>",
        "<outputEntry id=\"rule-other-threshold\"><text>\"PT2H\"</text></outputEntry>");
    assertThat(changed).isNotEqualTo(table);
    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceBytes(changed.getBytes(StandardCharsets.UTF_8), "late-order-threshold.dmn").send().join();
    ProcessInstanceResult next = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", JSON.readValue(BOOKS, new TypeReference<Map<String, Object>>() {})))
        .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();

    // then the new version decided the next order, and the waiting order kept what the old one decided
    assertThat(deployment.getDecisions()).singleElement()
        .satisfies(decision -> assertThat(decision.getVersion()).isEqualTo(deployedVersion + 1));
    assertThat(next.getVariablesAsMap()).containsEntry("lateOrderThreshold", "PT2H")
        .containsEntry("deliveryOutcome", "DELIVERED");
    assertThat(variable(waiting, "lateOrderThreshold")).isEqualTo("PT4H");
    // and the decision instances say which version decided what, for which order
    assertThat(decided(waiting)).singleElement().satisfies(decision -> {
      assertThat(decision.getDecisionDefinitionVersion()).isEqualTo(deployedVersion);
      assertThat(decision.getResult()).isEqualTo("\"PT4H\"");
    });
    assertThat(decided(next.getProcessInstanceKey())).singleElement().satisfies(decision -> {
      assertThat(decision.getDecisionDefinitionVersion()).isEqualTo(deployedVersion + 1);
      assertThat(decision.getResult()).isEqualTo("\"PT2H\"");
      assertThat(decision.getDecisionDefinitionKey()).isEqualTo(deployment.getDecisions().getFirst().getDecisionKey());
    });
  }

  @Test
  void shouldKeepEveryDecisionOfAnOrderWithTheRulesThatMatched() {
    ProcessInstanceResult order = client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", JSON.readValue(BOOKS.replace("o-rule-2", "o-rule-3"),
            new TypeReference<Map<String, Object>>() {})))
        .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();

    List<DecisionInstance> decisions = client.newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(order.getProcessInstanceKey())).send().join().items();

    assertThat(decisions).extracting(DecisionInstance::getDecisionDefinitionId)
        .contains("fulfillment-type", "late-order-threshold", "carrier-service", "slam-weight-tolerance");
    DecisionInstance type = decisions.stream().filter(d -> d.getDecisionDefinitionId().equals("fulfillment-type"))
        .findFirst().orElseThrow();
    assertThat(type.getResult()).isEqualTo("\"SORTABLE\"");
    assertThat(client.newDecisionInstanceGetRequest(type.getDecisionInstanceId()).send().join().getMatchedRules())
        .extracting(rule -> rule.getRuleId()).containsExactly("rule-sortable");
    assertThat(order.getVariablesAsMap()).containsEntry("fulfillmentType", "SORTABLE")
        .containsEntry("slamRules", Map.of("carrierService", "GROUND", "toleranceShare", 0.05, "minimumToleranceKg", 0.05));
  }

  private long start(String orderJson) {
    return client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", JSON.readValue(orderJson, new TypeReference<Map<String, Object>>() {})))
        .send().join().getProcessInstanceKey();
  }

  private int latestVersion(String decisionId) {
    return client.newDecisionDefinitionSearchRequest().filter(f -> f.decisionDefinitionId(decisionId)).send().join()
        .items().stream().mapToInt(definition -> definition.getVersion()).max().orElseThrow();
  }

  private List<DecisionInstance> decided(long processInstanceKey) {
    return client.newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).decisionDefinitionId("late-order-threshold"))
        .send().join().items();
  }

  private Object variable(long processInstanceKey, String name) {
    var found = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey).name(name))
        .send().join().items();
    assertThat(found).as("variable %s of %s", name, processInstanceKey).hasSize(1);
    return JSON.readValue(found.getFirst().getValue(), Object.class);
  }

  /** Waits (up to 30 s) for what the host's step workers do in the background. */
  private static void eventually(String what, BooleanSupplier condition) {
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

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-network-rules-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
