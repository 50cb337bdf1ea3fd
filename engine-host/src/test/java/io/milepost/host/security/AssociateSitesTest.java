package io.milepost.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An associate of fc-west-1 against the user tasks of two sites: the task's site is the {@code siteId} its
 * element maps in, as the network's models do.
 */
class AssociateSitesTest extends SecurityTestSupport {

  private String processId;
  private long westTask;
  private long eastTask;

  @BeforeEach
  void twoTasksAtTwoSites() {
    processId = unique("problem-solve");
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("solve", task -> task.zeebeUserTask().zeebeInput("=fulfillmentSiteId", "siteId"))
        .endEvent().done();
    CamundaClient admin = rest("demo", "demo");
    admin.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    westTask = taskOf(admin, start(admin, "fc-west-1"));
    eastTask = taskOf(admin, start(admin, "fc-east-1"));
  }

  @Test
  void shouldFindOnlyTheTasksOfTheAssociatesSites() {
    List<UserTask> seen = rest("ana", "ana-pass").newUserTaskSearchRequest()
        .filter(f -> f.bpmnProcessId(processId)).send().join().items();
    List<UserTask> seenByEngineer = rest("eng", "eng-pass").newUserTaskSearchRequest()
        .filter(f -> f.bpmnProcessId(processId)).send().join().items();

    assertThat(seen).extracting(UserTask::getUserTaskKey).containsExactly(westTask);
    assertThat(seenByEngineer).extracting(UserTask::getUserTaskKey).containsExactlyInAnyOrder(westTask, eastTask);
  }

  @Test
  void shouldRefuseToReadClaimOrCompleteAnotherSitesTaskAndChangeNothing() {
    CamundaClient associate = rest("ana", "ana-pass");

    ProblemException read = problemFrom(() -> associate.newUserTaskGetRequest(eastTask).send().join());
    ProblemException claim = problemFrom(() -> associate.newAssignUserTaskCommand(eastTask).assignee("ana").send()
        .join());
    ProblemException complete = problemFrom(() -> associate.newCompleteUserTaskCommand(eastTask).send().join());

    assertThat(List.of(read.code(), claim.code(), complete.code())).containsOnly(404);
    assertThat(complete.details().getDetail()).isEqualTo("Expected to find user task " + eastTask
        + " among the user tasks of your sites [fc-west-1], but there is none");
    UserTask east = rest("demo", "demo").newUserTaskGetRequest(eastTask).send().join();
    assertThat(east.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(east.getAssignee()).isNull();
  }

  @Test
  void shouldLetTheAssociateClaimAndCompleteATaskOfTheirSiteAndRecordWhoCompletedIt() {
    CamundaClient associate = rest("ana", "ana-pass");

    associate.newAssignUserTaskCommand(westTask).assignee("ana").send().join();
    associate.newCompleteUserTaskCommand(westTask).variables(Map.of("weightOk", true)).send().join();

    assertThat(rest("demo", "demo").newUserTaskGetRequest(westTask).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
    assertThat(get("/api/actions?subjectKey=" + westTask, authorization("demo", "demo")).body())
        .contains("\"action\":\"COMPLETED_USER_TASK\"").contains("\"actor\":\"ana\"");
  }

  private long start(CamundaClient client, String site) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("fulfillmentSiteId", site)).send().join().getProcessInstanceKey();
  }

  private static long taskOf(CamundaClient client, long instance) {
    return client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items()
        .getFirst().getUserTaskKey();
  }
}
