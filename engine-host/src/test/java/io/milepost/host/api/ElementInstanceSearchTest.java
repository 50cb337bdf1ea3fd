package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The element instances an operations view and Camunda Process Test read, through the official client: search
 * with Camunda's filters, sort and paging, get by key, the incidents of an element, the statistics per element
 * of a definition and the sequence flows an instance took. Every answer reflects the command just acknowledged.
 */
class ElementInstanceSearchTest extends CamundaApiTestSupport {

  @Test
  void shouldFindTheElementsAnInstancePassedWithTheirNamesTypesAndStates() {
    String processId = uniqueId("ops");
    long instance = start(deploy(pickAndApprove(processId)), processId);
    complete(activate(processId + ".pick"));

    List<ElementInstance> elements = search(filter -> filter.processInstanceKey(instance));

    assertThat(elements)
        .extracting(ElementInstance::getElementId, ElementInstance::getElementName, ElementInstance::getType,
            ElementInstance::getState, ElementInstance::getProcessDefinitionId, ElementInstance::getProcessInstanceKey,
            ElementInstance::getRootProcessInstanceKey)
        .containsExactly(
            tuple("start", "Order received", ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED, processId,
                instance, instance),
            tuple("pick", "Pick items", ElementInstanceType.SERVICE_TASK, ElementInstanceState.COMPLETED, processId,
                instance, instance),
            tuple("approve", "Approve shipment", ElementInstanceType.USER_TASK, ElementInstanceState.ACTIVE,
                processId, instance, instance));
    assertThat(elements.get(1).getEndDate()).isNotNull();
    assertThat(elements.get(2).getEndDate()).isNull();
    assertThat(elements).allSatisfy(element -> assertThat(element.getIncident()).isFalse());
  }

  @Test
  void shouldFilterByNameTypeStateAndDefinition() {
    String processId = uniqueId("ops");
    DeploymentEvent deployment = deploy(pickAndApprove(processId));
    long definitionKey = deployment.getProcesses().getFirst().getProcessDefinitionKey();
    long first = start(deployment, processId);
    complete(activate(processId + ".pick"));
    long second = start(deployment, processId);

    assertThat(search(filter -> filter.processDefinitionId(processId).elementName("Pick items")))
        .extracting(ElementInstance::getProcessInstanceKey, ElementInstance::getState)
        .containsExactly(tuple(first, ElementInstanceState.COMPLETED), tuple(second, ElementInstanceState.ACTIVE));
    assertThat(search(filter -> filter.processDefinitionKey(definitionKey).state(ElementInstanceState.ACTIVE)))
        .extracting(ElementInstance::getProcessInstanceKey, ElementInstance::getElementId)
        .containsExactly(tuple(first, "approve"), tuple(second, "pick"));
    assertThat(search(filter -> filter.processDefinitionId(processId).type(ElementInstanceType.USER_TASK)))
        .extracting(ElementInstance::getProcessInstanceKey).containsExactly(first);
    assertThat(search(filter -> filter.processInstanceKey(second).elementId("pick")))
        .extracting(ElementInstance::getElementName).containsExactly("Pick items");
    assertThat(search(filter -> filter.processDefinitionId(processId).elementName("No such element"))).isEmpty();
  }

  @Test
  void shouldSortAndPage() {
    String processId = uniqueId("ops");
    long instance = start(deploy(pickAndApprove(processId)), processId);
    complete(activate(processId + ".pick"));

    assertThat(client.newElementInstanceSearchRequest().filter(filter -> filter.processInstanceKey(instance))
            .sort(sort -> sort.elementId().asc()).send().join().items())
        .extracting(ElementInstance::getElementId).containsExactly("approve", "pick", "start");
    assertThat(client.newElementInstanceSearchRequest().filter(filter -> filter.processInstanceKey(instance))
            .sort(sort -> sort.startDate().desc()).send().join().items())
        .extracting(ElementInstance::getElementId).containsExactly("approve", "pick", "start");
    var page = client.newElementInstanceSearchRequest().filter(filter -> filter.processInstanceKey(instance))
        .page(p -> p.from(1).limit(1)).send().join();
    assertThat(page.items()).extracting(ElementInstance::getElementId).containsExactly("pick");
    assertThat(page.page().totalItems()).isEqualTo(3);
  }

