package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Models nobody on the team wrote (the public corpus kept with the engine's tests), deployed and
 * driven to their end only with the official client over REST.
 */
class CorpusOverClientTest extends CamundaApiTestSupport {

  private static final Path CORPUS = Path.of("../engine/src/test/resources/bpmn-corpus");

  private void deployCorpusFile(String path) {
    client.newDeployResourceCommand().addResourceFile(CORPUS.resolve(path).toString()).send().join();
  }

  @Test
  void shouldLoopTheServiceTaskUntilItsCounterReachesTheTotal() {
    // given
    deployCorpusFile("camunda+zeebe-process-test/qa/abstracts/src/main/resources/looping-servicetask.bpmn");

    // when a worker completes each round and the instance is started waiting for its result
    try (JobWorker worker = client.newWorker().jobType("test")
        .handler((jobs, job) -> jobs.newCompleteCommand(job).send().join()).pollInterval(Duration.ofMillis(50)).open()) {
      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("looping-servicetask").latestVersion()
          .variables(Map.of("totalLoops", 3)).withResult().requestTimeout(Duration.ofSeconds(30)).send().join();

      // then the output mapping counted three rounds
      assertThat(result.getVariablesAsMap()).containsEntry("loopAmount", 3);
    }
  }

  @Test
  void shouldContinueOnlyWhenTheMessageWithItsCorrelationKeyIsPublished() {
    // given
    deployCorpusFile("camunda+zeebe-process-test/qa/abstracts/src/main/resources/message-event.bpmn");
    long instance = client.newCreateInstanceCommand().bpmnProcessId("message-event").latestVersion()
        .variables(Map.of("correlationKey", "order-7")).send().join().getProcessInstanceKey();

    // when another key, then its key is published
    client.newPublishMessageCommand().messageName("message").correlationKey("order-8").send().join();
    ProcessInstanceState afterOtherKey = client.newProcessInstanceGetRequest(instance).send().join().getState();
    client.newPublishMessageCommand().messageName("message").correlationKey("order-7").send().join();

    // then
    assertThat(afterOtherKey).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState()).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
