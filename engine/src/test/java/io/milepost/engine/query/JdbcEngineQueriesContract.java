package io.milepost.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.milepost.engine.api.ElementInstanceFilter;
import io.milepost.engine.api.ElementInstanceSort;
import io.milepost.engine.api.ElementInstanceState;
import io.milepost.engine.api.ElementInstanceView;
import io.milepost.engine.api.ElementStatistics;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.MessageSubscriptionFilter;
import io.milepost.engine.api.MessageSubscriptionView;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.JobView;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskSort;
import io.milepost.engine.api.VariableMatch;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.api.VariableFilter;
import io.milepost.engine.api.VariableView;
import io.milepost.engine.state.EventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The read side's behaviour, run against each store (H2 and PostgreSQL) by a subclass. */
abstract class JdbcEngineQueriesContract {

  private DataSource dataSource;
  private StoreFixture given;
  private JdbcEngineQueries queries;

  /** A freshly migrated, empty store for one test. */
  protected abstract DataSource emptyStore();

  @BeforeEach
  void setUp() {
    dataSource = emptyStore();
    given = new StoreFixture(dataSource);
    queries = new JdbcEngineQueries(dataSource, JsonMapper.builder().build());
  }

  @Test
  void shouldFindProcessInstancesByEachFilterField() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.processInstance(200, 1, "order", "COMPLETED", 0);
    given.processInstance(300, 2, "return", "ACTIVE", 1);