  @Test
  void shouldGetAnElementInstanceByKeyAndAnswer404ForAnUnknownKey() {
    String processId = uniqueId("ops");
    long instance = start(deploy(pickAndApprove(processId)), processId);
    ActivatedJob pick = activate(processId + ".pick");

    ElementInstance element = client.newElementInstanceGetRequest(pick.getElementInstanceKey()).send().join();

    assertThat(element.getElementId()).isEqualTo("pick");
    assertThat(element.getProcessInstanceKey()).isEqualTo(instance);
    assertThat(element.getState()).isEqualTo(ElementInstanceState.ACTIVE);
    ProblemException missing = problemFrom(() -> client.newElementInstanceGetRequest(42L).send().join());
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.details().getDetail()).contains("element instance 42");
  }

  @Test
  void shouldFindTheElementWithAnIncidentAndTheIncidentsOfAnElement() {
    String processId = uniqueId("ops");
    long instance = start(deploy(pickAndApprove(processId)), processId);
    ActivatedJob pick = activate(processId + ".pick");
    client.newFailCommand(pick).retries(0).errorMessage("Bin A-12 is empty").send().join();

    List<ElementInstance> withIncident = search(filter -> filter.processInstanceKey(instance).hasIncident(true));
    List<Incident> incidents = client.newIncidentsByElementInstanceSearchRequest(pick.getElementInstanceKey())
        .send().join().items();

    assertThat(withIncident).extracting(ElementInstance::getElementInstanceKey)
        .containsExactly(pick.getElementInstanceKey());
    assertThat(incidents).extracting(Incident::getErrorMessage).containsExactly("Bin A-12 is empty");
    assertThat(withIncident.getFirst().getIncidentKey()).isEqualTo(incidents.getFirst().getIncidentKey());
    assertThat(search(filter -> filter.incidentKey(incidents.getFirst().getIncidentKey())))
        .extracting(ElementInstance::getElementId).containsExactly("pick");
    assertThat(client.newIncidentSearchRequest()
            .filter(filter -> filter.elementInstanceKey(pick.getElementInstanceKey())).send().join().items())
        .extracting(Incident::getIncidentKey).containsExactly(incidents.getFirst().getIncidentKey());
    assertThat(client.newIncidentsByProcessInstanceSearchRequest(instance).send().join().items())
        .extracting(Incident::getIncidentKey).containsExactly(incidents.getFirst().getIncidentKey());

    client.newUpdateRetriesCommand(pick.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidents.getFirst().getIncidentKey()).send().join();

    assertThat(search(filter -> filter.processInstanceKey(instance).hasIncident(true))).isEmpty();
  }

  @Test
  void shouldCountTheInstancesOfEachElementByState() {
    String processId = uniqueId("ops");
    DeploymentEvent deployment = deploy(pickAndApprove(processId));
    long definitionKey = deployment.getProcesses().getFirst().getProcessDefinitionKey();
    start(deployment, processId);
    complete(activate(processId + ".pick"));
    long canceled = start(deployment, processId);
    client.newCancelInstanceCommand(canceled).send().join();
    start(deployment, processId);
    client.newFailCommand(activate(processId + ".pick")).retries(0).errorMessage("no stock").send().join();

    List<ProcessElementStatistics> statistics =
        client.newProcessDefinitionElementStatisticsRequest(definitionKey).send().join();

    assertThat(statistics)
        .extracting(ProcessElementStatistics::getElementId, ProcessElementStatistics::getActive,
            ProcessElementStatistics::getCanceled, ProcessElementStatistics::getIncidents,
            ProcessElementStatistics::getCompleted)
        .containsExactly(
            tuple("approve", 1L, 0L, 0L, 0L),
            tuple("pick", 0L, 1L, 1L, 1L),
            tuple("start", 0L, 0L, 0L, 3L));
    HttpResponseAssert.status(rawGet("/v2/process-definitions/" + definitionKey + "/statistics/element-instances"),
        200, "\"elementId\":\"pick\"");
    HttpResponseAssert.status(rawGet("/v2/process-definitions/42/statistics/element-instances"), 404,
        "process definition 42");
  }

  @Test
  void shouldListTheSequenceFlowsAnInstanceTook() {
    String processId = uniqueId("ops");
    BpmnModelInstance model = pickAndApprove(processId);
    long instance = start(deploy(model), processId);
    complete(activate(processId + ".pick"));

    List<ProcessInstanceSequenceFlow> flows = client.newProcessInstanceSequenceFlowsRequest(instance).send().join();

    assertThat(flows).extracting(ProcessInstanceSequenceFlow::getSequenceFlowId)
        .containsExactly(flowInto(model, "pick"), flowInto(model, "approve"));
    assertThat(flows).allSatisfy(flow -> {
      assertThat(flow.getProcessInstanceKey()).isEqualTo(String.valueOf(instance));
      assertThat(flow.getProcessDefinitionId()).isEqualTo(processId);
    });
  }

  @Test
  void shouldRefuseAnUnknownStateOrSortFieldSayingWhatItTakes() {
    String body = "{\"filter\": {\"state\": \"RUNNING\"}}";
    HttpResponseAssert.status(rawPost("/v2/element-instances/search", "application/json", body), 400,
        "Expected filter 'state' to be one of [ACTIVE, COMPLETED, TERMINATED], but found 'RUNNING'");
    ProblemException sort = problemFrom(() -> client.newElementInstanceSearchRequest()
        .sort(s -> s.elementName().asc()).send().join());
    assertThat(sort.details().getDetail()).contains("Expected to sort element instances by one of",
        "but found 'elementName'");
  }

  private List<ElementInstance> search(Consumer<io.camunda.client.api.search.filter.ElementInstanceFilter> filter) {
    return client.newElementInstanceSearchRequest().filter(filter).send().join().items();
  }

  private long start(DeploymentEvent deployment, String processId) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
  }

  private ActivatedJob activate(String type) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs().getFirst();
  }

  private void complete(ActivatedJob job) {
    client.newCompleteCommand(job).send().join();
  }

  private static String flowInto(BpmnModelInstance model, String elementId) {
    return model.getModelElementsByType(SequenceFlow.class).stream()
        .filter(flow -> flow.getTarget().getId().equals(elementId)).findFirst().orElseThrow().getId();
  }

  static BpmnModelInstance pickAndApprove(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start").name("Order received")
        .serviceTask("pick").name("Pick items").zeebeJobType(processId + ".pick")
        .userTask("approve").name("Approve shipment").zeebeUserTask()
        .endEvent("end").name("Shipped")
        .done();
  }
}
