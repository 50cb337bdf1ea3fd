package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DMN over gRPC with the official client: DeployResource lists decisions and graphs, EvaluateDecision. */
class GrpcDecisionTest extends GrpcGatewayTestSupport {

  private CamundaClient demo;

  @BeforeEach
  void openAuthenticatedClient() {
    demo = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcServer.port()))
        .restAddress(URI.create("http://localhost:" + restPort))
        .preferRestOverGrpc(false)
        // generous: the first call of a fresh context on a loaded machine also warms up the DMN engine
        .defaultRequestTimeout(Duration.ofSeconds(30))
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("demo").password("demo").build())
        .build();
  }

  @AfterEach
  void closeAuthenticatedClient() {
    demo.close();
  }

  @Test
  void shouldDeployADecisionAndEvaluateIt() {
    DeploymentEvent deployment = demo.newDeployResourceCommand()
        .addResourceBytes(dmn("shipping-tier.dmn"), "shipping-tier.dmn").send().join();

    EvaluateDecisionResponse response = demo.newEvaluateDecisionCommand()
        .decisionKey(deployment.getDecisions().getFirst().getDecisionKey())
        .variables(Map.of("weightKg", 4, "hazmat", false)).send().join();

    assertThat(deployment.getDecisions()).singleElement()
        .satisfies(d -> assertThat(d.getDmnDecisionId()).isEqualTo("shipping-tier"));
    assertThat(deployment.getDecisionRequirements()).singleElement()
        .satisfies(g -> assertThat(g.getDmnDecisionRequirementsId()).isEqualTo("shipping-tier-drg"));
    assertThat(response.getDecisionOutput()).isEqualTo("\"SORTABLE\"");
    assertThat(response.getEvaluatedDecisions()).singleElement().satisfies(d -> {
      assertThat(d.getMatchedRules()).extracting(MatchedDecisionRule::getRuleId).containsExactly("small-rule");
      assertThat(d.getEvaluatedInputs()).hasSize(2);
    });
  }

  @Test
  void shouldAnswerAFailedEvaluationWithItsFailureAndAnUnknownDecisionWithNotFound() {
    demo.newDeployResourceCommand().addResourceBytes(dmn("shipping-tier.dmn"), "shipping-tier.dmn").send().join();

    EvaluateDecisionResponse failed = demo.newEvaluateDecisionCommand().decisionId("shipping-tier")
        .variables(Map.of("weightKg", 25, "hazmat", true)).send().join();

    assertThat(failed.getFailedDecisionId()).isEqualTo("shipping-tier");
    assertThat(failed.getFailureMessage()).containsIgnoringCase("unique");
    assertThat(statusFrom(() -> demo.newEvaluateDecisionCommand().decisionId("no-such-decision")
        .variables(Map.of()).send().join()).getStatusCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  private static byte[] dmn(String name) {
    try (InputStream in = GrpcDecisionTest.class.getResourceAsStream("/dmn/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
