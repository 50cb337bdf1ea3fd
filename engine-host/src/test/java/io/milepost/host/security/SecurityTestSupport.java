package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.milepost.host.MilepostApplication;
import io.milepost.host.grpc.GrpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole host under method basic with one user per role, reached as users reach it: the official client
 * over REST and gRPC, plain HTTP for pages and the actuator.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class SecurityTestSupport {

  private static final Path DATA_DIR = createTempDirectory();

  @LocalServerPort
  int port;

  @Autowired
  GrpcServer grpcServer;

  private final List<CamundaClient> clients = new ArrayList<>();

  @DynamicPropertySource
  static void users(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", DATA_DIR::toString);
    registry.add("milepost.bpmn-dir", () -> DATA_DIR.resolve("no-models-here").toString());
    user(registry, 0, "demo", "demo", "admin", "", "");
    user(registry, 1, "eng", "eng-pass", "engineer", "", "");
    user(registry, 2, "lee", "lee-pass", "leader", "", "west");
    // a bcrypt-encoded password, as an operator would configure it
    user(registry, 3, "ana", "{bcrypt}" + new BCryptPasswordEncoder().encode("ana-pass"), "associate", "fc-west-1", "");
    user(registry, 4, "wes", "wes-pass", "worker", "", "");
    user(registry, 5, "tom", "tom-pass", "engineer", "", "");
    registry.add("milepost.security.login.slow-after", () -> "1");
    registry.add("milepost.security.login.refuse-after", () -> "3");
    registry.add("milepost.security.login.refuse-for", () -> "1m");
  }

  private static void user(DynamicPropertyRegistry registry, int index, String username, String password, String role,
      String site, String region) {
    String prefix = "milepost.security.users[" + index + "].";
    registry.add(prefix + "username", () -> username);
    registry.add(prefix + "password", () -> password);
    registry.add(prefix + "roles[0]", () -> role);
    if (!site.isEmpty()) {
      registry.add(prefix + "sites[0]", () -> site);
    }
    if (!region.isEmpty()) {
      registry.add(prefix + "regions[0]", () -> region);
    }
  }

  @AfterEach
  void closeClients() {
    clients.forEach(CamundaClient::close);
    clients.clear();
  }

  /** The official client over REST as {@code username}. */
  CamundaClient rest(String username, String password) {
    return open(CamundaClient.newClientBuilder().credentialsProvider(basic(username, password))
        .restAddress(URI.create("http://localhost:" + port)).preferRestOverGrpc(true)
        .defaultRequestTimeout(Duration.ofSeconds(10)));
  }

  /** The official client over gRPC (searches stay on REST) as {@code username}. */
  CamundaClient grpc(String username, String password) {
    return open(CamundaClient.newClientBuilder().credentialsProvider(basic(username, password))
        .restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port())).preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10)));
  }

  /** The official client with no credentials at all. */
  CamundaClient anonymous(boolean overGrpc) {
    return open(CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port())).preferRestOverGrpc(!overGrpc)
        .defaultRequestTimeout(Duration.ofSeconds(10)));
  }

  private CamundaClient open(io.camunda.client.CamundaClientBuilder builder) {
    CamundaClient client = builder.build();
    clients.add(client);
    return client;
  }

  static CredentialsProvider basic(String username, String password) {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().applyEnvironmentOverrides(false)
        .username(username).password(password).build();
  }

  static String authorization(String username, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A plain HTTP GET; {@code authorization} may be null for none. */
  HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request.build());
  }

  /** A plain HTTP POST of a JSON body. */
  HttpResponse<String> postJson(String path, String authorization, String json) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String unique(String prefix) {
    return prefix + "-" + Long.toHexString(System.nanoTime());
  }

  static BpmnModelInstance oneJob(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", task -> task.zeebeJobType(jobType)).endEvent().done();
  }

  static ProblemException problemFrom(ThrowingCallable call) {
    ProblemException problem = catchThrowableOfType(ProblemException.class, call);
    assertThat(problem).as("expected the server to answer with a problem").isNotNull();
    return problem;
  }

  static ClientStatusException statusFrom(ThrowingCallable call) {
    ClientStatusException status = catchThrowableOfType(ClientStatusException.class, call);
    assertThat(status).as("expected the gateway to answer with an error status").isNotNull();
    return status;
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("milepost-security-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
