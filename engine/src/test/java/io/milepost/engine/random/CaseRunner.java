package io.milepost.engine.random;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.ElementInstanceView;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.JobView;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.api.UpdateJob;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.random.Blocks.Block;
import io.milepost.engine.random.Blocks.MultiInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One generated case: a random model, one instance of it, and random commands until it ends (or
 * the step limit, then it is cancelled). After every command the invariants and the model's
 * expectations are checked; the first violation fails the case with its seed and command log.
 */
final class CaseRunner {

  static final int MAX_STEPS = 40;

  private final EngineUnderTest engine;
  private final long seed;
  private Random random;
  private final String processId;
  private final String jobType;
  private final List<String> log = new ArrayList<>();
  private Block root;
  private BpmnModelInstance model;
  private Expectations expectations;
  private InvariantChecker checker;
  private long instance;
  private long lastCheckedPosition = -1;

  CaseRunner(EngineUnderTest engine, long seed, int index) {
    this.engine = engine;
    this.seed = seed;
    this.processId = "random-" + index;
    this.jobType = "work-" + index;
  }

  /**
   * Generates and deploys the model of this seed, then runs {@code runs} instances of it, each with
   * its own random commands. Returns the number of commands sent; throws an AssertionError naming
   * the seed on the first violation.
   */
  int run(int modelBudget, int runs) {
    Random modelRandom = new Random(seed);
    root = new ModelGenerator(modelRandom, modelBudget).generate();
    model = new ModelEmitter(processId, jobType).emit(root);
    try {
      engine.deploy(model);
    } catch (RuntimeException e) {
      throw failure("Expected the generated model to deploy, but it was rejected: " + e.getMessage());
    }
    checker = new InvariantChecker(engine, joins(model));
    int commands = 0;
    for (int run = 0; run < runs; run++) {
      random = new Random(seed * 31 + run);
      log.clear();
      log.add("run " + run);
      lastCheckedPosition = -1;
      commands += runInstance();
    }
    return commands;
  }

  private int runInstance() {
    int x = random.nextInt(10);
    int y = random.nextInt(10);
    expectations = new Expectations(root, x, y);
    instance = engine.engine().createProcessInstance(CreateProcessInstance.latest(processId, Map.of("x", x, "y", y)))
        .processInstanceKey();
    log.add("create instance " + instance + " with x=" + x + ", y=" + y);
    int steps = 0;
    InvariantChecker.Snapshot snapshot = verify();
    while (snapshot.state() == ProcessInstanceState.ACTIVE && steps < MAX_STEPS) {
      if (!step(snapshot)) {
        break;
      }
      steps++;
      snapshot = verify();
    }
    if (snapshot.state() == ProcessInstanceState.ACTIVE) {
      log.add("cancel");
      engine.engine().cancelProcessInstance(instance);
      steps++;
      verify();
    }
    return steps;
  }

  private static Map<String, List<String>> joins(BpmnModelInstance model) {
    Map<String, List<String>> joins = new HashMap<>();
    for (ParallelGateway gateway : model.getModelElementsByType(ParallelGateway.class)) {
      if (gateway.getIncoming().size() > 1) {
        joins.put(gateway.getId(), gateway.getIncoming().stream().map(SequenceFlow::getId).toList());
      }
    }
    return joins;
  }

