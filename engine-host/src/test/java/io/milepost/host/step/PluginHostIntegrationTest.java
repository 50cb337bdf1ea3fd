package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.milepost.host.MilepostApplication;
import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.testing.TestPluginJar;
import io.milepost.host.testing.DemoUser;
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
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole host on a random port over H2 in a temp directory, with test plugins in its plugins dir,
 * driven the way users drive it: the official Camunda client deploys and starts processes, the host's
 * own workers run the plugins, and the step records and incidents tell what happened. Here the workers take
 * their jobs in process (the default with the engine in the host); {@link PluginHostOverClientTest} runs the
 * same scenarios with the workers going through the official client.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PluginHostIntegrationTest {

  static final Path HOME = createHomeWithPlugins();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  SiteAssignments assignments;

  @Autowired
  PluginCatalog catalog;

  @Autowired
  MeterRegistry meters;

  CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.plugins-dir", () -> HOME.resolve("plugins").toString());
    registry.add("milepost.bpmn-dir", () -> HOME.resolve("no-models-here").toString());
    registry.add("milepost.worker.step-timeout", () -> "1s");
    site(registry, 0, "test-west-1", "Test West", "SORTABLE_FC", "west", "acme", "1.0.0");
    site(registry, 1, "test-east-1", "Test East", "SORTABLE_FC", "east", "acme", "2.0.0");
    site(registry, 2, "test-north-1", "Test North", "SORT_CENTER", "north", "acme", "1.0.0");
    // one step on another version than the rest of the plugin
    site(registry, 3, "test-south-1", "Test South", "SORTABLE_FC", "south", "acme", "1.0.0");
    registry.add("milepost.sites[3].steps[test.echo]", () -> "acme@2.0.0");
  }

  private static void site(DynamicPropertyRegistry registry, int index, String id, String name, String buildingType,
      String region, String pluginId, String version) {
    String prefix = "milepost.sites[" + index + "].";
    registry.add(prefix + "id", () -> id);
    registry.add(prefix + "name", () -> name);
    registry.add(prefix + "building-type", () -> buildingType);
    registry.add(prefix + "region", () -> region);
    registry.add(prefix + "plugins." + pluginId, () -> version);
  }

  @BeforeEach
  void openClient() {
    client = CamundaClient.newClientBuilder()
        .credentialsProvider(DemoUser.credentials()).restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** Whether the workers poll this host's REST API for jobs (the client transport) or take them in process. */
  boolean workersPoll() {
    return false;
  }

  @Test
  void shouldTakeJobsOverTheTransportTheHostIsSetUpWith() {
    runToCompletion(deploy("test.echo", "3"), "test-west-1");

    var polls = meters.find("http.server.requests").tag("uri", "/v2/jobs/activation").timers();
    assertThat(polls.stream().mapToLong(Timer::count).sum() > 0).isEqualTo(workersPoll());
  }

  @Test
  void shouldRunThePluginVersionEachSiteRunsAndRecordTheStep() {
    String processId = deploy("test.echo", "3");

    ProcessInstanceResult west = runToCompletion(processId, "test-west-1");
    ProcessInstanceResult east = runToCompletion(processId, "test-east-1");

    assertThat(west.getVariablesAsMap()).containsEntry("handledBy", "acme@1.0.0 at test-west-1");
    assertThat(east.getVariablesAsMap()).containsEntry("handledBy", "acme@2.0.0 at test-east-1");
    assertThat(stepRecords(west.getProcessInstanceKey())).singleElement().satisfies(record -> {
      assertThat(record).containsEntry("jobType", "test.echo").containsEntry("siteId", "test-west-1")
          .containsEntry("pluginId", "acme").containsEntry("pluginVersion", "1.0.0")
          .containsEntry("outcome", "COMPLETED").containsEntry("elementId", "step")
          .containsEntry("processInstanceKey", Long.toString(west.getProcessInstanceKey()));
      assertThat(record.get("durationMs")).isInstanceOf(Number.class);
    });
    assertThat(stepRecords(east.getProcessInstanceKey())).singleElement()
        .satisfies(record -> assertThat(record).containsEntry("pluginVersion", "2.0.0"));
    Timer timer = meters.find(StepMetrics.NAME).tags("jobType", "test.echo", "siteId", "test-east-1",
        "pluginId", "acme", "pluginVersion", "2.0.0", "outcome", "COMPLETED").timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isPositive();
  }

  @Test
  void shouldRunANewVersionForTheNextJobOnceTheSiteIsAssignedIt() {
    String processId = deploy("test.echo", "3");
    // from the site's initial version, whatever the tests before this one assigned
    assignments.assign("test-north-1", "test.echo", new PluginCoordinates("acme", "1.0.0"));
    assertThat(runToCompletion(processId, "test-north-1").getVariablesAsMap())
        .containsEntry("handledBy", "acme@1.0.0 at test-north-1");

    assignments.assign("test-north-1", "test.echo", new PluginCoordinates("acme", "2.0.0"));

    assertThat(runToCompletion(processId, "test-north-1").getVariablesAsMap())
        .containsEntry("handledBy", "acme@2.0.0 at test-north-1");
    assertThat(get("/api/sites/test-north-1").body()).contains("\"plugins\":{\"acme\":\"2.0.0\"}");
  }

  @Test
  void shouldOpenAWorkerForAJobTypeThatAPluginLoadedAtRunTimeBrings() {
    // given a plugin version that arrives after start, with a job type no worker polls yet
    catalog.load(TestPluginJar.plugin("latecomer", "1.0.0")
        .handler("test.late", "return StepResult.complete(Map.of(\"late\", context.site().region()));")
        .writeTo(HOME.resolve("uploads")));
    assignments.assign("test-west-1", "test.late", new PluginCoordinates("latecomer", "1.0.0"));

    // when
    ProcessInstanceResult result = runToCompletion(deploy("test.late", "3"), "test-west-1");

    // then
    assertThat(result.getVariablesAsMap()).containsEntry("late", "west");
  }

  /**
   * A handler written against the plugin testkit, which hands a whole number as an Integer and a date-time
   * as text, runs unchanged in the host on values FEEL computed (FEEL holds them as BigDecimal and
   * ZonedDateTime), on either transport: host and testkit build the context with one class,
   * JsonStepContext. (A guard: the engine already hands JSON-decoded values, so this passed before the
   * two contexts became one too; JsonStepContextTest shows what the one context does to other shapes.)
   */
  @Test
  void shouldHandThePluginVariablesInTheShapeThePluginTestkitHandsThem() {
    catalog.load(TestPluginJar.plugin("shapes", "1.0.0")
        .handler("test.shape", """
            Map<?, ?> order = (Map<?, ?>) context.variables().get("order");
            int quantity = (Integer) order.get("quantity");
            String stepTime = (String) context.variables().get("stepTime");
            return StepResult.complete(Map.of("doubled", quantity * 2, "stepTimeKnown", !stepTime.isBlank()));""")
        .writeTo(HOME.resolve("uploads")));
    assignments.assign("test-west-1", "test.shape", new PluginCoordinates("shapes", "1.0.0"));
    String processId = "p-" + UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType("test.shape").zeebeInputExpression("site", "siteId")
            .zeebeInputExpression("{orderId: \"o-1\", quantity: 1 + 1}", "order").zeebeInputExpression("now()", "stepTime"))
        .endEvent().done(), processId + ".bpmn").send().join();

    ProcessInstanceResult result = runToCompletion(processId, "test-west-1");

    assertThat(result.getVariablesAsMap()).containsEntry("doubled", 4).containsEntry("stepTimeKnown", true);
  }

  @Test
  void shouldThrowTheBpmnErrorAPluginReturnsForTheProcessToCatch() {
    String processId = "p-" + UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType("test.reject").zeebeInputExpression("site", "siteId"))
        .boundaryEvent("outOfStock", b -> b.error("OUT_OF_STOCK")).endEvent("backordered")
        .moveToActivity("step").endEvent("shipped").done(), processId + ".bpmn").send().join();

    // completes (by the boundary path: an uncaught error would leave an incident instead)
    ProcessInstanceResult result = runToCompletion(processId, "test-west-1");

    assertThat(stepRecords(result.getProcessInstanceKey())).singleElement().satisfies(record ->
        assertThat(record).containsEntry("outcome", "BPMN_ERROR").containsEntry("message", "no stock for sku-9"));
  }

  @Test
  void shouldRaiseAnIncidentForABpmnErrorNoOneCatches() {
    long instanceKey = start(deploy("test.reject", "3"), Map.of("site", "test-west-1"));

    assertThat(awaitIncident(instanceKey).getErrorMessage()).contains("OUT_OF_STOCK");
    assertThat(awaitRecords(instanceKey)).singleElement().satisfies(record ->
        assertThat(record).containsEntry("outcome", "BPMN_ERROR"));
  }

  @Test
  void shouldRaiseAnIncidentWithThePluginsMessageWhenItThrows() {
    long instanceKey = start(deploy("test.boom", "1"), Map.of("site", "test-west-1"));

    Incident incident = awaitIncident(instanceKey);

    assertThat(incident.getErrorMessage())
        .contains("Plugin acme@1.0.0 at site 'test-west-1'")
        .contains("java.lang.IllegalStateException: scale offline at dock 4");
    assertThat(awaitRecords(instanceKey)).singleElement().satisfies(record ->
        assertThat(record).containsEntry("outcome", "FAILED").containsEntry("pluginVersion", "1.0.0"));
  }

  @Test
  void shouldFailAJobWhosePluginRunsPastItsBudget() {
    long instanceKey = start(deploy("test.slow", "1"), Map.of("site", "test-west-1"));

    Incident incident = awaitIncident(instanceKey);

    assertThat(incident.getErrorMessage()).contains("did not finish within its budget of 1000 ms");
    assertThat(awaitRecords(instanceKey)).singleElement().satisfies(record ->
        assertThat(record).containsEntry("outcome", "TIMED_OUT"));
  }

  @Test
  void shouldRaiseAnIncidentNamingTheMissingSiteId() {
    String processId = "p-" + UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType("test.echo")).endEvent().done(), processId + ".bpmn").send().join();

    long instanceKey = start(processId, Map.of());

    assertThat(awaitIncident(instanceKey).getErrorMessage())
        .matches("Job \\d+ of type 'test.echo' has no variable 'siteId'; map the step's site into siteId with an"
            + " input mapping");
    assertThat(awaitRecords(instanceKey)).singleElement().satisfies(record -> {
      assertThat(record).containsEntry("outcome", "FAILED").containsEntry("siteId", null);
      assertThat(record).containsEntry("pluginId", null);
    });
  }

  @Test
  void shouldRaiseAnIncidentNamingAnUnknownSite() {
    long instanceKey = start(deploy("test.echo", "3"), Map.of("site", "fc-mars-1"));

    assertThat(awaitIncident(instanceKey).getErrorMessage())
        .contains("names site 'fc-mars-1' in siteId, but there is no such site");
  }

  @Test
  void shouldRaiseAnIncidentWhenTheSiteRunsNoPluginForTheStep() {
    // acme 2.0.0 brings test.unassigned (so a worker polls it), but test-west-1 runs acme 1.0.0
    long instanceKey = start(deploy("test.unassigned", "3"), Map.of("site", "test-west-1"));

    assertThat(awaitIncident(instanceKey).getErrorMessage())
        .contains("site 'test-west-1' runs no plugin for job type 'test.unassigned'");
  }

  @Test
  void shouldShowTheSitesAndThePluginVersionsTheyRun() {
    HttpResponse<String> site = get("/api/sites/test-east-1");
    HttpResponse<String> all = get("/api/sites");
    HttpResponse<String> unknown = get("/api/sites/fc-mars-1");

    assertThat(site.statusCode()).isEqualTo(200);
    Map<String, Object> body = JSON.readValue(site.body(), new TypeReference<Map<String, Object>>() {});
    assertThat(body).containsEntry("id", "test-east-1").containsEntry("name", "Test East")
        .containsEntry("buildingType", "SORTABLE_FC").containsEntry("region", "east")
        .containsEntry("plugins", Map.of("acme", "2.0.0"));
    assertThat(body.get("jobTypes")).asString().contains("test.echo", "test.boom");
    assertThat(all.body()).contains("test-west-1", "test-east-1", "test-north-1");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(unknown.body()).contains("Expected a site with id 'fc-mars-1', but there is none");
  }

  @Test
  void shouldStartASiteOnTheVersionItsConfigurationNamesForOneStep() {
    Map<String, Object> site = JSON.readValue(get("/api/sites/test-south-1").body(),
        new TypeReference<Map<String, Object>>() {});

    assertThat(site.get("jobTypes")).isEqualTo(Map.of(
        "test.echo", Map.of("pluginId", "acme", "pluginVersion", "2.0.0"),
        "test.boom", Map.of("pluginId", "acme", "pluginVersion", "1.0.0"),
        "test.slow", Map.of("pluginId", "acme", "pluginVersion", "1.0.0"),
        "test.reject", Map.of("pluginId", "acme", "pluginVersion", "1.0.0")));
    assertThat(runToCompletion(deploy("test.echo", "3"), "test-south-1").getVariablesAsMap())
        .containsEntry("handledBy", "acme@2.0.0 at test-south-1");
  }

  private String deploy(String jobType, String retries) {
    String processId = "p-" + UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType(jobType).zeebeJobRetries(retries).zeebeInputExpression("site", "siteId"))
        .endEvent().done(), processId + ".bpmn").send().join();
    return processId;
  }

  private ProcessInstanceResult runToCompletion(String processId, String siteId) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("site", siteId)).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();
  }

  private long start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
  }

  private Incident awaitIncident(long instanceKey) {
    return await("an active incident of instance " + instanceKey, () -> client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(IncidentState.ACTIVE)).send().join().items()
        .stream().findFirst().orElse(null));
  }

  private List<Map<String, Object>> awaitRecords(long instanceKey) {
    return await("step records of instance " + instanceKey, () -> {
      List<Map<String, Object>> records = stepRecords(instanceKey);
      return records.isEmpty() ? null : records;
    });
  }

  private List<Map<String, Object>> stepRecords(long instanceKey) {
    HttpResponse<String> response = get("/api/step-records?processInstanceKey=" + instanceKey);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() {});
  }

  private HttpResponse<String> get(String path) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", DemoUser.AUTHORIZATION).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T await(String what, Supplier<T> probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Expected " + what + " within 30 s, but there was none");
  }

  private static Path createHomeWithPlugins() {
    try {
      Path home = Files.createTempDirectory("milepost-plugin-host-test");
      Path plugins = home.resolve("plugins");
      TestPluginJar.plugin("acme", "1.0.0")
          .handler("test.echo", "return StepResult.complete(Map.of(\"handledBy\", \"acme@1.0.0 at \" + context.site().id()));")
          .handler("test.boom", "throw new IllegalStateException(\"scale offline at dock 4\");")
          .handler("test.slow", "Thread.sleep(20_000); return StepResult.complete(Map.of());")
          .handler("test.reject", "return StepResult.error(\"OUT_OF_STOCK\", \"no stock for sku-9\");")
          .writeTo(plugins);
      TestPluginJar.plugin("acme", "2.0.0")
          .handler("test.echo", "return StepResult.complete(Map.of(\"handledBy\", \"acme@2.0.0 at \" + context.site().id()));")
          .handler("test.boom", "throw new IllegalStateException(\"still broken\");")
          .handler("test.unassigned", "return StepResult.complete(Map.of());")
          .writeTo(plugins);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
