package io.milepost.host.workernode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.milepost.engine.api.Engine;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.HostApi;
import io.milepost.host.testing.HostApi.Answer;
import io.milepost.host.testing.PageSession;
import io.milepost.host.testing.TestPluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two engine-hosts in one test, sharing nothing but the Camunda 8 API: one with its embedded engine stands
 * in for a Camunda 8 cluster (and runs no step workers), the other is a worker node
 * ({@code milepost.engine.enabled=false}) on a store of its own whose step workers work for the first over
 * REST with basic credentials, as the official client sends them. The network's order runs through, its
 * steps run and are recorded at the worker node, and a rollout made at the worker node decides which
 * plugin version runs the next job.
 */
class WorkerNodeTest {

  private static final Path MODELS = Path.of("..", "bpmn").toAbsolutePath().normalize();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SORTABLE_WEST = """
      {"orderId": "o-2001", "customerRegion": "west", "destinationPostalCode": "94607", "items": [
        {"sku": "BK-1001", "quantity": 2, "weightKg": 0.4, "lengthCm": 20, "widthCm": 13, "heightCm": 3}]}""";

  private static Path home;
  private static ConfigurableApplicationContext cluster;
  private static ConfigurableApplicationContext workerNode;

  private CamundaClient client;

  @BeforeAll
  static void startClusterAndWorkerNode() throws IOException {
    home = Files.createTempDirectory("milepost-worker-node-test");
    cluster = start("--milepost.data-dir=" + home.resolve("cluster"), "--milepost.bpmn-dir=" + MODELS,
        "--milepost.worker.enabled=false");
    workerNode = start("--milepost.engine.enabled=false", "--milepost.data-dir=" + home.resolve("worker-node"),
        "--milepost.worker.rest-address=http://localhost:" + port(cluster),
        "--milepost.worker.auth.method=basic", "--milepost.worker.auth.username=demo",
        "--milepost.worker.auth.password=demo");
  }

  @AfterAll
  static void stop() {
    if (workerNode != null) {
      workerNode.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void openClient() {
    client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port(cluster)))
        .preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("demo").password("demo").build())
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void shouldRunTheOrdersStepsAtTheWorkerNodeAndRecordThemThere() {
    ProcessInstanceResult result = fulfil(SORTABLE_WEST);

    assertThat(stepRecords(workerNode, result.getProcessInstanceKey()))
        .extracting(record -> record.get("jobType") + "@" + record.get("siteId") + " " + record.get("pluginId") + " "
            + record.get("outcome"))
        .containsExactly("fulfillment.allocate@rc-west-1 receive-center COMPLETED",
            "fulfillment.pick@fc-west-1 sortable-fc COMPLETED", "fulfillment.pack@fc-west-1 sortable-fc COMPLETED",
            "fulfillment.slam@fc-west-1 sortable-fc COMPLETED", "fulfillment.sort@sc-west-1 sort-center COMPLETED",
            "fulfillment.deliver@ds-west-1 delivery-station COMPLETED");
    assertThat(stepRecords(cluster, result.getProcessInstanceKey())).as("step records at the cluster").isEmpty();
    assertThat(result.getVariablesAsMap()).containsKeys("package", "sort", "delivery");
  }

  @Test
  void shouldRunTheVersionARolloutAtTheWorkerNodeChoosesForTheNextJob() throws IOException {
    HostApi api = new HostApi(port(workerNode));
    Path jar = TestPluginJar.plugin("express-delivery", "2.0.0")
        .handler("fulfillment.deliver",
            "return StepResult.complete(Map.of(\"delivery\", Map.of(\"route\", \"express-\" + context.site().id())));")
        .writeTo(home.resolve("uploads"));
    Answer uploaded = api.upload("/api/plugins", "express-delivery.jar", Files.readAllBytes(jar), Map.of());
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    Answer rollout = api.post("/api/rollouts", Map.of("pluginId", "express-delivery", "version", "2.0.0",
        "sites", List.of("ds-west-1"), "reason", "express routes in the west"));
    assertThat(rollout.status()).as(rollout.body()).isEqualTo(201);
    assertThat(rollout.json()).containsEntry("state", "COMPLETED");

    ProcessInstanceResult result = fulfil(SORTABLE_WEST);

    assertThat(stepRecords(workerNode, result.getProcessInstanceKey())).last().satisfies(record ->
        assertThat(record).containsEntry("jobType", "fulfillment.deliver").containsEntry("siteId", "ds-west-1")
            .containsEntry("pluginId", "express-delivery").containsEntry("pluginVersion", "2.0.0")
            .containsEntry("outcome", "COMPLETED"));
    assertThat(result.getVariablesAsMap()).containsEntry("delivery", Map.of("route", "express-ds-west-1"));

    Answer rolledBack = api.post("/api/rollouts/" + rollout.json().get("rolloutId") + "/rollback",
        Map.of("reason", "back to the station's own"));
    assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
    assertThat(stepRecords(workerNode, fulfil(SORTABLE_WEST).getProcessInstanceKey())).last()
        .satisfies(record -> assertThat(record).containsEntry("pluginId", "delivery-station"));
  }

  @Test
  void shouldServeNoEngineAtTheWorkerNode() {
    assertThat(workerNode.getBeanProvider(Engine.class).getIfAvailable()).isNull();
    assertThat(get(workerNode, "/v2/topology").statusCode()).isEqualTo(404);
    assertThat(get(workerNode, "/api/sites").statusCode()).isEqualTo(200);
    HttpResponse<String> health = get(workerNode, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void shouldLinkNoTaskListOrOperationsPagesAtTheWorkerNode() {
    HttpResponse<String> home = PageSession.signIn(port(workerNode), "demo", "demo").get("/");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("href=\"/rollouts\"", "href=\"/plugins\"", "href=\"/network\"")
        .doesNotContain("href=\"/tasks\"", "href=\"/operations/processes\"", "href=\"/operations/instances\"",
            "href=\"/operations/deploy\"");
  }

  @Test
  void shouldRefuseToStartAWorkerNodeWithNoApiToWorkFor() {
    assertThatThrownBy(() -> start("--milepost.engine.enabled=false",
        "--milepost.data-dir=" + home.resolve("no-address")))
        .rootCause()
        .hasMessageContaining("Expected milepost.worker.rest-address to name the Camunda 8 API this worker node "
            + "works for");
  }

  private static ConfigurableApplicationContext start(String... arguments) {
    String[] all = new String[arguments.length + 2];
    all[0] = "--server.port=0";
    all[1] = "--milepost.grpc.port=0";
    System.arraycopy(arguments, 0, all, 2, arguments.length);
    return new SpringApplicationBuilder(MilepostApplication.class).run(all);
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  private ProcessInstanceResult fulfil(String orderJson) {
    Map<String, Object> order = JSON.readValue(orderJson, new TypeReference<Map<String, Object>>() {});
    return client.newCreateInstanceCommand().bpmnProcessId("order-fulfillment").latestVersion()
        .variables(Map.of("order", order)).withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
  }

  private static List<Map<String, Object>> stepRecords(ConfigurableApplicationContext node, long instanceKey) {
    HttpResponse<String> response = get(node, "/api/step-records?processInstanceKey=" + instanceKey);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {});
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext node, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
        .header("Authorization", "Basic ZGVtbzpkZW1v")
        .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