  /** Sends one random command; false when nothing can move the instance any more. */
  private boolean step(InvariantChecker.Snapshot s) {
    List<JobView> jobs = s.jobs();
    if (s.jobs().stream().anyMatch(j -> j.state() != JobState.ACTIVATED && InvariantChecker.isOpen(j))) {
      engine.engine().activateJobs(new ActivateJobs(jobType, "random-worker", Duration.ofMinutes(30), 100, List.of()));
      jobs = checker.jobs(instance);
    }
    jobs = jobs.stream().filter(j -> j.state() == JobState.ACTIVATED).toList();
    List<UserTaskView> userTasks = s.userTasks().stream().filter(t -> t.state() == UserTaskState.CREATED).toList();
    List<IncidentView> jobIncidents = s.incidents().stream().filter(i -> i.jobKey() != null).toList();
    boolean waiting = !s.timerOwners().isEmpty() || s.jobs().stream().anyMatch(InvariantChecker::isOpen);
    if (jobs.isEmpty() && userTasks.isEmpty() && jobIncidents.isEmpty() && !waiting) {
      return false;
    }
    int roll = random.nextInt(100);
    try {
      if (roll < 2) {
        log.add("cancel");
        engine.engine().cancelProcessInstance(instance);
      } else if (roll < 45 && !jobs.isEmpty()) {
        completeJob(pick(jobs));
      } else if (roll < 55 && !jobs.isEmpty()) {
        failJob(pick(jobs));
      } else if (roll < 67 && !jobs.isEmpty()) {
        throwError(pick(jobs));
      } else if (roll < 80 && !userTasks.isEmpty()) {
        completeUserTask(pick(userTasks));
      } else if (roll < 86 && !jobIncidents.isEmpty()) {
        resolve(pick(jobIncidents));
      } else {
        int minutes = 5 + random.nextInt(126);
        log.add("advance clock " + minutes + "m, process due work");
        engine.clock.advance(Duration.ofMinutes(minutes));
        engine.engine().processDueWork();
      }
    } catch (RejectionException e) {
      throw failure("Expected the command to be accepted, but it was rejected: " + e.getMessage());
    } catch (RuntimeException e) {
      AssertionError error = failure("Expected the command to succeed, but it threw " + e);
      error.initCause(e);
      throw error;
    }
    return true;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private Map<String, Object> randomVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      variables.put("x", random.nextInt(10));
    }
    if (random.nextBoolean()) {
      variables.put("y", random.nextInt(10));
    }
    return variables;
  }

  private void completeJob(JobView job) {
    Map<String, Object> variables = randomVariables();
    log.add("complete job " + job.key() + " of '" + job.elementId() + "' with " + variables);
    engine.engine().completeJob(job.key(), variables);
    expectations.taskCompleted(job.elementId(), variables);
  }

  private void failJob(JobView job) {
    int retries = job.retries() - 1;
    Duration backOff = random.nextBoolean() ? Duration.ZERO : Duration.ofMinutes(10);
    log.add("fail job " + job.key() + " of '" + job.elementId() + "' with " + retries + " retries left, back-off " + backOff);
    engine.engine().failJob(new FailJob(job.key(), retries, "failed by the random worker", backOff, Map.of("note", "failed")));
  }

  private void throwError(JobView job) {
    String code = random.nextInt(5) == 0 ? "E3" : ModelGenerator.ERROR_CODES[random.nextInt(2)];
    Map<String, Object> variables = Map.of("x", random.nextInt(10));
    log.add("throw error " + code + " for job " + job.key() + " of '" + job.elementId() + "' with " + variables);
    long from = lastCheckedPosition;
    engine.engine().throwError(new ThrowError(job.key(), code, "thrown by the random worker", variables));
    Optional<String> catcher = expectations.catcher(job.elementId(), code);
    List<String> activated = engine.engine().queries().events(instance).stream()
        .filter(e -> e.position() > from && e.intent().equals("ELEMENT_ACTIVATING")).map(EngineEvent::elementId).toList();
    if (catcher.isPresent()) {
      if (!activated.contains(catcher.get())) {
        throw failure("Expected error " + code + " to be caught by '" + catcher.get() + "', but the activated elements were " + activated);
      }
      expectations.errorCaught(variables);
    } else if (!hasUnhandledErrorIncident(job.key())) {
      throw failure("Expected error " + code + " to be uncaught (an incident), but there is no UNHANDLED_ERROR_EVENT incident for job "
          + job.key() + "; activated: " + activated);
    }
  }

  private boolean hasUnhandledErrorIncident(long jobKey) {
    return checker.read(instance).incidents().stream()
        .anyMatch(i -> Long.valueOf(jobKey).equals(i.jobKey()) && i.errorType().equals("UNHANDLED_ERROR_EVENT"));
  }

  private void completeUserTask(UserTaskView task) {
    Map<String, Object> variables = randomVariables();
    log.add("complete user task " + task.key() + " of '" + task.elementId() + "' with " + variables);
    engine.engine().completeUserTask(task.key(), variables, null);
    expectations.taskCompleted(task.elementId(), variables);
  }

  private void resolve(IncidentView incident) {
    log.add("resolve incident " + incident.key() + " (" + incident.errorType() + ") of job " + incident.jobKey());
    if (incident.errorType().equals("JOB_NO_RETRIES")) {
      engine.engine().updateJob(new UpdateJob(incident.jobKey(), 1, null));
    }
    engine.engine().resolveIncident(incident.key());
  }

  /** Checks the invariants and the model's expectations for what the last command did. */
  private InvariantChecker.Snapshot verify() {
    InvariantChecker.Snapshot s = checker.read(instance);
    List<String> problems = new ArrayList<>(checker.check(s));
    Map<Long, Integer> flowsTaken = new HashMap<>();
    for (EngineEvent event : s.events()) {
      if (event.position() <= lastCheckedPosition) {
        continue;
      }
      ElementInstanceView source = s.elements().get(event.key());
      if (event.intent().equals("SEQUENCE_FLOW_TAKEN") && source != null && expectations.isSplit(source.elementId())) {
        String expected = expectations.expectedFlow(source.elementId());
        if (!event.elementId().equals(expected)) {
          problems.add("Expected split '" + source.elementId() + "' to take flow '" + expected + "', but it took '"
              + event.elementId() + "'");
        }
        if (flowsTaken.merge(event.key(), 1, Integer::sum) > 1) {
          problems.add("Expected split '" + source.elementId() + "' (" + event.key() + ") to take exactly one flow, but it took more");
        }
      }
      if (event.intent().equals("ELEMENT_COMPLETED") && "MULTI_INSTANCE_BODY".equals(event.elementType())) {
        expectations.multiInstanceCompleted(event.elementId());
        checkInnerInstances(s, event, problems);
      }
    }
    sequentialRunsOneAtATime(s, problems);
    problems.addAll(expectations.compareRootVariables(engine.engine().queries().visibleVariables(instance)));
    if (!s.events().isEmpty()) {
      lastCheckedPosition = s.events().getLast().position();
    }
    if (!problems.isEmpty()) {
      throw failure(String.join("\n  ", problems));
    }
    return s;
  }

  private void checkInnerInstances(InvariantChecker.Snapshot s, EngineEvent bodyCompleted, List<String> problems) {
    MultiInstance mi = expectations.multiInstance(bodyCompleted.elementId());
    long completed = s.elements().values().stream()
        .filter(e -> Long.valueOf(bodyCompleted.key()).equals(e.flowScopeKey()) && e.lifecycleState().equals("COMPLETED")).count();
    long expected = mi.stopAfterTwo() ? Math.min(2, mi.items()) : mi.items();
    boolean parallelMayFinishMore = mi.stopAfterTwo() && !mi.sequential();
    if (parallelMayFinishMore ? completed < expected : completed != expected) {
      problems.add("Expected multi-instance '" + bodyCompleted.elementId() + "' (" + bodyCompleted.key() + ") to complete with "
          + expected + " completed inner instances, but it had " + completed);
    }
  }

  private void sequentialRunsOneAtATime(InvariantChecker.Snapshot s, List<String> problems) {
    Map<Long, Integer> activeInner = new HashMap<>();
    for (ElementInstanceView e : s.elements().values()) {
      ElementInstanceView scope = e.flowScopeKey() == null ? null : s.elements().get(e.flowScopeKey());
      if (scope != null && scope.elementType().equals("MULTI_INSTANCE_BODY") && !e.lifecycleState().equals("COMPLETED")
          && !e.lifecycleState().equals("TERMINATED") && expectations.multiInstance(scope.elementId()).sequential()
          && activeInner.merge(scope.key(), 1, Integer::sum) > 1) {
        problems.add("Expected sequential multi-instance '" + scope.elementId() + "' to run one inner instance at a time, but "
            + "more are active");
      }
    }
  }

  private AssertionError failure(String expectation) {
    return new AssertionError("Case with seed " + seed + " failed (replay: -Dmilepost.random.seed=" + seed + ")\n"
        + expectation + "\nCommands:\n  " + String.join("\n  ", log) + "\nModel: " + root + "\nBPMN: " + saveModel());
  }

  /** Writes the failing model where a person can open it in a modeler. */
  private String saveModel() {
    try {
      java.nio.file.Path file = java.nio.file.Path.of("target", "random-failures", "seed-" + seed + ".bpmn");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, Bpmn.convertToString(model));
      return file.toAbsolutePath().toString();
    } catch (java.io.IOException e) {
      return "(not saved: " + e.getMessage() + ")";
    }
  }
}