    // then
    assertThat(keys(queries.searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.defaults())))
        .containsExactly(100L, 200L, 300L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, "order", null, null, null, null, null), PageRequest.defaults())))
        .containsExactly(100L, 200L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, ProcessInstanceState.ACTIVE, null, null),
        PageRequest.defaults()))).containsExactly(100L, 300L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(200L, null, null, null, null, null, null), PageRequest.defaults())))
        .containsExactly(200L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, 2L, null, null, null, null), PageRequest.defaults())))
        .containsExactly(300L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, null, null, true), PageRequest.defaults())))
        .containsExactly(300L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, "order", null, null, ProcessInstanceState.TERMINATED, null, null),
        PageRequest.defaults()))).isEmpty();
  }

  @Test
  void shouldPageSortedByKeyWithTheTotalOfAllMatches() {
    // given
    for (long key = 10; key <= 50; key += 10) {
      given.processInstance(key, 1, "order", "ACTIVE", 0);
    }

    // when
    Page<ProcessInstanceView> second = queries.searchProcessInstances(
        ProcessInstanceFilter.all(), new PageRequest(2, 2, false));
    Page<ProcessInstanceView> newestFirst = queries.searchProcessInstances(
        ProcessInstanceFilter.all(), new PageRequest(0, 2, true));
    Page<ProcessInstanceView> pastTheEnd = queries.searchProcessInstances(
        ProcessInstanceFilter.all(), new PageRequest(10, 2, false));

    // then
    assertThat(keys(second)).containsExactly(30L, 40L);
    assertThat(second.totalItems()).isEqualTo(5);
    assertThat(keys(newestFirst)).containsExactly(50L, 40L);
    assertThat(pastTheEnd.items()).isEmpty();
    assertThat(pastTheEnd.totalItems()).isEqualTo(5);
  }

  @Test
  void shouldMapEveryProcessInstanceColumn() {
    // given
    given.processInstance(100, 7, "order", "COMPLETED", 2);

    // when
    ProcessInstanceView instance = queries.processInstance(100).orElseThrow();

    // then
    assertThat(instance).isEqualTo(new ProcessInstanceView(100, 7, "order", 1, ProcessInstanceState.COMPLETED,
        Instant.ofEpochMilli(StoreFixture.T0 + 100), Instant.ofEpochMilli(StoreFixture.T0 + 105), null, null, true,
        "<default>"));
    assertThat(queries.processInstance(999)).isEmpty();
  }

  @Test
  void shouldFindTheLatestVersionOfEachProcessDefinition() {
    // given
    given.processDefinition(11, "order", 1);
    given.processDefinition(12, "order", 2);
    given.processDefinition(21, "return", 1);

    // when
    Page<ProcessDefinitionView> latest = queries.searchProcessDefinitions(
        new ProcessDefinitionFilter(null, null, null, true), PageRequest.defaults());
    Page<ProcessDefinitionView> orderV1 = queries.searchProcessDefinitions(
        new ProcessDefinitionFilter(null, "order", 1, null), PageRequest.defaults());

    // then
    assertThat(latest.items()).extracting(ProcessDefinitionView::key).containsExactly(12L, 21L);
    assertThat(latest.totalItems()).isEqualTo(2);
    assertThat(orderV1.items()).singleElement()
        .isEqualTo(new ProcessDefinitionView(11, "order", "order v1", 1, "order.bpmn", 10, "<default>"));
    assertThat(queries.processDefinition(21)).map(ProcessDefinitionView::bpmnProcessId).contains("return");
    assertThat(queries.processDefinitionXml(12)).contains("<definitions id='order-2'/>");
    assertThat(queries.processDefinitionXml(99)).isEmpty();
  }

  @Test
  void shouldSeeTheNearestScopesVariableFirst() {
    // given a process instance 100 with a sub-process 101 holding a task 102
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.elementInstance(101, 100, 100L, "sub", "SUB_PROCESS");
    given.elementInstance(102, 100, 101L, "task", "SERVICE_TASK");
    given.variable(1, 100, 100, "orderId", "\"A-1\"");
    given.variable(2, 100, 100, "weight", "12.5");
    given.variable(3, 101, 100, "weight", "3");
    given.variable(4, 102, 100, "parcel", "{\"id\":\"P-9\",\"items\":[1,2]}");
    given.variable(5, 100, 100, "express", "true");
    given.variable(6, 100, 100, "note", "null");

    // when
    Map<String, Object> atTask = queries.visibleVariables(102);
    Map<String, Object> atProcess = queries.visibleVariables(100);

    // then
    assertThat(atTask).containsOnlyKeys("orderId", "weight", "parcel", "express", "note");
    assertThat(atTask).containsEntry("weight", 3).containsEntry("orderId", "A-1").containsEntry("express", true)
        .containsEntry("note", null).containsEntry("parcel", Map.of("id", "P-9", "items", List.of(1, 2)));
    assertThat(atProcess).containsEntry("weight", 12.5).doesNotContainKey("parcel");
    assertThat(queries.visibleVariables(999)).isEmpty();
  }

  @Test
  void shouldSearchVariablesByInstanceScopeAndName() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.processInstance(200, 1, "order", "ACTIVE", 0);
    given.variable(1, 100, 100, "orderId", "\"A-1\"");
    given.variable(2, 200, 200, "orderId", "\"B-2\"");
    given.variable(3, 201, 200, "orderId", "\"B-3\"");

    // then
    assertThat(queries.searchVariables(new VariableFilter(200L, null, "orderId"), PageRequest.defaults()).items())
        .extracting(VariableView::valueJson).containsExactly("\"B-2\"", "\"B-3\"");
    assertThat(queries.searchVariables(new VariableFilter(null, 201L, null), PageRequest.defaults()).items())
        .singleElement().isEqualTo(new VariableView(3, "orderId", "\"B-3\"", 201, 200, "<default>"));
  }

  @Test
  void shouldFindUserTasksByCandidateGroupOnlyOnAnExactMatch() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.userTask(10, 100, "CREATED", null, "[\"ops\",\"leads\"]");
    given.userTask(20, 100, "CREATED", "bob", "[\"ops-night\"]");
    given.userTask(30, 100, "COMPLETED", "bob", "[\"ops_\"]");

    // then
    assertThat(userTaskKeys(new UserTaskFilter(null, null, null, "ops", null, null, null, null))).containsExactly(10L);
    assertThat(userTaskKeys(new UserTaskFilter(null, null, null, "ops_", null, null, null, null)))
        .containsExactly(30L);
    assertThat(userTaskKeys(new UserTaskFilter(null, UserTaskState.CREATED, "bob", null, null, null, null, null)))
        .containsExactly(20L);
    assertThat(userTaskKeys(new UserTaskFilter(null, null, null, null, "ana", 100L, "order", "check")))
        .containsExactly(10L, 20L, 30L);
  }

  @Test
  void shouldFindUserTasksByTheirOwnVariablesAndAssignmentSortedByDueDateOrPriority() {
    // given: tasks 10, 20, 30 at site fc-1 or fc-2 (their element's siteId), with due dates and priorities
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.userTask(10, 100, "CREATED", null, "[]");
    given.userTask(20, 100, "CREATED", "bob", "[\"ops\",\"leads\"]");
    given.userTask(30, 100, "CREATED", null, "[\"ops\"]");
    given.userTask(40, 100, "COMPLETED", null, "[\"done\"]");
    given.variable(1, 11, 100, "siteId", "\"fc-1\"");
    given.variable(2, 21, 100, "siteId", "\"fc-2\"");
    given.variable(3, 31, 100, "siteId", "\"fc-1\"");
    given.variable(4, 100, 100, "siteId", "\"fc-2\"");
    given.userTaskDueAndPriority(10, null, 90);
    given.userTaskDueAndPriority(20, "2026-01-02T10:00:00Z", 10);
    given.userTaskDueAndPriority(30, "2026-01-01T10:00:00Z", 50);
    UserTaskFilter open = UserTaskFilter.all();
    UserTaskFilter atFc1 = new UserTaskFilter(null, UserTaskState.CREATED, null, null, null, null, null, null, null,
        List.of(VariableMatch.oneOf("siteId", List.of("fc-1"))));
    UserTaskFilter unassigned = new UserTaskFilter(null, UserTaskState.CREATED, null, null, null, null, null, null,
        false, List.of(VariableMatch.oneOf("siteId", List.of("fc-1", "fc-2"))));

    // then: the task's own siteId decides, not the instance's
    assertThat(userTaskKeys(atFc1)).containsExactly(10L, 30L);
    assertThat(userTaskKeys(unassigned)).containsExactly(10L, 30L);
    assertThat(userTaskKeys(new UserTaskFilter(null, null, null, null, null, null, null, null, null,
        List.of(VariableMatch.oneOf("siteId", List.of()))))).isEmpty();
    assertThat(sortedKeys(open, UserTaskSort.ascending(UserTaskSort.Field.DUE_DATE))).containsExactly(30L, 20L, 10L, 40L);
    assertThat(sortedKeys(open, UserTaskSort.descending(UserTaskSort.Field.PRIORITY))).containsExactly(10L, 40L, 30L, 20L);
    assertThat(queries.userTaskCandidateGroups(UserTaskState.CREATED)).containsExactly("leads", "ops");
  }

  @Test
  void shouldFindProcessInstancesByBusinessIdVariablesRootOnlyAndStartTime() {
    // given: an order o-1 at fc-1 (a step's local siteId), o-10 at fc-2, and a child instance of the first
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.processInstance(200, 1, "order", "ACTIVE", 0);
    given.processInstance(300, 1, "order", "ACTIVE", 0);
    given.childOf(300, 100);
    given.variable(1, 100, 100, "order", "{\"orderId\":\"o-1\",\"items\":[]}");
    given.variable(2, 200, 200, "order", "{\"orderId\":\"o-10\"}");
    given.variable(3, 150, 100, "siteId", "\"fc-1\"");
    given.variable(4, 250, 200, "siteId", "\"fc-2\"");
    given.variable(5, 300, 300, "note", "\"o-1\"");
    given.businessId(100, "order.orderId", "o-1");
    given.businessId(200, "order.orderId", "o-10");
    given.businessId(200, "parcel.trackingId", "t-7");

    // then: a business id matches exactly, whichever path recorded it
    assertThat(keys(queries.searchProcessInstances(byBusinessId("o-1"), PageRequest.defaults()))).containsExactly(100L);
    assertThat(keys(queries.searchProcessInstances(byBusinessId("t-7"), PageRequest.defaults()))).containsExactly(200L);
    assertThat(keys(queries.searchProcessInstances(byBusinessId("o-"), PageRequest.defaults()))).isEmpty();
    assertThat(keys(queries.searchProcessInstances(instances(null, null, null,
        VariableMatch.oneOf("siteId", List.of("fc-2"))), PageRequest.defaults()))).containsExactly(200L);
    assertThat(keys(queries.searchProcessInstances(instances(true, null, null), PageRequest.defaults())))
        .containsExactly(100L, 200L);
    assertThat(keys(queries.searchProcessInstances(instances(null, StoreFixture.T0 + 200, StoreFixture.T0 + 300),
        PageRequest.defaults()))).containsExactly(200L);
  }

  private static ProcessInstanceFilter instances(Boolean rootOnly, Long fromMillis, Long beforeMillis,
      VariableMatch... variables) {
    return new ProcessInstanceFilter(null, null, null, null, null, null, null, rootOnly,
        fromMillis == null ? null : Instant.ofEpochMilli(fromMillis),
        beforeMillis == null ? null : Instant.ofEpochMilli(beforeMillis), null, List.of(variables));
  }

  private static ProcessInstanceFilter byBusinessId(String id) {
    return new ProcessInstanceFilter(null, null, null, null, null, null, null, null, null, null, id, null);
  }

  private List<Long> sortedKeys(UserTaskFilter filter, UserTaskSort sort) {
    return queries.searchUserTasks(filter, List.of(sort), PageRequest.defaults()).items().stream()
        .map(UserTaskView::key).toList();
  }

  @Test
  void shouldMapUserTaskJsonColumns() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.userTask(10, 100, "CREATED", "bob", "[\"ops\",\"leads\"]");

    // when
    UserTaskView task = queries.userTask(10).orElseThrow();

    // then
    assertThat(task.candidateGroups()).containsExactly("ops", "leads");
    assertThat(task.candidateUsers()).containsExactly("ana");
    assertThat(task.customHeaders()).containsExactly(Map.entry("site", "DS-1"));
    assertThat(task.priority()).isEqualTo(60);
    assertThat(task.formKey()).isEqualTo("form-7");
    assertThat(task.completionDate()).isNull();
    assertThat(task.elementInstanceKey()).isEqualTo(11);
  }

  @Test
  void shouldSearchIncidentsAndJobs() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 1);
    given.elementInstance(101, 100, 100L, "pick", "SERVICE_TASK");
    given.elementInstance(102, 100, 100L, "pack", "SERVICE_TASK");
    given.job(50, "fulfillment.pick", "FAILED", 100, 101);
    given.job(60, "fulfillment.pack", "ACTIVATED", 100, 102);
    given.incident(70, 100, "ACTIVE", 50L);
    given.incident(80, 100, "RESOLVED", null);

    // when
    Page<IncidentView> active = queries.searchIncidents(
        new IncidentFilter(null, 100L, "order", "JOB_NO_RETRIES", IncidentState.ACTIVE, null, null),
        PageRequest.defaults());
    Page<JobView> activated = queries.searchJobs(
        new JobFilter(null, null, JobState.ACTIVATED, 100L), PageRequest.defaults());

    // then
    assertThat(active.items()).singleElement().satisfies(incident -> {
      assertThat(incident.key()).isEqualTo(70);
      assertThat(incident.jobKey()).isEqualTo(50);
      assertThat(incident.errorMessage()).isEqualTo("No more retries left.");
      assertThat(incident.creationTime()).isEqualTo(Instant.ofEpochMilli(StoreFixture.T0 + 70));
    });
    assertThat(queries.incident(80)).get().extracting(IncidentView::jobKey).isNull();
    assertThat(activated.items()).singleElement().satisfies(job -> {
      assertThat(job.type()).isEqualTo("fulfillment.pack");
      assertThat(job.worker()).isEqualTo("worker-1");
      assertThat(job.deadline()).isEqualTo(Instant.ofEpochMilli(StoreFixture.T0 + 60_000));
    });
    assertThat(queries.searchJobs(new JobFilter(null, "fulfillment.pick", null, null), PageRequest.defaults())
        .items()).extracting(JobView::deadline).containsExactly((Instant) null);
  }

  @Test
  void shouldSearchElementInstancesWithNamesFromTheModelAndCountThemPerElement() {
    // given
    given.processDefinitionWithXml(1, "order", "<bpmn:definitions xmlns:bpmn='http://www.omg.org/spec/BPMN/20100524/MODEL'"
        + " id='d' targetNamespace='t'><bpmn:process id='order' isExecutable='true'>"
        + "<bpmn:serviceTask id='pick' name='Pick items'/><bpmn:userTask id='check' name='Check parcel'/>"
        + "</bpmn:process></bpmn:definitions>");
    given.processInstance(100, 1, "order", "ACTIVE", 1);
    given.elementInstance(101, 100, "pick", "SERVICE_TASK", "COMPLETED", null);
    given.elementInstance(102, 100, "check", "USER_TASK", "ACTIVATED", 900L);
    given.processInstance(200, 1, "order", "TERMINATED", 0);
    given.elementInstance(201, 200, "pick", "SERVICE_TASK", "TERMINATED", null);
    given.processInstance(300, 1, "order", "ACTIVE", 0);
    given.elementInstance(301, 300, "pick", "SERVICE_TASK", "ACTIVATED", null);

    // then
    assertThat(queries.searchElementInstances(new ElementInstanceFilter(null, null, 1L, null, null, "Pick items",
            null, ElementInstanceState.ACTIVE, null, null, null), List.of(), PageRequest.defaults()).items())
        .extracting(ElementInstanceView::key, ElementInstanceView::elementName).containsExactly(tuple(301L, "Pick items"));
    assertThat(queries.searchElementInstances(new ElementInstanceFilter(null, null, null, "order", null, null, null,
            null, true, null, null), List.of(), PageRequest.defaults()).items())
        .extracting(ElementInstanceView::key, ElementInstanceView::incidentKey).containsExactly(tuple(102L, 900L));
    assertThat(queries.searchElementInstances(ElementInstanceFilter.all(),
            List.of(new ElementInstanceSort(ElementInstanceSort.Field.STATE, true)), new PageRequest(0, 3, false)))
        .satisfies(page -> {
          assertThat(page.items()).extracting(ElementInstanceView::key).containsExactly(201L, 101L, 301L);
          assertThat(page.totalItems()).isEqualTo(4);
        });
    assertThat(queries.elementInstance(100)).as("the process itself is no element instance here").isEmpty();
    assertThat(queries.elementStatistics(1)).containsExactly(
        new ElementStatistics("check", 0, 0, 0, 1), new ElementStatistics("pick", 1, 1, 1, 0));
  }

  @Test
  void shouldListTakenSequenceFlowsOnceAndOpenMessageSubscriptions() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.elementInstance(102, 100, "waitForPayment", "INTERMEDIATE_CATCH_EVENT", "ACTIVATED", null);
    given.sequenceFlowTaken(1, 100, "toLoop");
    given.sequenceFlowTaken(2, 100, "back");
    given.sequenceFlowTaken(3, 100, "toLoop");
    given.messageSubscription(500, "payment", "o-1", "waitForPayment", 102, 100);

    // then
    assertThat(queries.takenSequenceFlows(100)).containsExactly("toLoop", "back");
    assertThat(queries.searchMessageSubscriptions(new MessageSubscriptionFilter(null, 100L, null, null, null, null,
        "payment", "o-1"), PageRequest.defaults()).items())
        .extracting(MessageSubscriptionView::key, MessageSubscriptionView::createdDate)
        .containsExactly(tuple(500L, Instant.ofEpochMilli(StoreFixture.T0 + 102)));
    assertThat(queries.searchMessageSubscriptions(new MessageSubscriptionFilter(null, null, null, null, null, null,
        "refund", null), PageRequest.defaults()).items()).isEmpty();
  }

  @Test
  void shouldListElementInstancesAndEventsInOrder() {
    // given
    given.processInstance(100, 1, "order", "ACTIVE", 0);
    given.elementInstance(102, 100, 100L, "task", "SERVICE_TASK");
    given.event(100, "PROCESS_INSTANCE", "ELEMENT_ACTIVATING", 100);
    given.event(102, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", 100);
    given.event(500, "PROCESS_INSTANCE", "ELEMENT_ACTIVATING", 500);

    // when
    List<EngineEvent> ofInstance = queries.events(100);
    List<EngineEvent> afterFirst = queries.eventsAfter(ofInstance.getFirst().position(), 10);

    // then
    assertThat(queries.elementInstances(100)).extracting(e -> e.elementId() + "<" + e.flowScopeKey())
        .containsExactly("order<null", "task<100");
    assertThat(ofInstance).extracting(EngineEvent::intent).containsExactly("ELEMENT_ACTIVATING", "ELEMENT_ACTIVATED");
    assertThat(afterFirst).extracting(EngineEvent::key).containsExactly(102L, 500L);
    assertThat(queries.eventsAfter(ofInstance.getFirst().position(), 1)).hasSize(1);
  }

  @Test
  void shouldReadPackedEventsInTheOrderWrittenAfterRowsOfOneEvent() {
    // given: a row written before packing, then a command whose events alternate between two instances and none
    given.event(100, "PROCESS_INSTANCE", "ELEMENT_ACTIVATING", 100);
    given.eventsOfOneCommand(List.of(
        entry(101, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", 100, "order", "PROCESS", "{\"a\":\"1:b,-\"}"),
        entry(102, "PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", 100, "toPick", "SEQUENCE_FLOW", null),
        entry(103, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", 100, "order", "PROCESS", null),
        entry(200, "PROCESS_INSTANCE", "ELEMENT_ACTIVATING", 200, "order", "PROCESS", null),
        entry(300, "MESSAGE", "PUBLISHED", -1, null, null, null),
        entry(104, "PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", 100, "toPack", "SEQUENCE_FLOW", null),
        entry(105, "PROCESS_INSTANCE", "SEQUENCE_FLOW_TAKEN", 100, "toPick", "SEQUENCE_FLOW", null)));

    // when
    List<EngineEvent> all = queries.eventsAfter(0, 100);
    List<EngineEvent> ofInstance = queries.events(100);

    // then: one row per run of one instance's events, read back as the events they hold, in the order written
    assertThat(given.eventLogRows()).isEqualTo(5);
    assertThat(ofInstance).extracting(EngineEvent::key).containsExactly(100L, 101L, 102L, 103L, 104L, 105L);
    assertThat(ofInstance.get(1).payloadJson()).isEqualTo("{\"a\":\"1:b,-\"}");
    assertThat(ofInstance.get(1).timestamp()).isEqualTo(Instant.ofEpochMilli(StoreFixture.T0 + 101));
    assertThat(ofInstance).extracting(EngineEvent::processInstanceKey).containsOnly(100L);
    assertThat(all).extracting(EngineEvent::key).containsExactly(100L, 101L, 102L, 103L, 200L, 300L, 104L, 105L);
    assertThat(all).extracting(EngineEvent::position).isSorted().doesNotHaveDuplicates();
    assertThat(queries.takenSequenceFlows(100)).containsExactly("toPick", "toPack");
    assertThat(queries.lastEventPosition()).isEqualTo(all.getLast().position());
  }

  @Test
  void shouldStartReadingAfterAPositionInsideAPackedRow() {
    // given
    given.eventsOfOneCommand(List.of(
        entry(101, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", 100, "order", "PROCESS", null),
        entry(102, "PROCESS_INSTANCE", "ELEMENT_ACTIVATING", 100, "pick", "SERVICE_TASK", null),
        entry(103, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", 100, "pick", "SERVICE_TASK", null)));
    given.eventsOfOneCommand(List.of(
        entry(201, "PROCESS_INSTANCE", "ELEMENT_ACTIVATED", 200, "order", "PROCESS", null)));
    long second = queries.events(100).get(1).position();

    // then
    assertThat(queries.eventsAfter(second, 10)).extracting(EngineEvent::key).containsExactly(103L, 201L);
    assertThat(queries.eventsAfter(second, 1)).extracting(EngineEvent::key).containsExactly(103L);
    assertThat(queries.eventsAfter(second, Integer.MAX_VALUE)).extracting(EngineEvent::key)
        .containsExactly(103L, 201L);
    assertThat(queries.eventsAfter(queries.lastEventPosition(), 10)).isEmpty();
  }

  @Test
  void shouldFindTheEventsOfOneKindWherePackedBetweenTwoPositions() {
    // given: a terminated process in a row of its own, and one among other events of its command
    given.eventsOfOneCommand(List.of(
        entry(90, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", 90, "order", "PROCESS", null)));
    long before = queries.lastEventPosition();
    given.eventsOfOneCommand(List.of(
        entry(101, "PROCESS_INSTANCE", "ELEMENT_TERMINATING", 100, "order", "PROCESS", null),
        entry(102, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", 100, "pick", "SERVICE_TASK", null),
        entry(103, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", 100, "order", "PROCESS", null)));
    long after = queries.lastEventPosition();
    given.eventsOfOneCommand(List.of(
        entry(201, "PROCESS_INSTANCE", "ELEMENT_TERMINATED", 200, "order", "PROCESS", null)));

    // then
    assertThat(queries.eventsBetween(0, after, "ELEMENT_TERMINATED", "PROCESS")).extracting(EngineEvent::key)
        .containsExactly(90L, 103L);
    assertThat(queries.eventsBetween(before, after, "ELEMENT_TERMINATED", "PROCESS")).extracting(EngineEvent::key)
        .containsExactly(103L);
    assertThat(queries.eventsBetween(after, queries.lastEventPosition(), "ELEMENT_TERMINATED", "PROCESS"))
        .extracting(EngineEvent::key).containsExactly(201L);
  }

  @Test
  void shouldSplitALongRunOfEventsAndKeepALargePayloadInARowOfItsOwn() {
    // given: more events of one instance than a row holds, and a payload too large to pack
    List<EventLog.Entry> events = new ArrayList<>();
    for (long key = 1; key <= 600; key++) {
      events.add(entry(key, "VARIABLE", "CREATED", 100, null, null, "{\"n\":" + key + "}"));
    }
    String large = "{\"note\":\"" + "x".repeat(EventLog.MAX_PACKED_PAYLOAD) + "\"}";
    events.add(150, entry(1000, "VARIABLE", "CREATED", 100, null, null, large));
    given.eventsOfOneCommand(events);

    // when
    List<EngineEvent> read = queries.events(100);

    // then: 150 events, the large one with the next 255 (a row's most), then the last 195
    assertThat(given.eventLogRows()).isEqualTo(3);
    assertThat(read).extracting(EngineEvent::key).containsExactlyElementsOf(events.stream().map(EventLog.Entry::key)
        .toList());
    assertThat(read.get(150).payloadJson()).isEqualTo(large);
    assertThat(read).extracting(EngineEvent::position).isSorted().doesNotHaveDuplicates();
  }

  private static EventLog.Entry entry(long key, String valueType, String intent, long processInstanceKey,
      String elementId, String elementType, String payloadJson) {
    return new EventLog.Entry(key, valueType, intent, processInstanceKey, elementId, elementType,
        StoreFixture.T0 + key, payloadJson);
  }

  @Test
  void shouldCountAtMostTheBoundAndSayThereAreMore() {
    // given
    JdbcEngineQueries boundedAtThree = new JdbcEngineQueries(dataSource, JsonMapper.builder().build(), 3);
    for (long key = 10; key <= 50; key += 10) {
      given.processInstance(key, 1, "order", "COMPLETED", 0);
    }
    for (long key = 110; key <= 130; key += 10) {
      given.processInstance(key, 1, "return", "COMPLETED", 0);
    }

    // when
    Page<ProcessInstanceView> overTheBound = boundedAtThree.searchProcessInstances(
        new ProcessInstanceFilter(null, "order", null, null, ProcessInstanceState.COMPLETED, null, null),
        new PageRequest(0, 2, true));
    Page<ProcessInstanceView> atTheBound = boundedAtThree.searchProcessInstances(
        new ProcessInstanceFilter(null, "return", null, null, null, null, null), PageRequest.first(2));
    Page<ProcessInstanceView> lastPage = boundedAtThree.searchProcessInstances(
        new ProcessInstanceFilter(null, "order", null, null, null, null, null), new PageRequest(4, 2, false));
    Page<ProcessInstanceView> pastTheEnd = boundedAtThree.searchProcessInstances(
        new ProcessInstanceFilter(null, "order", null, null, null, null, null), new PageRequest(9, 2, false));

    // then
    assertThat(keys(overTheBound)).containsExactly(50L, 40L);
    assertThat(overTheBound.totalItems()).isEqualTo(3);
    assertThat(overTheBound.hasMoreTotalItems()).isTrue();
    assertThat(keys(atTheBound)).containsExactly(110L, 120L);
    assertThat(atTheBound.totalItems()).isEqualTo(3);
    assertThat(atTheBound.hasMoreTotalItems()).isFalse();
    // a page that ends before its limit holds the last match: its total is exact, even beyond the bound
    assertThat(keys(lastPage)).containsExactly(50L);
    assertThat(lastPage.totalItems()).isEqualTo(5);
    assertThat(lastPage.hasMoreTotalItems()).isFalse();
    assertThat(pastTheEnd.items()).isEmpty();
    assertThat(pastTheEnd.totalItems()).isEqualTo(3);
    assertThat(pastTheEnd.hasMoreTotalItems()).isTrue();
  }

  @Test
  void shouldPageEachFilterInKeyOrderBothWays() {
    // given: matches interleaved with rows of other process ids, states and types
    for (long key = 100; key < 120; key++) {
      String processId = key % 2 == 0 ? "order" : "return";
      String state = key % 3 == 0 ? "ACTIVE" : "COMPLETED";
      given.processInstance(key, key % 4 == 0 ? 1 : 2, processId, state, 0);
      given.job(1000 + key, key % 5 == 0 ? "ship" : "pack", key % 3 == 0 ? "CREATED" : "COMPLETED", key, key);
      given.userTask(2000 + key, key, key % 3 == 0 ? "CREATED" : "COMPLETED", null, "[]");
      given.incident(3000 + key, key, key % 3 == 0 ? "ACTIVE" : "RESOLVED", null);
    }

    // then: completed "order" instances are 100, 104, 106, 110, 112, 116, 118
    ProcessInstanceFilter completedOrders =
        new ProcessInstanceFilter(null, "order", null, null, ProcessInstanceState.COMPLETED, null, null);
    assertThat(keys(queries.searchProcessInstances(completedOrders, new PageRequest(0, 3, true))))
        .containsExactly(118L, 116L, 112L);
    assertThat(keys(queries.searchProcessInstances(completedOrders, new PageRequest(3, 3, true))))
        .containsExactly(110L, 106L, 104L);
    assertThat(keys(queries.searchProcessInstances(completedOrders, new PageRequest(1, 3, false))))
        .containsExactly(104L, 106L, 110L);
    assertThat(queries.searchProcessInstances(completedOrders, new PageRequest(0, 3, true)).totalItems())
        .isEqualTo(7);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, null, null, ProcessInstanceState.ACTIVE, null, null),
        new PageRequest(0, 4, true)))).containsExactly(117L, 114L, 111L, 108L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, "return", null, null, null, null, null), new PageRequest(0, 3, true))))
        .containsExactly(119L, 117L, 115L);
    assertThat(keys(queries.searchProcessInstances(
        new ProcessInstanceFilter(null, null, 1L, null, null, null, null), new PageRequest(0, 10, true))))
        .containsExactly(116L, 112L, 108L, 104L, 100L);
    assertThat(queries.searchJobs(new JobFilter(null, "pack", JobState.COMPLETED, null), new PageRequest(0, 4, true))
        .items()).extracting(JobView::key).containsExactly(1119L, 1118L, 1116L, 1113L);
    assertThat(queries.searchJobs(new JobFilter(null, "ship", JobState.CREATED, null), PageRequest.defaults())
        .items()).extracting(JobView::key).containsExactly(1105L);
    assertThat(queries.searchUserTasks(
        new UserTaskFilter(null, UserTaskState.CREATED, null, null, null, null, null, null),
        new PageRequest(1, 2, true)).items()).extracting(UserTaskView::key).containsExactly(2114L, 2111L);
    assertThat(queries.searchIncidents(
        new IncidentFilter(null, null, null, null, IncidentState.RESOLVED, null, null), new PageRequest(0, 3, false))
        .items()).extracting(IncidentView::key).containsExactly(3100L, 3101L, 3103L);
  }

  private List<Long> keys(Page<ProcessInstanceView> page) {
    return page.items().stream().map(ProcessInstanceView::key).toList();
  }

  private List<Long> userTaskKeys(UserTaskFilter filter) {
    return queries.searchUserTasks(filter, PageRequest.defaults()).items().stream().map(UserTaskView::key).toList();
  }
}
