package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.milepost.engine.query.JdbcEngineQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Camunda 8 API's happy paths, driven only through the official Java client (REST). */
class CamundaClientProcessTest extends CamundaApiTestSupport {

  @Autowired
  DataSource dataSource;

  @Test
  void shouldReportOneHealthyNodeLeadingEveryPartition() {
    Topology topology = client.newTopologyRequest().send().join();

    assertThat(topology.getBrokers()).singleElement().satisfies(broker -> {
      assertThat(broker.getPartitions()).isNotEmpty().allSatisfy(partition -> assertThat(partition.isLeader()).isTrue());
    });
    assertThat(topology.getGatewayVersion()).isNotBlank();
  }

  @Test
  void shouldDeployAndReturnTheNewVersionThenTheSameVersionForAnIdenticalModel() {
    // given
    String processId = uniqueId("deploy");

    BpmnModelInstance model = straightThrough(processId);

    // when
    DeploymentEvent first = deploy(model);
    DeploymentEvent again = deploy(model);
    DeploymentEvent changed = deploy(Bpmn.createExecutableProcess(processId).startEvent("start").endEvent("done").done());

    // then
    Process deployed = first.getProcesses().getFirst();
    assertThat(deployed.getBpmnProcessId()).isEqualTo(processId);
    assertThat(deployed.getVersion()).isEqualTo(1);
    assertThat(deployed.getResourceName()).isEqualTo(processId + ".bpmn");
    assertThat(again.getProcesses().getFirst().getProcessDefinitionKey()).isEqualTo(deployed.getProcessDefinitionKey());
    assertThat(changed.getProcesses().getFirst().getVersion()).isEqualTo(2);
    assertThat(client.newProcessDefinitionGetXmlRequest(deployed.getProcessDefinitionKey()).send().join())
        .contains(processId);
    assertThat(client.newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(processId).isLatestVersion(true)).send().join().items())
        .singleElement().satisfies(definition -> assertThat(definition.getVersion()).isEqualTo(2));
  }

  @Test
  void shouldDeployAFormAlongsideAProcess() {
    String formId = uniqueId("form");

    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceStringUtf8("{\"id\": \"" + formId + "\", \"type\": \"default\", \"components\": []}",
            formId + ".form")
        .addProcessModel(straightThrough(formId + "-process"), formId + ".bpmn")
        .send().join();

    assertThat(deployment.getForm()).singleElement().satisfies(form -> {
      assertThat(form.getFormId()).isEqualTo(formId);
      assertThat(form.getVersion()).isEqualTo(1);
      assertThat(form.getFormKey()).isPositive();
    });
    assertThat(deployment.getProcesses()).extracting(Process::getBpmnProcessId).containsExactly(formId + "-process");
  }

  @Test
  void shouldRunStraightThroughAndReturnOnlyTheFetchedVariables() {
    // given
    String processId = uniqueId("straight");
    deploy(straightThrough(processId));

    // when
    ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", "A-1", "weight", 12)).withResult().fetchVariables("orderId").send().join();

    // then
    assertThat(result.getBpmnProcessId()).isEqualTo(processId);
    assertThat(result.getVariablesAsMap()).isEqualTo(Map.of("orderId", "A-1"));
    assertThat(client.newProcessInstanceGetRequest(result.getProcessInstanceKey()).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldTakeTheExclusiveGatewayBranchWhoseConditionHolds() {
    // given
    String processId = uniqueId("route");
    String bigType = processId + ".big";
    String smallType = processId + ".small";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .exclusiveGateway("size").defaultFlow()
        .serviceTask("singleLift", t -> t.zeebeJobType(smallType)).endEvent()
        .moveToNode("size").sequenceFlowId("toBig").conditionExpression("= weight > 30")
        .serviceTask("teamLift", t -> t.zeebeJobType(bigType)).endEvent()
        .done());

    // when
    long heavy = createInstance(processId, Map.of("weight", 45)).getProcessInstanceKey();
    long light = createInstance(processId, Map.of("weight", 3)).getProcessInstanceKey();

    // then
    assertThat(activate(bigType, 5)).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(heavy);
    assertThat(activate(smallType, 5)).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(light);
  }

  @Test
  void shouldRunParallelBranchesAndJoinThemBeforeTheEnd() throws Exception {
    // given
    String processId = uniqueId("parallel");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .parallelGateway("fork")
        .serviceTask("pick", t -> t.zeebeJobType(processId + ".pick")).parallelGateway("join")
        .moveToNode("fork").serviceTask("pack", t -> t.zeebeJobType(processId + ".pack")).connectTo("join")
        .endEvent()
        .done());
    CompletableFuture<ProcessInstanceResult> result = client.newCreateInstanceCommand().bpmnProcessId(processId)
        .latestVersion().withResult().requestTimeout(Duration.ofSeconds(20)).send().toCompletableFuture();

    // when
    ActivatedJob pick = activate(processId + ".pick", 1).getFirst();
    ActivatedJob pack = activate(processId + ".pack", 1).getFirst();
    client.newCompleteCommand(pick).variables(Map.of("picked", true)).send().join();
    assertThat(result).isNotDone();
    client.newCompleteCommand(pack).variables(Map.of("box", "M")).send().join();

    // then
    assertThat(result.get(15, TimeUnit.SECONDS).getVariablesAsMap())
        .containsEntry("picked", true).containsEntry("box", "M");
  }

  @Test
  void shouldMapInputsIntoTheJobAndOutputsBackWithFeel() {
    // given
    String processId = uniqueId("mapping");
    String type = processId + ".weigh";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("weigh", t -> t.zeebeJobType(type)
            .zeebeInputExpression("= weight * 2", "doubled")
            .zeebeOutputExpression("= measured + 1", "final"))
        .endEvent().done());
    CompletableFuture<ProcessInstanceResult> result = client.newCreateInstanceCommand().bpmnProcessId(processId)
        .latestVersion().variables(Map.of("weight", 21)).withResult().requestTimeout(Duration.ofSeconds(20))
        .send().toCompletableFuture();

    // when
    ActivatedJob job = activate(type, 1).getFirst();
    client.newCompleteCommand(job).variables(Map.of("measured", 10)).send().join();

    // then
    assertThat(job.getVariablesAsMap()).containsEntry("doubled", 42).containsEntry("weight", 21);
    assertThat(result.join().getVariablesAsMap()).containsEntry("final", 11).doesNotContainKey("doubled");
  }

  @Test
  void shouldRaiseAnIncidentWhenRetriesRunOutAndContinueAfterItIsResolved() {
    // given
    String processId = uniqueId("incident");
    String type = processId + ".allocate";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("allocate", t -> t.zeebeJobType(type).zeebeJobRetries("2")).endEvent().done());
    long instanceKey = createInstance(processId, Map.of()).getProcessInstanceKey();

    // when the worker fails twice
    ActivatedJob first = activate(type, 1).getFirst();
    client.newFailCommand(first).retries(first.getRetries() - 1).errorMessage("no stock in region").send().join();
    ActivatedJob second = activate(type, 1).getFirst();
    client.newFailCommand(second).retries(second.getRetries() - 1).errorMessage("still no stock").send().join();

    // then an incident waits for a person
    Incident incident = client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(IncidentState.ACTIVE)).send().join().items().getFirst();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).contains("still no stock");
    assertThat(incident.getJobKey()).isEqualTo(second.getKey());
    assertThat(client.newProcessInstanceGetRequest(instanceKey).send().join().getHasIncident()).isTrue();

    // when the engineer resolves it before giving the job a retry, it is refused
    var tooEarly = problemFrom(() -> client.newResolveIncidentCommand(incident.getIncidentKey()).send().join());
    assertThat(tooEarly.code()).isEqualTo(409);
    assertThat(tooEarly.details().getDetail()).contains("retries");

    // when the engineer gives the job a retry and resolves the incident
    client.newUpdateRetriesCommand(second.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();
    ActivatedJob retried = activate(type, 1).getFirst();
    client.newCompleteCommand(retried).send().join();

    // then the instance finishes
    assertThat(client.newIncidentGetRequest(incident.getIncidentKey()).send().join().getState())
        .isEqualTo(IncidentState.RESOLVED);
    assertThat(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(ProcessInstanceState.COMPLETED)).send().join().items())
        .hasSize(1);
  }

  @Test
  void shouldFindAssignUnassignAndCompleteAUserTask() {
    // given
    String processId = uniqueId("usertask");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("check", u -> u.name("Check parcel").zeebeUserTask().zeebeCandidateGroups("ops, leads"))
        .endEvent().done());
    long instanceKey = createInstance(processId, Map.of("parcel", "P-1")).getProcessInstanceKey();

    // when
    List<UserTask> open = client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED).candidateGroup("ops"))
        .send().join().items();

    // then
    assertThat(open).singleElement().satisfies(task -> {
      assertThat(task.getName()).isEqualTo("Check parcel");
      assertThat(task.getCandidateGroups()).containsExactly("ops", "leads");
      assertThat(task.getAssignee()).isNull();
    });
    long taskKey = open.getFirst().getUserTaskKey();

    // when assigned, unassigned, then assigned again and completed
    client.newAssignUserTaskCommand(taskKey).assignee("ana").send().join();
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getAssignee()).isEqualTo("ana");
    assertThat(client.newUserTaskSearchRequest().filter(f -> f.assignee("ana").processInstanceKey(instanceKey))
        .send().join().items()).hasSize(1);
    client.newUnassignUserTaskCommand(taskKey).send().join();
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getAssignee()).isNull();
    client.newAssignUserTaskCommand(taskKey).assignee("ben").send().join();
    client.newCompleteUserTaskCommand(taskKey).variables(Map.of("damaged", false)).send().join();

    // then
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(client.newProcessInstanceGetRequest(instanceKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instanceKey).name("damaged"))
        .send().join().items()).extracting(Variable::getValue).containsExactly("false");
  }

  @Test
  void shouldCancelAnInstanceSoItsJobCanNoLongerBeActivated() {
    // given
    String processId = uniqueId("cancel");
    String type = processId + ".pick";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("pick", t -> t.zeebeJobType(type)).endEvent().done());
    long instanceKey = createInstance(processId, Map.of()).getProcessInstanceKey();

    // when
    client.newCancelInstanceCommand(instanceKey).send().join();

    // then
    assertThat(client.newProcessInstanceGetRequest(instanceKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(5)
        .requestTimeout(Duration.ofMillis(300)).send().join().getJobs()).isEmpty();
  }

  @Test
  void shouldLetAJobWorkerCompleteEveryJob() {
    // given
    String processId = uniqueId("worker");
    String type = processId + ".pack";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("pack", t -> t.zeebeJobType(type)).endEvent().done());

    // when
    try (JobWorker worker = client.newWorker().jobType(type)
        .handler((jobClient, job) -> jobClient.newCompleteCommand(job)
            .variables(Map.of("box", "box-for-" + job.getVariablesAsMap().get("item"))).send().join())
        .open()) {
      List<CompletableFuture<ProcessInstanceResult>> results = List.of("lamp", "desk", "sofa").stream()
          .map(item -> client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
              .variables(Map.of("item", item)).withResult().requestTimeout(Duration.ofSeconds(20)).send()
              .toCompletableFuture())
          .toList();

      // then
      assertThat(results).extracting(result -> result.join().getVariablesAsMap().get("box"))
          .containsExactly("box-for-lamp", "box-for-desk", "box-for-sofa");
      assertThat(worker.isOpen()).isTrue();
    }
  }

  @Test
  void shouldHoldAnActivationUntilAJobOfItsTypeAppears() {
    // given
    String processId = uniqueId("longpoll");
    String type = processId + ".sort";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("sort", t -> t.zeebeJobType(type)).endEvent().done());
    long start = System.nanoTime();
    CompletableFuture<List<ActivatedJob>> activation = client.newActivateJobsCommand().jobType(type)
        .maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(10)).send().toCompletableFuture()
        .thenApply(response -> response.getJobs());

    // when
    sleep(Duration.ofMillis(500));
    assertThat(activation).isNotDone();
    long instanceKey = createInstance(processId, Map.of()).getProcessInstanceKey();

    // then it answers as soon as the job exists, long before its request timeout
    assertThat(activation.join()).extracting(ActivatedJob::getProcessInstanceKey).containsExactly(instanceKey);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shouldOfferAFailedJobAgainOnlyAfterItsRetryBackOff() {
    // given
    String processId = uniqueId("backoff");
    String type = processId + ".receive";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("receive", t -> t.zeebeJobType(type)).endEvent().done());
    createInstance(processId, Map.of());
    ActivatedJob job = activate(type, 1).getFirst();

    // when
    client.newFailCommand(job).retries(2).retryBackoff(Duration.ofMillis(1500)).errorMessage("dock busy").send().join();
    long failedAt = System.nanoTime();
    ActivatedJob again = activate(type, 1).getFirst();

    // then
    Duration waited = Duration.ofNanos(System.nanoTime() - failedAt);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void shouldGiveAJobMoreTimeWhenItsTimeoutIsUpdated() {
    // given
    String processId = uniqueId("timeout");
    String type = processId + ".dispatch";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("dispatch", t -> t.zeebeJobType(type)).endEvent().done());
    createInstance(processId, Map.of());
    ActivatedJob job = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofMillis(500)).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs().getFirst();

    // when
    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(10)).send().join();

    // then the job is not handed out again when its first time-out passes
    assertThat(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(1500)).send().join().getJobs()).isEmpty();
    client.newCompleteCommand(job).send().join();
  }

  @Test
  void shouldAnswerAnEmptyActivationWhenItsRequestTimeoutPasses() {
    long start = System.nanoTime();

    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(uniqueId("nobody")).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();

    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertThat(jobs).isEmpty();
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(2000));
  }

  @Test
  void shouldSetVariablesOnAnInstanceSeenByTheNextJob() {
    // given
    String processId = uniqueId("setvars");
    String type = processId + ".deliver";
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("deliver", t -> t.zeebeJobType(type)).endEvent().done());
    long instanceKey = createInstance(processId, Map.of("route", "R-1")).getProcessInstanceKey();

    // when
    client.newSetVariablesCommand(instanceKey).variables(Map.of("route", "R-7", "wave", 2)).send().join();

    // then
    assertThat(activate(type, 1).getFirst().getVariablesAsMap()).containsEntry("route", "R-7").containsEntry("wave", 2);
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(instanceKey).name("route"))
        .send().join().items()).extracting(Variable::getValue).containsExactly("\"R-7\"");
  }

  @Test
  void shouldPageProcessInstanceSearchesWithTheTotalCount() {
    // given
    String processId = uniqueId("paging");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("wait", t -> t.zeebeJobType(processId + ".never")).endEvent().done());
    for (int i = 0; i < 5; i++) {
      createInstance(processId, Map.of());
    }

    // when
    var page = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(ProcessInstanceState.ACTIVE))
        .page(p -> p.from(1).limit(2)).send().join();

    // then
    assertThat(page.items()).hasSize(2).allSatisfy(instance -> {
      assertThat(instance.getProcessDefinitionId()).isEqualTo(processId);
      assertThat(instance.getStartDate()).isNotNull();
    });
    assertThat(page.page().totalItems()).isEqualTo(5);
  }

  @Test
  void shouldCapTheTotalOfASearchAndSayThereAreMore() throws SQLException {
    // given: more completed instances of one process than a search counts, written straight into the store; ended
    // just now, so that the history retention (which sweeps every second) leaves them alone
    String processId = uniqueId("history");
    long definitionKey = deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done())
        .getProcesses().getFirst().getProcessDefinitionKey();
    int completed = JdbcEngineQueries.MAX_TOTAL_ITEMS + 1;
    long firstKey = 9_000_000_000_000_000L + System.nanoTime() % 1_000_000_000_000L;
    long endTime = System.currentTimeMillis();
    try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO process_instance (process_instance_key, process_definition_key, bpmn_process_id, version, state,"
            + " start_time, end_time, tenant_id) VALUES (?, ?, ?, 1, 'COMPLETED', ?, ?, '<default>')")) {
      for (int i = 0; i < completed; i++) {
        insert.setLong(1, firstKey + i);
        insert.setLong(2, definitionKey);
        insert.setString(3, processId);
        insert.setLong(4, endTime - 1);
        insert.setLong(5, endTime);
        insert.addBatch();
      }
      insert.executeBatch();
    }

    // when
    var newest = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId).state(ProcessInstanceState.COMPLETED))
        .sort(s -> s.processInstanceKey().desc())
        .page(p -> p.limit(3)).send().join();
    var lastPage = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .page(p -> p.from(completed - 2).limit(3)).send().join();

    // then
    assertThat(newest.items()).extracting(instance -> instance.getProcessInstanceKey())
        .containsExactly(firstKey + completed - 1, firstKey + completed - 2, firstKey + completed - 3);
    assertThat(newest.page().totalItems()).isEqualTo(JdbcEngineQueries.MAX_TOTAL_ITEMS);
    assertThat(newest.page().hasMoreTotalItems()).isTrue();
    assertThat(lastPage.items()).extracting(instance -> instance.getProcessInstanceKey())
        .containsExactly(firstKey + completed - 2, firstKey + completed - 1);
    assertThat(lastPage.page().totalItems()).isEqualTo(completed);
    assertThat(lastPage.page().hasMoreTotalItems()).isFalse();
  }

  private ProcessInstanceEvent createInstance(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join();
  }

  private List<ActivatedJob> activate(String type, int max) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(max)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
