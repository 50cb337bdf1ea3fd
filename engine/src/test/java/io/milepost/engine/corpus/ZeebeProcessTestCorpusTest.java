package io.milepost.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scenarios for the deployable models of camunda/zeebe-process-test (examples and QA abstracts), driven to their end. */
class ZeebeProcessTestCorpusTest {

  private static final String EXAMPLES = "camunda+zeebe-process-test/examples/src/test/resources/";
  private static final String QA = "camunda+zeebe-process-test/qa/abstracts/src/main/resources/";

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();
  private final CorpusDriver corpus = new CorpusDriver(harness);

  private List<ProcessInstanceView> instancesOf(String processId) {
    return harness.engine().queries().searchProcessInstances(
        new ProcessInstanceFilter(null, processId, null, null, null, null, null), PageRequest.defaults()).items();
  }

  @Test
  void shouldRunTheTestsOncePerOperatingSystem() {
    // given
    corpus.deploy(EXAMPLES + "automated-tests.bpmn");
    long instance = corpus.start("automatedTestsProcess", Map.of());

    // when the three runTests jobs complete
    for (int i = 0; i < 3; i++) {
      corpus.completeJob("runTests", Map.of());
    }

    // then
    assertThat(corpus.completedPath(instance)).containsExactly("automatedTestsTriggered",
        "Event_1i6p8uy", "Event_1i6p8uy", "Event_1i6p8uy",
        "runTests", "Event_1xtvw54", "Activity_1kq2g9a",
        "runTests", "Event_1xtvw54", "Activity_1kq2g9a",
        "runTests", "Event_1xtvw54", "Activity_1kq2g9a",
        "Activity_1kq2g9a", "Event_0mdz5cy", "automatedTestsProcess");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldMergeAnApprovedPullRequestAfterATimelyReminderAndTheAutomatedTests() {
    // given the PR process and the test process it calls
    corpus.deploy(EXAMPLES + "automated-tests.bpmn");
    corpus.deploy(EXAMPLES + "pr-created.bpmn");

    // when a PR is created (message start event)
    harness.engine().publishMessage(new PublishMessage("prCreated", "", Duration.ZERO, null, Map.of("prId", "pr-42")));
    long instance = instancesOf("prCreatedProcess").getFirst().key();
    // the review is requested, nobody answers for a day, the reviewer is reminded
    corpus.completeJob(CorpusDriver.JOB_WORKER_USER_TASK, Map.of());
    corpus.advance(Duration.ofDays(1));
    corpus.completeJob("remindReviewer", Map.of());
    // the automated tests pass on all three systems
    for (int i = 0; i < 3; i++) {
      corpus.completeJob("runTests", Map.of());
    }
    // the review arrives: approved
    harness.engine().publishMessage(new PublishMessage("reviewReceived", "pr-42", Duration.ZERO, null,
        Map.of("reviewResult", "approved")));
    corpus.completeJob(CorpusDriver.JOB_WORKER_USER_TASK, Map.of());
    corpus.completeJob("deploySnapshot", Map.of());

    // then
    assertThat(corpus.completedPath(instance)).containsExactly("prCreated", "Gateway_0lfyniu", "requestReview",
        "Gateway_1wymgxc", "remindReviewerTimer", "remindReviewer", "triggerTests", "Gateway_1wymgxc", "reviewReceived",
        "Gateway_0febbwp", "Gateway_0ywtzgs", "mergeCode", "deploySnapshot", "Event_12sbcc5", "prCreatedProcess");
    assertThat(corpus.variables(instance)).containsEntry("prId", "pr-42").containsEntry("reviewResult", "approved");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldLoopTheServiceTaskUntilTheCountIsReached() {
    corpus.deploy(QA + "looping-servicetask.bpmn");
    long instance = corpus.start("looping-servicetask", Map.of("totalLoops", 3));

    for (int i = 0; i < 3; i++) {
      corpus.completeJob("test", Map.of());
    }

    assertThat(corpus.completedPath(instance)).containsExactly("startevent", "servicetask", "Gateway_0fhwf5d",
        "servicetask", "Gateway_0fhwf5d", "servicetask", "Gateway_0fhwf5d", "endevent", "looping-servicetask");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(corpus.variables(instance)).containsEntry("loopAmount", 3);
  }

  @Test
  void shouldContinueWhenTheMessageWithItsCorrelationKeyArrives() {
    corpus.deploy(QA + "message-event.bpmn");
    long instance = corpus.start("message-event", Map.of("correlationKey", "order-7"));

    harness.engine().publishMessage(new PublishMessage("message", "order-8", Duration.ZERO, null, Map.of()));
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
    harness.engine().publishMessage(new PublishMessage("message", "order-7", Duration.ZERO, null, Map.of()));

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "Event_1qemgo0", "Event_1pevv8z",
        "message-event");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCallBothProcessesOneAfterTheOther() {
    // given the two called processes, which are not part of the corpus
    harness.deploy(Bpmn.createExecutableProcess("call-activity").startEvent("ca-start")
        .serviceTask("ca-task", t -> t.zeebeJobType("call-activity-work")).endEvent("ca-end").done());
    harness.deploy(Bpmn.createExecutableProcess("alternate-start-end").startEvent("ase-start").endEvent("ase-end").done());
    corpus.deploy(QA + "multiple-call-activity.bpmn");
    long instance = corpus.start("multiple-call-activity", Map.of());

    corpus.completeJob("call-activity-work", Map.of("done", true));

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "callactivityTwo", "callactivityOne",
        "Event_1w612bd", "multiple-call-activity");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldEndTheWholeInstanceAtTheFastTerminateEndEvent() {
    corpus.deploy(QA + "test_timer_events.bpmn");
    long instance = corpus.start("Process_Timer_Test_01", Map.of());

    corpus.completeJob("SimpleLog01", Map.of());
    corpus.advance(Duration.ofSeconds(1));

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_Main", "Gateway_SplitParallel",
        "Activity_InvokeDummyWorker", "TimerEvent_Wait1s", "EndEvent_FastFlow", "Process_Timer_Test_01");
    assertThat(corpus.terminated(instance)).containsExactly("TimerEvent_Wait30d");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldStartAnInstanceEveryDay() {
    corpus.deploy(QA + "timer-start-event-daily.bpmn");

    corpus.advance(Duration.ofHours(23));
    assertThat(instancesOf("timer-start-event-daily")).isEmpty();
    corpus.advance(Duration.ofHours(1));
    corpus.advance(Duration.ofDays(1));

    List<ProcessInstanceView> instances = instancesOf("timer-start-event-daily");
    assertThat(instances).hasSize(2).allSatisfy(instance -> {
      assertThat(instance.state()).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(corpus.completedPath(instance.key())).containsExactly("timer", "endevent", "timer-start-event-daily");
    });
  }
}
