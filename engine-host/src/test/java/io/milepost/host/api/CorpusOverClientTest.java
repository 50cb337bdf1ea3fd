package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Variable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Models nobody on the team wrote (the public corpus kept with the engine's tests), deployed and
 * driven to their end only with the official client over REST. (The other corpus scenarios run
 * through the engine API in engine/src/test/java/io/milepost/engine/corpus.)
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
    long instance = client.newCreateInstanceCommand().bpmnProcessId("looping-servicetask").latestVersion()
        .variables(Map.of("totalLoops", 3)).send().join().getProcessInstanceKey();

    // when each round's job is activated and completed (other tests' "test" jobs are handed back at once)
    int rounds = 0;
    for (int attempt = 0; attempt < 20 && rounds < 3; attempt++) {
      for (ActivatedJob job : client.newActivateJobsCommand().jobType("test").maxJobsToActivate(10)
          .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs()) {
        if (job.getProcessInstanceKey() == instance) {
          client.newCompleteCommand(job).send().join();
          rounds++;
        } else {
          client.newUpdateTimeoutCommand(job).timeout(Duration.ZERO).send().join(); // another test's: hand it back
        }
      }
    }

    // then the loop ran three rounds and the output mapping counted them
    assertThat(rounds).isEqualTo(3);
    assertThat(client.newProcessInstanceGetRequest(instance).send().join().getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instance).name("loopAmount"))
        .send().join().items()).extracting(Variable::getValue).containsExactly("3");
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
