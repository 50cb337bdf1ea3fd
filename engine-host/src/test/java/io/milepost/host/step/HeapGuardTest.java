package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Job;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUser;
import io.milepost.host.testing.OneSiteHome;
import io.milepost.host.testing.TestPluginJar;
import java.lang.ref.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host with a heap-critical threshold of 1 %, so the heap is critical as soon as a collection ran: a job
 * is handed to no plugin, goes back to the engine with its retries and a message saying why, and the host
 * says so in its health and metrics while it stays UP.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HeapGuardTest {

  private static final OneSiteHome HOME = OneSiteHome.running(TestPluginJar.plugin("steady", "1.0.0")
      .handler("test.answers", "return StepResult.complete(Map.of(\"answered\", true));"));
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    HOME.register(registry, "test-west-1", "Test West");
    registry.add("milepost.worker.heap-critical-percent", () -> "1");
    registry.add("milepost.worker.heap-held-back-for", () -> "2s");
  }

  @Test
  void shouldHandNoJobToAPluginWhileTheHeapIsCritical() throws Exception {
    // given a heap whose live part surely passes 1 % (a collection leaves it in use, which is what the guard reads)
    byte[] ballast = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 50)];
    System.gc();
    try (CamundaClient client = CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials())
        .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true).build()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("guarded").startEvent()
          .serviceTask("step", t -> t.zeebeJobType("test.answers").zeebeJobRetries("3")).endEvent().done(),
          "guarded.bpmn").send().join();

      // when an instance needs the plugin's step
      long instance = client.newCreateInstanceCommand().bpmnProcessId("guarded").latestVersion()
          .variables(Map.of("siteId", "test-west-1")).send().join().getProcessInstanceKey();

      // then its job went back to the engine, saying why, with all its retries ...
      Job job = await("the job held back").atMost(Duration.ofMinutes(1)).until(() -> client.newJobSearchRequest()
          .filter(f -> f.processInstanceKey(instance)).send().join().items(),
          jobs -> jobs.size() == 1 && jobs.getFirst().getErrorMessage() != null).getFirst();
      assertThat(job.getErrorMessage()).contains("was handed to no plugin: the heap is critical")
          .contains("milepost.worker.heap-critical-percent").contains("without using up a retry");
      assertThat(job.getRetries()).isEqualTo(3);
      // ... the plugin never ran (no step record), and no incident was raised
      assertThat(get("/api/step-records?processInstanceKey=" + instance)).isEqualTo("[]");
      assertThat(client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items())
          .isEmpty();
      // ... and the host says so in its metrics and health, which stays UP
      assertThat(meters.get(StepMetrics.HELD_BACK).tag("jobType", "test.answers").counter())
          .extracting(Counter::count).satisfies(count -> assertThat(count).isGreaterThanOrEqualTo(1.0));
      assertThat(meters.get(HeapGuard.CRITICAL).gauge().value()).isEqualTo(1.0);
      JsonNode health = JSON.readTree(get("/actuator/health"));
      assertThat(health.path("status").asString()).isEqualTo("UP");
      assertThat(health.path("components").path("heap").path("status").asString()).isEqualTo("UP");
      assertThat(health.path("components").path("heap").path("details").path("critical").asBoolean()).isTrue();
    }
    Reference.reachabilityFence(ballast);
  }

  private String get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", DemoUser.AUTHORIZATION).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
