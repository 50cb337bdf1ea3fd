package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
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
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole host on a random port over an H2 file store in a temp directory, and talks to it
 * the way users do: with the official Camunda 8 client over REST. Raw HTTP is used only for
 * requests that client refuses to send (malformed JSON, non-object variables).
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class CamundaApiTestSupport {

  static final int MAX_REQUEST_BYTES = 64 * 1024;
  static final int MAX_DEPLOYMENT_BYTES = 256 * 1024;

  /** One store for the cached application context that every API test class shares. */
  private static final Path DATA_DIR = createTempDirectory();

  @LocalServerPort
  int port;

  CamundaClient client;

  @DynamicPropertySource
  static void milepostProperties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", DATA_DIR::toString);
    registry.add("milepost.bpmn-dir", () -> DATA_DIR.resolve("no-models-here").toString());
    registry.add("milepost.limits.max-request-size", () -> MAX_REQUEST_BYTES + "B");
    registry.add("milepost.limits.max-deployment-size", () -> MAX_DEPLOYMENT_BYTES + "B");
  }

  @BeforeEach
  void openClient() {
    client = CamundaClient.newClientBuilder().credentialsProvider(DemoUser.credentials())
        .restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  DeploymentEvent deploy(BpmnModelInstance model) {
    String processId = model.getDefinitions().getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
        .iterator().next().getId();
    return client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
  }

  /** A process id no other test uses, so tests do not see each other's instances. */
  static String uniqueId(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  static BpmnModelInstance straightThrough(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").endEvent("end").done();
  }

  static ProblemException problemFrom(ThrowingCallable call) {
    ProblemException problem = catchThrowableOfType(ProblemException.class, call);
    assertThat(problem).as("expected the server to answer with a problem").isNotNull();
    return problem;
  }

  HttpResponse<String> rawGet(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", DemoUser.AUTHORIZATION)
        .header("Accept", "application/json, application/problem+json")
        .GET().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> rawPost(String path, String contentType, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", DemoUser.AUTHORIZATION)
        .header("Content-Type", contentType)
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
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

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("milepost-api-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
