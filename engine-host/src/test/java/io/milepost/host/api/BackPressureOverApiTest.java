package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.grpc.GrpcServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Flooded past what the engine admits, the API refuses at once the way Camunda's clients slow down on
 * (429 with Retry-After over REST, RESOURCE_EXHAUSTED over gRPC) instead of letting callers time out.
 * The admission limit is pinned at one waiting command so that a flood of this size always passes it.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class BackPressureOverApiTest {

  private static final int CALLERS = 64;
  private static final CredentialsProvider DEMO =
      CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username("demo").password("demo").build();

  @LocalServerPort
  int port;

  @Autowired
  GrpcServer grpcServer;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    Path home = Files.createTempDirectory("milepost-back-pressure-test");
    registry.add("milepost.data-dir", () -> home.resolve("data").toString());
    registry.add("milepost.bpmn-dir", () -> home.resolve("no-models-here").toString());
    registry.add("milepost.grpc.port", () -> "0");
    registry.add("milepost.engine.admission.initial-limit", () -> "1");
    registry.add("milepost.engine.admission.min-limit", () -> "1");
    registry.add("milepost.engine.admission.max-limit", () -> "1");
  }

  @Test
  void shouldRefuseAFloodOverRestWith429AndRetryAfter() throws Exception {
    deploy();
    List<HttpResponse<String>> answers = flood(http -> http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/v2/process-instances"))
        .header("Content-Type", "application/json").header("Authorization", "Basic ZGVtbzpkZW1v")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processDefinitionId\": \"flooded\"}")).build(),
        HttpResponse.BodyHandlers.ofString()));

    assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 429).contains(429);
    assertThat(answers).filteredOn(answer -> answer.statusCode() == 429).allSatisfy(answer -> {
      assertThat(answer.headers().firstValue("Retry-After")).contains("1");
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.body()).contains("RESOURCE_EXHAUSTED").contains("retry after a pause");
    });
  }

  @Test
  void shouldRefuseACreationInAFloodBeforeReadingItsVariables() throws Exception {
    deploy();
    // every other caller sends variables that are not a JSON object: read, they are a 400
    AtomicInteger callers = new AtomicInteger();
    List<HttpResponse<String>> answers = flood(http -> {
      boolean unreadable = callers.getAndIncrement() % 2 == 0;
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/process-instances"))
          .header("Content-Type", "application/json").header("Authorization", "Basic ZGVtbzpkZW1v")
          .header("X-Test-Variables", unreadable ? "unreadable" : "none")
          .POST(HttpRequest.BodyPublishers.ofString(unreadable
              ? "{\"processDefinitionId\": \"flooded\", \"variables\": \"not an object\"}"
              : "{\"processDefinitionId\": \"flooded\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
    });

    assertThat(answers)
        .filteredOn(answer -> answer.request().headers().firstValue("X-Test-Variables").orElseThrow()
            .equals("unreadable"))
        .extracting(HttpResponse::statusCode).as("answers to the creations with unreadable variables")
        .containsOnly(400, 429).contains(429);
  }

  @Test
  void shouldRefuseAFloodOverGrpcWithResourceExhausted() throws Exception {
    deploy();
    try (CamundaClient grpc = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(false).credentialsProvider(DEMO)
        // with its retry policy on, the client would retry RESOURCE_EXHAUSTED itself; the test wants to see the refusal
        .useDefaultRetryPolicy(false)
        // a loaded machine may take seconds to authenticate 64 calls: the test is about refusals, not time-outs
        .defaultRequestTimeout(Duration.ofSeconds(90)).build()) {
      List<Status.Code> codes = flood(http -> {
        try {
          grpc.newCreateInstanceCommand().bpmnProcessId("flooded").latestVersion().send().join();
          return Status.Code.OK;
        } catch (ClientStatusException refused) {
          return refused.getStatusCode();
        }
      });

      assertThat(codes).containsOnly(Status.Code.OK, Status.Code.RESOURCE_EXHAUSTED).contains(Status.Code.RESOURCE_EXHAUSTED);
    }
  }

  private void deploy() {
    try (CamundaClient client = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(true).credentialsProvider(DEMO).build()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("flooded").startEvent()
          .serviceTask("step", t -> t.zeebeJobType("flooded.step")).endEvent().done(), "flooded.bpmn").send().join();
    }
  }

  private interface Call<T> {
    T call(HttpClient http) throws Exception;
  }

  private static <T> List<T> flood(Call<T> call) throws Exception {
    List<CompletableFuture<T>> answers = new ArrayList<>();
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CALLERS; i++) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          try {
            return call.call(http);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, callers));
      }
      List<T> results = new ArrayList<>();
      for (CompletableFuture<T> answer : answers) {
        results.add(answer.join());
      }
      return results;
    }
  }
}
