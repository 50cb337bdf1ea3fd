package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import io.milepost.host.MilepostApplication;
import io.milepost.host.grpc.GrpcServer;
import io.milepost.testauth.TestAuthorizationServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Method oidc against a real authorization server in the same JVM: the official client gets
 * client-credentials tokens with {@code OAuthCredentialsProviderBuilder} and deploys, starts and works jobs
 * over REST and over gRPC; a token naming another issuer, an expired token and a password are refused.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class OidcAuthenticationTest {

  private static final TestAuthorizationServer AUTHORIZATION_SERVER = TestAuthorizationServer.start();
  private static final Path DATA_DIR = temporaryDirectory();
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  @LocalServerPort
  int port;

  @Autowired
  GrpcServer grpcServer;

  @Autowired
  WorkerCredentials workerCredentials;

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", DATA_DIR::toString);
    registry.add("milepost.bpmn-dir", () -> DATA_DIR.resolve("no-models-here").toString());
    registry.add("milepost.security.authentication.method", () -> "oidc");
    registry.add("milepost.security.oidc.issuer-uri", AUTHORIZATION_SERVER::issuer);
  }

  @AfterAll
  static void stopAuthorizationServer() {
    AUTHORIZATION_SERVER.stop();
  }

  @Test
  void shouldDeployStartAndWorkWithClientCredentialsTokensOverRest() {
    try (CamundaClient client = client(oauth(TestAuthorizationServer.OPS_CLIENT), false)) {
      assertThat(deployStartAndWork(client, "oidc-rest")).containsEntry("worked", true);
    }
  }

  @Test
  void shouldDeployStartAndWorkWithClientCredentialsTokensOverGrpc() {
    try (CamundaClient client = client(oauth(TestAuthorizationServer.OPS_CLIENT), true)) {
      assertThat(deployStartAndWork(client, "oidc-grpc")).containsEntry("worked", true);
    }
  }

  @Test
  void shouldTakeRolesFromTheTokenAndDenyWhatTheyDoNotAllow() {
    try (CamundaClient client = client(oauth(TestAuthorizationServer.ASSOCIATE_CLIENT), false)) {
      ProblemException deploy = catchThrowableOfType(ProblemException.class, () -> client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("x").startEvent().done(), "x.bpmn").send().join());

      assertThat(deploy.code()).isEqualTo(403);
      assertThat(deploy.details().getDetail()).isEqualTo("Expected permission DEPLOY for POST /v2/deployments, but"
          + " user 'associate-client' with roles [associate] does not have it");
      assertThat(client.newUserTaskSearchRequest().send().join().items()).isEmpty();
    }
  }

  @Test
  void shouldRefuseATokenThatNamesAnotherIssuer() {
    String token = tokenFor(TestAuthorizationServer.WRONG_ISSUER_CLIENT);

    HttpResponse<String> rest = topology("Bearer " + token);
    ClientStatusException grpc;
    try (CamundaClient client = client(fixedHeader("Bearer " + token), true)) {
      grpc = catchThrowableOfType(ClientStatusException.class, () -> client.newTopologyRequest().send().join());
    }

    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body()).contains("The iss claim is not valid");
    assertThat(grpc.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(grpc.getStatus().getDescription()).contains("The iss claim is not valid");
  }

  @Test
  void shouldRefuseAnExpiredToken() {
    HttpResponse<String> rest = topology("Bearer " + tokenFor(TestAuthorizationServer.EXPIRED_CLIENT));

    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body()).containsPattern("Jwt expired at");
  }

  @Test
  void shouldRefuseUserPasswordsSinceUsersComeWithTokens() {
    HttpResponse<String> rest = topology("Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()));

    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(rest.body()).contains("Expected a valid bearer token");
  }

  @Test
  void shouldLetTheHostsOwnStepWorkersIn() {
    try (CamundaClient client = client(workerCredentials.ownApi(), false)) {
      assertThat(client.newActivateJobsCommand().jobType("nothing-here").maxJobsToActivate(1)
          .requestTimeout(Duration.ofMillis(100)).send().join().getJobs()).isEmpty();
    }
  }

  private static Map<String, Object> deployStartAndWork(CamundaClient client, String prefix) {
    String processId = prefix + "-" + Long.toHexString(System.nanoTime());
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("work", task -> task.zeebeJobType(processId)).endEvent().done(), processId + ".bpmn")
        .send().join();
    try (JobWorker worker = client.newWorker().jobType(processId)
        .handler((jobs, job) -> jobs.newCompleteCommand(job).variables(Map.of("worked", true)).send().join())
        .open()) {
      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .withResult().requestTimeout(Duration.ofSeconds(30)).send().join();
      return result.getVariablesAsMap();
    }
  }

  private CamundaClient client(CredentialsProvider credentials, boolean overGrpc) {
    return CamundaClient.newClientBuilder().credentialsProvider(credentials)
        .restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .preferRestOverGrpc(!overGrpc)
        // generous: the first token makes the host fetch the issuer's keys, on a machine that may be busy
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static CredentialsProvider oauth(String clientId) {
    return CredentialsProvider.newCredentialsProviderBuilder().applyEnvironmentOverrides(false)
        .authorizationServerUrl(AUTHORIZATION_SERVER.tokenUrl())
        .clientId(clientId).clientSecret(TestAuthorizationServer.secretOf(clientId)).audience("milepost")
        .credentialsCachePath(DATA_DIR.resolve("credentials-" + clientId).toString())
        .build();
  }

  /** Credentials that always send one header: for tokens the official client would not send as they are. */
  private static CredentialsProvider fixedHeader(String authorization) {
    return new CredentialsProvider() {
      @Override
      public void applyCredentials(CredentialsApplier applier) {
        applier.put("Authorization", authorization);
      }

      @Override
      public boolean shouldRetryRequest(StatusCode statusCode) {
        return false;
      }
    };
  }

  private static String tokenFor(String clientId) {
    HttpResponse<String> response = SecurityTestSupport.send(HttpRequest.newBuilder(
            URI.create(AUTHORIZATION_SERVER.tokenUrl()))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (clientId + ":" + TestAuthorizationServer.secretOf(clientId)).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    assertThat(token.find()).as("a token in %s", response.body()).isTrue();
    return token.group(1);
  }

  private HttpResponse<String> topology(String authorization) {
    return SecurityTestSupport.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/topology"))
        .header("Authorization", authorization).build());
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("milepost-oidc-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
