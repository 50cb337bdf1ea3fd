package io.milepost.host.processtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * What Camunda's community benchmark tool (camunda-8-benchmark) does on its default settings, sent with the official
 * client. The tool itself cannot be built on this machine (its {@code camunda-spring-boot-starter} is not served by
 * the package registry here), so this test repeats its defaults: one deployment of its ten-job-type process together
 * with its decision (the resources are the tool's own, Apache-2.0, see {@code LICENSE} beside them), instances
 * started with its payload, one streaming worker per job type ({@code benchmark.multipleJobTypes=10},
 * {@code stream-enabled=true}, {@code max-jobs-active=2000}) and, as its decision mode does, an evaluation of
 * {@code benchmark-decision-2x10}. The process waits on two one-minute timers: the test moves the testing clock.
 */
class BenchmarkToolDefaultsTest {

  private static final RunningMilepost MILEPOST = RunningMilepost.shared();
  private static final String PROCESS_ID = "benchmark_10_jobtypes";
  private static final int INSTANCES = 20;
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void shouldDeployRunAndDecideAsTheBenchmarkToolDoesOnItsDefaults() {
    String payload = resourceText("typical_payload.json").replace("${RANDOM_UUID}", UUID.randomUUID().toString());
    try (CamundaClient client = MILEPOST.clientBuilder().preferRestOverGrpc(false).build()) {
      DeploymentEvent deployment = client.newDeployResourceCommand()
          .addResourceBytes(resource("typical_process_10_jobtypes.bpmn"), "typical_process_10_jobtypes.bpmn")
          .addResourceBytes(resource("complex_decision.dmn"), "complex_decision.dmn")
          .send().join();
      assertThat(deployment.getProcesses()).extracting(Process::getBpmnProcessId).containsExactly(PROCESS_ID);
      assertThat(deployment.getDecisions()).extracting(Decision::getDmnDecisionId).contains("benchmark-decision-2x10");
      long processKey = deployment.getProcesses().getFirst().getProcessDefinitionKey();

      List<JobWorker> workers = new ArrayList<>();
      try {
        for (int i = 1; i <= 10; i++) {
          workers.add(client.newWorker().jobType("benchmark-task-" + i)
              .handler((jobs, job) -> jobs.newCompleteCommand(job).send().join())
              .streamEnabled(true).maxJobsActive(2000).open());
        }
        for (int i = 0; i < INSTANCES; i++) {
          client.newCreateInstanceCommand().processDefinitionKey(processKey).variables(payload).send().join();
        }

        awaitAll("instances waiting on the first timer", () -> activeAt(client, processKey, "timer1"));
        moveClock(Duration.ofMinutes(1));
        awaitAll("instances waiting on the second timer", () -> activeAt(client, processKey, "timer2"));
        moveClock(Duration.ofMinutes(1));
        awaitAll("completed instances", () -> client.newProcessInstanceSearchRequest()
            .filter(f -> f.processDefinitionKey(processKey).state(ProcessInstanceState.COMPLETED))
            .page(p -> p.limit(INSTANCES + 1)).send().join().items().size());
      } finally {
        workers.forEach(JobWorker::close);
        MILEPOST.send("DELETE", "/actuator/clock", null);
      }

      assertThat(client.newEvaluateDecisionCommand().decisionId("benchmark-decision-2x10").variables(payload)
          .send().join().getDecisionOutput()).isEqualTo("\"the best counter variable ever\"");
    }
  }

  private static int activeAt(CamundaClient client, long processKey, String elementId) {
    return client.newElementInstanceSearchRequest()
        .filter(f -> f.processDefinitionKey(processKey).elementId(elementId).state(ElementInstanceState.ACTIVE))
        .page(p -> p.limit(INSTANCES + 1)).send().join().items().size();
  }

  private static void awaitAll(String what, IntSupplier count) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int seen;
    while ((seen = count.getAsInt()) < INSTANCES) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Expected " + INSTANCES + " " + what + " within " + PATIENCE.toSeconds()
            + " s, but found " + seen);
      }
      sleep();
    }
    assertThat(seen).as(what).isEqualTo(INSTANCES);
  }

  private static void moveClock(Duration by) {
    HttpResponse<String> moved = MILEPOST.send("POST", "/actuator/clock/add", "{\"offsetMilli\": " + by.toMillis() + "}");
    assertThat(moved.statusCode()).as("moving the clock: %s", moved.body()).isEqualTo(200);
  }


  private static byte[] resource(String name) {
    try (InputStream in = BenchmarkToolDefaultsTest.class.getResourceAsStream("/camunda-8-benchmark/" + name)) {
      assertThat(in).as("test resource camunda-8-benchmark/" + name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resourceText(String name) {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting", e);
    }
  }
}
