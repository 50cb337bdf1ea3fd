package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.MilepostApplication;
import io.milepost.host.testing.DemoUserApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A job is delivered at least once. Here the allocation job of an order is handled by the host's
 * dispatcher, but the completion never reaches the engine (the worker lost its connection); the job
 * times out and is delivered again. The bundled receive-center plugin runs twice for the same order, and
 * the order's units are reserved once.
 *
 * <p>The host's own workers are off, so the test is the worker: it activates the job with the official
 * client and hands it to the same dispatcher the workers use.
 */
@SpringBootTest(classes = MilepostApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "milepost.worker.enabled=false")
@DirtiesContext
class RedeliveredAllocationTest {

  private static final Path HOME = createHome();

  @LocalServerPort
  int port;

  @Autowired
  StepDispatcher dispatcher;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("milepost.data-dir", () -> HOME.resolve("data").toString());
    registry.add("milepost.bpmn-dir", () -> HOME.resolve("no-models").toString());
  }

  @Test
  void shouldReserveOnceWhenTheAllocationJobIsDeliveredAgain() {
    DemoUserApi api = new DemoUserApi(port);
    api.json(api.postCsv("/api/inventory/import", "siteId,sku,onHand\nfc-west-1,RD-9401,10\n"));
    try (CamundaClient client = api.client()) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("allocate-only").startEvent()
          .businessRuleTask("decide", t -> t.zeebeCalledDecisionId("fulfillment-type").zeebeResultVariable("fulfillmentType")
              .zeebeInputExpression("order.items", "items"))
          .serviceTask("allocate", t -> t.zeebeJobType("fulfillment.allocate").zeebeInputExpression("\"rc-west-1\"", "siteId"))
          .endEvent().done(), "allocate-only.bpmn")
          .addResourceFile(java.nio.file.Path.of("..", "bpmn", "fulfillment-type.dmn").toString()).send().join();
      long instance = client.newCreateInstanceCommand().bpmnProcessId("allocate-only").latestVersion()
          .variables(Map.of("order", Map.of("orderId", "o-rd-1", "customerRegion", "west", "destinationPostalCode", "94607",
              "items", List.of(Map.of("sku", "RD-9401", "quantity", 3, "weightKg", 0.5, "lengthCm", 10, "widthCm", 10,
                  "heightCm", 10)))))
          .send().join().getProcessInstanceKey();

      // first delivery: the plugin runs, its completion is lost
      ActivatedJob first = activate(client);
      try (CamundaClient disconnected = CamundaClient.newClientBuilder().restAddress(URI.create("http://localhost:1"))
          .preferRestOverGrpc(true).build()) {
        dispatcher.handle(StepJob.of(first), new ClientAnswers(disconnected));
      }
      assertThat(api.position("fc-west-1", "RD-9401")).containsEntry("reserved", 3);

      // second delivery of the same job, after its timeout
      ActivatedJob again = activate(client);
      assertThat(again.getKey()).isEqualTo(first.getKey());
      dispatcher.handle(StepJob.of(again), new ClientAnswers(client));

      await().atMost(Duration.ofSeconds(30)).until(() -> client.newProcessInstanceGetRequest(instance).send().join()
          .getState() == ProcessInstanceState.COMPLETED);
    }
    assertThat(api.position("fc-west-1", "RD-9401")).containsEntry("onHand", 10).containsEntry("reserved", 3)
        .containsEntry("available", 7);
    assertThat(api.items("/api/inventory/movements?reference=o-rd-1")).singleElement()
        .satisfies(movement -> assertThat(movement).containsEntry("kind", "RESERVED").containsEntry("reservedChange", 3));
  }

  /** Answers the engine through the official client, as the host's client transport does. */
  private record ClientAnswers(JobClient client) implements JobAnswers {
    @Override
    public void complete(long jobKey, Map<String, Object> variables) {
      client.newCompleteCommand(jobKey).variables(variables).send().join();
    }

    @Override
    public void throwError(long jobKey, String code, String message) {
      client.newThrowErrorCommand(jobKey).errorCode(code).errorMessage(message).send().join();
    }

    @Override
    public void fail(long jobKey, int retries, Duration backoff, String message) {
      client.newFailCommand(jobKey).retries(retries).retryBackoff(backoff).errorMessage(message).send().join();
    }
  }

  /** Activates the allocation job for a short time, so an unfinished delivery hands it out again soon. */
  private static ActivatedJob activate(CamundaClient client) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> client.newActivateJobsCommand()
        .jobType("fulfillment.allocate").maxJobsToActivate(1).timeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs(), jobs -> !jobs.isEmpty()).getFirst();
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("milepost-redelivered-allocation-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
