package io.milepost.host.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.HostApi;
import io.milepost.host.testing.HostApi.Answer;
import io.milepost.host.testing.TestPluginJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * A regional leader's rollout on the whole host over H2: plugin versions built in a temp dir and
 * uploaded, rolled out to sites, a canary, orders running through the official Camunda client while
 * versions change, insights, rollback; and guardrails that roll a bad canary back by themselves.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RolloutIntegrationTest {

  private static final Path HOME = temp("milepost-rollout-test");
  private static final List<String> SITES = List.of("ro-fc-1", "ro-fc-2", "ro-fc-3");

  @LocalServerPort
  int port;

  @Autowired
  GuardrailMonitor monitor;

  HostApi api;
  CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.plugins-dir", () -> HOME.resolve("plugins").toString());
    registry.add("milepost.bpmn-dir", () -> HOME.resolve("no-models-here").toString());
    registry.add("milepost.grpc.port", () -> "0");
    registry.add("milepost.rollouts.check-interval", () -> "1s");
    for (int i = 0; i < SITES.size(); i++) {
      String prefix = "milepost.sites[" + i + "].";
      String id = SITES.get(i);
      registry.add(prefix + "id", () -> id);
      registry.add(prefix + "name", () -> id);
      registry.add(prefix + "building-type", () -> "SORTABLE_FC");
      registry.add(prefix + "region", () -> "west");
    }
  }

  @BeforeEach
  void open() {
    api = new HostApi(port);
    client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username("demo")
            .password("demo").build())
        .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void shouldCanaryANewVersionWhileOrdersFlowAndRollItBackForTheNextJobs() throws Exception {
    upload(picker("1.0.0", 1.0));
    upload(picker("2.0.0", 0.8));
    assertThat(api.post("/api/rollouts", Map.of("pluginId", "picker", "version", "1.0.0",
        "sites", List.of("ro-fc-1", "ro-fc-2"), "reason", "first version")).json())
        .containsEntry("state", "COMPLETED");
    String processId = deploy("test.pick", "3");
    Load load = new Load(processId, List.of("ro-fc-1", "ro-fc-2"));
    load.awaitCount(6);

    // when: version 2 goes to ro-fc-1 as the canary of a two-wave rollout
    Answer created = api.post("/api/rollouts", Map.of("pluginId", "picker", "version", "2.0.0",
        "sites", List.of("ro-fc-1", "ro-fc-2"), "reason", "better box choice",
        "waves", List.of(Map.of("sites", List.of("ro-fc-1"), "bakeMinutes", 60),
            Map.of("percent", 100, "bakeMinutes", 0))));

    // then
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Map<String, Object> rollout = created.json();
    String rolloutId = (String) rollout.get("rolloutId");
    assertThat(rollout).containsEntry("state", "RUNNING").containsEntry("currentWave", 1);
    assertThat(waves(rollout)).extracting(wave -> wave.get("sites"))
        .containsExactly(List.of("ro-fc-1"), List.of("ro-fc-2"));
    Instant canaryApplied = Instant.now();
    load.awaitVersionAfter("ro-fc-1", "2.0.0", canaryApplied, 4);
    load.awaitVersionAfter("ro-fc-2", "1.0.0", canaryApplied, 4);

    Map<String, Object> insights = api.get("/api/rollouts/" + rolloutId + "/insights").json();
    Map<String, Object> pick = jobTypes(insights).getFirst();
    assertThat(pick).containsEntry("jobType", "test.pick");
    assertThat(figures(pick, "canary")).containsEntry("sites", List.of("ro-fc-1"));
    assertThat(((Number) figures(pick, "canary").get("count")).longValue()).isPositive();
    assertThat(figures(pick, "control")).containsEntry("sites", List.of("ro-fc-2"));
    assertThat(((Number) figures(pick, "control").get("count")).longValue()).isPositive();
    assertThat(measureMean(figures(pick, "canary"), "voidFillLitres")).isEqualTo(0.8);
    assertThat(measureMean(figures(pick, "control"), "voidFillLitres")).isEqualTo(1.0);
    assertThat(((Number) figures(pick, "before").get("count")).longValue()).isPositive();
    List<Map<String, Object>> steps = api.get("/api/insights/steps?jobType=test.pick").jsonList();
    assertThat(steps).extracting(row -> row.get("siteId") + "@" + row.get("pluginVersion"))
        .contains("ro-fc-1@1.0.0", "ro-fc-1@2.0.0", "ro-fc-2@1.0.0").doesNotContain("ro-fc-2@2.0.0");

    // when: the leader rolls back
    Answer rolledBack = api.post("/api/rollouts/" + rolloutId + "/rollback", Map.of("reason", "drivers complain"));
    Instant flipped = Instant.now();

    // then: the next jobs at the canary run version 1 again
    assertThat(rolledBack.json()).containsEntry("state", "ROLLED_BACK");
    load.awaitVersionAfter("ro-fc-1", "1.0.0", flipped, 4);
    List<Run> runs = load.stop();
    assertThat(runs).filteredOn(run -> run.site().equals("ro-fc-1") && run.startedAt().isAfter(flipped))
        .isNotEmpty().allSatisfy(run -> assertThat(run.version()).isEqualTo("1.0.0"));
    assertThat(runs).filteredOn(run -> run.site().equals("ro-fc-2"))
        .allSatisfy(run -> assertThat(run.version()).isEqualTo("1.0.0"));
    // no job lost or run twice: every order completed, and its one step record names the version it ran
    for (Run run : runs) {
      List<Map<String, Object>> records = api.get("/api/step-records?processInstanceKey=" + run.instanceKey())
          .jsonList();
      assertThat(records).singleElement().satisfies(record -> assertThat(record)
          .containsEntry("siteId", run.site()).containsEntry("pluginVersion", run.version())
          .containsEntry("outcome", "COMPLETED")
          .containsEntry("measures", Map.of("voidFillLitres", run.version().equals("2.0.0") ? 0.8 : 1.0)));
    }
    assertThat(api.get("/api/sites/ro-fc-1").body())
        .contains("\"test.pick\":{\"pluginId\":\"picker\",\"pluginVersion\":\"1.0.0\"}");
    List<Map<String, Object>> audit = audit("rolloutId=" + rolloutId);
    assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("action", "ASSIGN")
        .containsEntry("siteId", "ro-fc-1").containsEntry("fromVersion", "1.0.0").containsEntry("toVersion", "2.0.0")
        .containsEntry("reason", "better box choice"));
    assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("action", "ROLLBACK")
        .containsEntry("siteId", "ro-fc-1").containsEntry("fromVersion", "2.0.0").containsEntry("toVersion", "1.0.0")
        .containsEntry("reason", "drivers complain"));
  }

  @Test
  void shouldRollBackByItselfWhenTheCanaryFailsMostJobs() throws Exception {
    upload(TestPluginJar.plugin("flaky", "1.0.0").handler("test.flaky", "return StepResult.complete(Map.of());"));
    upload(TestPluginJar.plugin("flaky", "2.0.0").handler("test.flaky",
        "throw new IllegalStateException(\"conveyor jam\");"));
    api.post("/api/rollouts", Map.of("pluginId", "flaky", "version", "1.0.0", "sites", SITES));
    String rolloutId = (String) api.post("/api/rollouts", Map.of("pluginId", "flaky", "version", "2.0.0",
        "sites", SITES, "reason", "faster scan",
        "waves", List.of(Map.of("sites", List.of("ro-fc-1"), "bakeMinutes", 60)),
        "guardrails", Map.of("minJobs", 10, "maxFailureRateIncrease", 0.05, "action", "rollback"))).json()
        .get("rolloutId");

    String processId = deploy("test.flaky", "1");
    for (int i = 0; i < 12; i++) {
      for (String site : SITES) {
        start(processId, site);
      }
    }

    Map<String, Object> rollout = await("rollout " + rolloutId + " rolled back", () -> {
      Map<String, Object> current = api.get("/api/rollouts/" + rolloutId).json();
      return "ROLLED_BACK".equals(current.get("state")) ? current : null;
    });
    assertThat((String) rollout.get("stateReason")).contains("guardrail breached", "failure rate");
    assertThat(audit("rolloutId=" + rolloutId)).anySatisfy(entry -> {
      assertThat(entry).containsEntry("action", "ROLLOUT_ROLLED_BACK").containsEntry("actor", "guardrail")
          .containsEntry("figure", "failureRateIncrease").containsEntry("threshold", 0.05);
      assertThat(((Number) entry.get("observed")).doubleValue()).isGreaterThan(0.5);
    });
    assertThat(api.get("/api/sites/ro-fc-1").body())
        .contains("\"test.flaky\":{\"pluginId\":\"flaky\",\"pluginVersion\":\"1.0.0\"}");
  }

  @Test
  void shouldRollBackByItselfWhenTheCanaryWorsensAMeasure() throws Exception {
    upload(TestPluginJar.plugin("boxer", "1.0.0").handler("test.box",
        "return StepResult.complete(Map.of()).withMeasure(\"voidFillLitres\", 1.0 + context.variables().size() * 0.01);"));
    upload(TestPluginJar.plugin("boxer", "2.0.0").handler("test.box",
        "return StepResult.complete(Map.of()).withMeasure(\"voidFillLitres\", 2.1);"));
    api.post("/api/rollouts", Map.of("pluginId", "boxer", "version", "1.0.0", "sites", SITES));
    String rolloutId = (String) api.post("/api/rollouts", Map.of("pluginId", "boxer", "version", "2.0.0",
        "sites", SITES, "reason", "new box sizes",
        "waves", List.of(Map.of("percent", 33, "bakeMinutes", 60)),
        "guardrails", Map.of("minJobs", 10, "measures", List.of(Map.of("name", "voidFillLitres", "maxIncrease", 0.2)),
            "action", "rollback"))).json().get("rolloutId");

    String processId = deploy("test.box", "3");
    for (int i = 0; i < 12; i++) {
      for (String site : SITES) {
        start(processId, site);
      }
    }

    await("rollout " + rolloutId + " rolled back",
        () -> "ROLLED_BACK".equals(api.get("/api/rollouts/" + rolloutId).json().get("state")) ? true : null);
    assertThat(audit("rolloutId=" + rolloutId)).anySatisfy(entry -> {
      assertThat(entry).containsEntry("action", "ROLLOUT_ROLLED_BACK")
          .containsEntry("figure", "measure:voidFillLitres:increase").containsEntry("threshold", 0.2);
      assertThat(((Number) entry.get("observed")).doubleValue()).isGreaterThan(1.0);
    });
  }

  @Test
  void shouldRollBackByItselfWhenTheCanaryIsSlower() throws Exception {
    upload(TestPluginJar.plugin("scanner", "1.0.0").handler("test.scan", "return StepResult.complete(Map.of());"));
    upload(TestPluginJar.plugin("scanner", "2.0.0").handler("test.scan",
        "Thread.sleep(400); return StepResult.complete(Map.of());"));
    api.post("/api/rollouts", Map.of("pluginId", "scanner", "version", "1.0.0", "sites", SITES));
    String rolloutId = (String) api.post("/api/rollouts", Map.of("pluginId", "scanner", "version", "2.0.0",
        "sites", SITES, "reason", "second scan pass",
        "waves", List.of(Map.of("percent", 33, "bakeMinutes", 60)),
        "guardrails", Map.of("minJobs", 10, "maxP95IncreasePercent", 50, "action", "rollback"))).json()
        .get("rolloutId");

    String processId = deploy("test.scan", "1");
    for (int i = 0; i < 12; i++) {
      for (String site : SITES) {
        start(processId, site);
      }
    }

    await("rollout " + rolloutId + " rolled back",
        () -> "ROLLED_BACK".equals(api.get("/api/rollouts/" + rolloutId).json().get("state")) ? true : null);
    assertThat(audit("rolloutId=" + rolloutId)).anySatisfy(entry -> {
      assertThat(entry).containsEntry("action", "ROLLOUT_ROLLED_BACK").containsEntry("actor", "guardrail")
          .containsEntry("figure", "p95IncreasePercent").containsEntry("threshold", 50.0);
      assertThat(((Number) entry.get("observed")).doubleValue()).isGreaterThan(50.0);
      assertThat((String) entry.get("reason")).contains("canary jobs took longer than");
    });
  }

  @Test
  void shouldPauseWhenTooLittleDataAfterTheBakeTimeAndGoOnWhenTheLeaderAdvances() throws Exception {
    upload(TestPluginJar.plugin("quiet", "1.0.0").handler("test.quiet", "return StepResult.complete(Map.of());"));
    upload(TestPluginJar.plugin("quiet", "2.0.0").handler("test.quiet", "return StepResult.complete(Map.of());"));
    api.post("/api/rollouts", Map.of("pluginId", "quiet", "version", "1.0.0", "sites", SITES));
    Map<String, Object> created = api.post("/api/rollouts", Map.of("pluginId", "quiet", "version", "2.0.0",
        "regions", List.of("west"), "reason", "cleanup",
        "waves", List.of(Map.of("percent", 33, "bakeMinutes", 5), Map.of("percent", 100, "bakeMinutes", 5)),
        "guardrails", Map.of("minJobs", 50, "maxFailureRateIncrease", 0.05))).json();
    String rolloutId = (String) created.get("rolloutId");
    assertThat(waves(created).getFirst().get("sites")).asList().hasSize(1);

    // the bake time passes with no jobs at all
    monitor.checkAll(Instant.now().plus(Duration.ofMinutes(6)));

    Map<String, Object> paused = api.get("/api/rollouts/" + rolloutId).json();
    assertThat(paused).containsEntry("state", "PAUSED");
    assertThat((String) paused.get("stateReason")).contains("too little data after the bake time of wave 1");
    assertThat(api.post("/api/rollouts/" + rolloutId + "/resume", null).json()).containsEntry("state", "RUNNING");
    assertThat(api.post("/api/rollouts/" + rolloutId + "/pause", null).json()).containsEntry("state", "PAUSED");
    Map<String, Object> advanced = api.post("/api/rollouts/" + rolloutId + "/advance",
        Map.of("reason", "quiet step, checked by hand")).json();
    assertThat(advanced).containsEntry("state", "RUNNING").containsEntry("currentWave", 2);
    for (String site : SITES) {
      assertThat(api.get("/api/sites/" + site).body())
          .contains("\"test.quiet\":{\"pluginId\":\"quiet\",\"pluginVersion\":\"2.0.0\"}");
    }
    assertThat(api.post("/api/rollouts/" + rolloutId + "/advance", null).json()).containsEntry("state", "COMPLETED");
    assertThat(api.post("/api/rollouts/" + rolloutId + "/advance", null).status()).isEqualTo(409);
  }

  @Test
  void shouldGoBackToWhatEachSiteRanBeforeAcrossThreeVersions() throws Exception {
    for (String version : List.of("1.0.0", "2.0.0", "3.0.0")) {
      upload(TestPluginJar.plugin("labeler", version).handler("test.label", "return StepResult.complete(Map.of());"));
      upload(TestPluginJar.plugin("stacker", version).handler("test.stack", "return StepResult.complete(Map.of());"));
    }
    rollOut("labeler", "1.0.0", SITES);
    rollOut("labeler", "2.0.0", SITES);
    String toThree = rollOut("labeler", "3.0.0", List.of("ro-fc-1", "ro-fc-2"));

    // when the latest rollout is rolled back
    assertThat(api.post("/api/rollouts/" + toThree + "/rollback", Map.of("reason", "labels smudge")).json())
        .containsEntry("state", "ROLLED_BACK");

    // then its sites run what they ran before it
    assertRun("test.label", "labeler", "2.0.0", SITES);

    // when the version before it is withdrawn with rollBack
    assertThat(api.post("/api/plugins/labeler/versions/2.0.0/withdrawal", Map.of("rollBack", true)).json())
        .containsEntry("sitesRolledBack", 3);

    // then every site goes back one more level, also those that were rolled back once already
    assertRun("test.label", "labeler", "1.0.0", SITES);
    assertThat(audit("siteId=ro-fc-1&pluginId=labeler")).anySatisfy(entry -> assertThat(entry)
        .containsEntry("action", "ROLLBACK").containsEntry("fromVersion", "2.0.0").containsEntry("toVersion", "1.0.0"));

    // and three versions in turn, withdrawn newest first, go back one level each time
    rollOut("stacker", "1.0.0", SITES);
    rollOut("stacker", "2.0.0", SITES);
    rollOut("stacker", "3.0.0", SITES);
    api.post("/api/plugins/stacker/versions/3.0.0/withdrawal", Map.of("rollBack", true));
    assertRun("test.stack", "stacker", "2.0.0", SITES);
    api.post("/api/plugins/stacker/versions/2.0.0/withdrawal", Map.of("rollBack", true));
    assertRun("test.stack", "stacker", "1.0.0", SITES);
  }

  private String rollOut(String pluginId, String version, List<String> sites) {
    Answer created = api.post("/api/rollouts", Map.of("pluginId", pluginId, "version", version, "sites", sites));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json()).containsEntry("state", "COMPLETED");
    return (String) created.json().get("rolloutId");
  }

  private void assertRun(String jobType, String pluginId, String version, List<String> sites) {
    for (String site : sites) {
      assertThat(api.get("/api/sites/" + site).body()).as(site)
          .contains("\"" + jobType + "\":{\"pluginId\":\"" + pluginId + "\",\"pluginVersion\":\"" + version + "\"}");
    }
  }

  private void upload(TestPluginJar plugin) throws IOException {
    byte[] jar = Files.readAllBytes(plugin.writeTo(Files.createTempDirectory("rollout-jar")));
    Answer answer = api.upload("/api/plugins", "plugin.jar", jar, Map.of());
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private static TestPluginJar picker(String version, double voidFill) {
    return TestPluginJar.plugin("picker", version).handler("test.pick",
        "return StepResult.complete(Map.of(\"pickedBy\", \"" + version + "\")).withMeasure(\"voidFillLitres\", "
            + voidFill + ");");
  }

  private String deploy(String jobType, String retries) {
    String processId = "p-" + UUID.randomUUID();
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType(jobType).zeebeJobRetries(retries)
            .zeebeInputExpression("site", "siteId"))
        .endEvent().done(), processId + ".bpmn").send().join();
    return processId;
  }

  private void start(String processId, String site) {
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of("site", site))
        .send().join();
  }

  private List<Map<String, Object>> audit(String query) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/audit?size=500&" + query).json()
        .get("items");
    return items;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> waves(Map<String, Object> rollout) {
    return (List<Map<String, Object>>) rollout.get("waves");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> jobTypes(Map<String, Object> insights) {
    return (List<Map<String, Object>>) insights.get("jobTypes");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> figures(Map<String, Object> jobType, String name) {
    return (Map<String, Object>) jobType.get(name);
  }

  @SuppressWarnings("unchecked")
  private static double measureMean(Map<String, Object> figures, String measure) {
    return ((Number) ((Map<String, Object>) ((Map<String, Object>) figures.get("measures")).get(measure))
        .get("mean")).doubleValue();
  }

  /** One order: where it ran, when it was started, which version handled its step. */
  record Run(String site, Instant startedAt, long instanceKey, String version) {}

  /** Orders placed without pause at some sites, each waiting for its result, until stopped. */
  private final class Load {

    private final List<Run> runs = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<CompletableFuture<Void>> loops = new ArrayList<>();

    Load(String processId, List<String> sites) {
      for (String site : sites) {
        loops.add(CompletableFuture.runAsync(() -> {
          while (running.get()) {
            Instant startedAt = Instant.now();
            ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
                .variables(Map.of("site", site)).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();
            runs.add(new Run(site, startedAt, result.getProcessInstanceKey(),
                (String) result.getVariablesAsMap().get("pickedBy")));
          }
        }, executor));
      }
    }

    void awaitCount(int count) {
      await(count + " orders", () -> runs.size() >= count ? true : null);
    }

    void awaitVersionAfter(String site, String version, Instant after, int count) {
      await(count + " orders at " + site + " on " + version + " started after " + after, () -> {
        synchronized (runs) {
          return runs.stream().filter(run -> run.site().equals(site) && run.startedAt().isAfter(after)
              && version.equals(run.version())).count() >= count ? true : null;
        }
      });
    }

    List<Run> stop() {
      running.set(false);
      loops.forEach(CompletableFuture::join);
      executor.shutdown();
      synchronized (runs) {
        return List.copyOf(runs);
      }
    }
  }

  private static <T> T await(String what, Supplier<T> probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
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
    throw new AssertionError("Expected " + what + " within 60 s, but it did not happen");
  }

  private static Path temp(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
