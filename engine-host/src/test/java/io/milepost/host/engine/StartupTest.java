package io.milepost.host.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What an operator sees after start: the models of milepost.bpmn-dir deployed, and health UP. */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class StartupTest {

  private static final Path HOME = createHome();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void milepostProperties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", () -> HOME.resolve("bpmn").toString());
  }

  @Test
  void shouldDeployTheModelsAndFormsOfTheBpmnDirectoryAtStart() {
    try (CamundaClient client = CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials())
        .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true).build()) {
      List<ProcessDefinition> definitions = client.newProcessDefinitionSearchRequest()
          .filter(f -> f.processDefinitionId("startup-pick")).send().join().items();

      assertThat(definitions).singleElement().satisfies(definition -> {
        assertThat(definition.getVersion()).isEqualTo(1);
        assertThat(definition.getResourceName()).isEqualTo("fulfillment/pick.bpmn");
      });
      // the broken model was left out without keeping the others from being deployed
      assertThat(client.newProcessDefinitionSearchRequest().filter(f -> f.processDefinitionId("startup-broken"))
          .send().join().items()).isEmpty();
    }
  }

  @Test
  void shouldReportHealthUpOnceTheEngineAcceptsCommands() throws Exception {
    HttpResponse<String> health;
    try (HttpClient http = HttpClient.newHttpClient()) {
      health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
          .header("Authorization", DemoUser.AUTHORIZATION).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"engine\":{");
  }

  private static Path createHome() {
    try {
      Path home = Files.createTempDirectory("milepost-startup-test");
      Path models = Files.createDirectories(home.resolve("bpmn").resolve("fulfillment"));
      Files.writeString(models.resolve("pick.bpmn"), Bpmn.convertToString(Bpmn.createExecutableProcess("startup-pick")
          .startEvent().serviceTask("pick", t -> t.zeebeJobType("fulfillment.pick")).endEvent().done()));
      Files.writeString(models.resolve("check.form"),
          "{\"id\": \"startup-check\", \"type\": \"default\", \"components\": []}");
      Files.writeString(models.resolve("broken.bpmn"), "<definitions><process id='startup-broken'");
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
