package io.milepost.engine.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios for the deployable corpus models from Camunda's SDKs, get-started guide and the Zeebe
 * model's own test resources, driven to their end.
 */
class CamundaExamplesCorpusTest {

  private static final String JS_SDK = "camunda+camunda-8-js-sdk/src/__tests__/testdata/";
  private static final String ZEEBE_MODEL = "camunda+zeebe/zeebe/bpmn-model/src/test/resources/io/camunda/zeebe/model/bpmn/";

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();
  private final CorpusDriver corpus = new CorpusDriver(harness);

  @Test
  void shouldTakeTheTimeoutPathWhenNoMessageArrivesWithinFiveSeconds() {
    corpus.deploy(JS_SDK + "Client-DeployWorkflow.bpmn");
    long instance = corpus.start("test-process", Map.of("uniqueId", "u-1"));

    corpus.completeJob("demo-service", Map.of());
    corpus.advance(Duration.ofSeconds(5));
    corpus.completeJob("time-out", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "ServiceTask_0xdwuw7",
        "ExclusiveGateway_0wne7eb", "IntermediateCatchEvent_04zcf15", "ServiceTask_1rszkg1", "EndEvent_1mns3uj", "test-process");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldProcessTheMessageWhenItArrivesBeforeTheTimeout() {
    corpus.deploy(JS_SDK + "Client-DeployWorkflow.bpmn");
    long instance = corpus.start("test-process", Map.of("uniqueId", "u-2"));

    corpus.completeJob("demo-service", Map.of());
    harness.engine().publishMessage(new PublishMessage("Message_In", "u-2", Duration.ZERO, null, Map.of("payload", 1)));
    corpus.advance(Duration.ofSeconds(10));
    corpus.completeJob("process-message", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "ServiceTask_0xdwuw7",
        "ExclusiveGateway_0wne7eb", "IntermediateCatchEvent_169ouyw", "ServiceTask_1ng04rq", "EndEvent_1mns3uj", "test-process");
    assertThat(corpus.variables(instance)).containsEntry("payload", 1);
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldLeaveTheSubProcessForTheSadFlowWhenTheWorkerThrowsTheBusinessError() {
    corpus.deploy(JS_SDK + "Client-ThrowError.bpmn");
    long instance = corpus.start("throw-bpmn-error", Map.of());

    ActivatedJob job = harness.activateOne("throw-bpmn-error-task");
    harness.engine().throwError(new ThrowError(job.key(), "BUSINESS_ERROR", "declined", Map.of("something", "declined")));
    corpus.completeJob("sad-flow", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1q9lovr", "StartEvent_0mp9dxc",
        "IntermediateThrowEvent_0zfx5n9", "Task_1h8n9x5", "EndEvent_0cwovsu", "throw-bpmn-error");
    assertThat(corpus.terminated(instance)).containsExactly("Task_0bki2a1", "SubProcess_0kmfk49");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(corpus.variables(instance)).containsEntry("something", "declined");
  }

  @Test
  void shouldTakePathAWhenTheConditionVariableIsTrue() {
    corpus.deploy(JS_SDK + "conditional-pathway.bpmn");
    long instance = corpus.start("condition-test", Map.of("conditionVariable", true));

    corpus.completeJob("wait", Map.of());
    corpus.completeJob("pathA", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "ServiceTask_0cz2k8t",
        "ExclusiveGateway_11b1kdc", "ServiceTask_18goo5h", "EndEvent_1g2ztlo", "condition-test");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldTakePathBWhenTheWorkerSetsTheConditionVariableToFalse() {
    corpus.deploy(JS_SDK + "conditional-pathway.bpmn");
    long instance = corpus.start("condition-test", Map.of("conditionVariable", true));

    corpus.completeJob("wait", Map.of("conditionVariable", false));
    corpus.completeJob("pathB", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "ServiceTask_0cz2k8t",
        "ExclusiveGateway_11b1kdc", "ServiceTask_15isvh5", "EndEvent_1g2ztlo", "condition-test");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  @Disabled("Engine bug: a user task without zeebe:userTask but with a zeebe:taskDefinition gets that definition's job "
      + "type ('humanTask') instead of Camunda's job-worker user task type 'io.camunda.zeebe:userTask'")
  void shouldSendTheEmailThatThePersonEntered() {
    corpus.deploy("camunda+camunda-platform-get-started/process/send-email.bpmn");
    long instance = corpus.start("send-email", Map.of());

    corpus.completeJob(CorpusDriver.JOB_WORKER_USER_TASK, Map.of("message_content", "Hello"));
    ActivatedJob email = corpus.completeJob("email", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent", "enterMessageTask", "sendEmailTask",
        "EndEvent", "send-email");
    assertThat(email.variables()).containsEntry("message_content", "Hello");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  @Disabled("Engine bug: attributes that Camunda always reads as expressions (multi-instance input collection and output "
      + "element, mapping sources) are read as static strings when they lack the '=' prefix, so 'inputs' is not a list")
  void shouldCollectTheOutputOfEveryInputWithTheMappedTaskVariables() {
    corpus.deploy("camunda+zeebe-bpmn-moddle/test/fixtures/xml/simple.bpmn");
    long instance = corpus.start("Process_17v88t0", Map.of("inputs", List.of("a", "b"), "sourceValue", "s"));

    List<ActivatedJob> jobs = harness.activate("task", 10);
    for (ActivatedJob job : jobs) {
      harness.engine().completeJob(job.key(), Map.of("output", "done-" + job.variables().get("input")));
    }

    assertThat(jobs).extracting(job -> job.variables().get("targetValue")).containsExactly("s", "s");
    assertThat(corpus.completedPath(instance)).containsExactly("Event_0zr10ns", "Activity_1naoqum", "Activity_1naoqum",
        "Activity_1naoqum", "Event_0atgf9u", "Process_17v88t0");
    assertThat(corpus.variables(instance)).containsEntry("outputs", List.of("done-a", "done-b"));
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRunTheDemoProcessThroughItsThreeTasks() {
    corpus.deploy("camunda+zeebe/clients/java/src/test/resources/processes/demo-process.bpmn");
    long instance = corpus.start("demoProcess", Map.of("a", 1));

    corpus.completeJob("foo", Map.of());
    corpus.completeJob("bar", Map.of());
    corpus.completeJob("foobar", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("start", "taskA", "taskB", "taskC", "end", "demoProcess");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldIgnoreDataObjectsStoresAndAnnotations() {
    corpus.deploy(ZEEBE_MODEL + "validation/non-executable-elements.bpmn");
    long instance = corpus.start("process", Map.of());

    assertThat(corpus.completedPath(instance)).containsExactly("StartEvent_1", "EndEvent_18f6cgv", "process");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  @Disabled("Engine bug: execution listeners are accepted at deploy time but never run (no listener jobs are created)")
  void shouldRunTheStartListenersBeforeTheTaskAndTheEndListenersAfterIt() {
    corpus.deploy(ZEEBE_MODEL + "instance/zeebe/ZeebeExecutionListenersTest.bpmn");
    long instance = corpus.start("Process_1a53s9c", Map.of());

    // Camunda 8 runs the listeners of an element as jobs, in order: start listeners, the task, end listeners
    for (String type : List.of("task_start_el_1", "task_start_el_2", "task_type", "task_end_el_1", "task_end_el_2")) {
      assertThat(corpus.openJobTypes(instance)).containsExactly(type);
      corpus.completeJob(type, Map.of());
    }

    assertThat(corpus.completedPath(instance)).containsExactly("start_event", "service_task", "end_event", "Process_1a53s9c");
    assertThat(corpus.state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
  }
}
