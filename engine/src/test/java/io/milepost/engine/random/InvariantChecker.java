package io.milepost.engine.random;

import io.milepost.engine.api.ElementInstanceView;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.JobView;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.processing.ElementLifecycle;
import io.milepost.engine.state.ElementState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural invariants of one process instance, read from the store and the event log after a
 * command: tokens are accounted for, lifecycles follow the declared table, positions increase, joins
 * fire once per arrival set, and an ended instance leaves nothing behind.
 */
final class InvariantChecker {

  private static final Pattern FLOW_SCOPE = Pattern.compile("\"flowScopeKey\":(\\d+)");
  private static final Set<String> FINAL = Set.of("COMPLETED", "TERMINATED");

  private final EngineUnderTest engine;
  private final Map<String, List<String>> joinIncoming;

  /** @param joinIncoming per parallel join gateway id, the ids of its incoming flows */
  InvariantChecker(EngineUnderTest engine, Map<String, List<String>> joinIncoming) {
    this.engine = engine;
    this.joinIncoming = joinIncoming;
  }

  /** A snapshot of one instance, read once per check. */
  record Snapshot(ProcessInstanceState state, List<EngineEvent> events, Map<Long, ElementInstanceView> elements,
      List<JobView> jobs, List<UserTaskView> userTasks, List<IncidentView> incidents, List<Long> timerOwners,
      List<Long> subscriptionOwners) {}

  Snapshot read(long processInstanceKey) {
    var queries = engine.engine().queries();
    Map<Long, ElementInstanceView> elements = new HashMap<>();
    queries.elementInstances(processInstanceKey).forEach(e -> elements.put(e.key(), e));
    return new Snapshot(queries.processInstance(processInstanceKey).orElseThrow().state(),
        queries.events(processInstanceKey), elements,
        queries.searchJobs(new JobFilter(null, null, null, processInstanceKey), PageRequest.first(10_000)).items(),
        queries.searchUserTasks(new UserTaskFilter(null, null, null, null, null, processInstanceKey, null, null),
            PageRequest.first(10_000)).items(),
        queries.searchIncidents(new IncidentFilter(null, processInstanceKey, null, null, IncidentState.ACTIVE, null, null),
            PageRequest.first(10_000)).items(),
        engine.timerOwners(processInstanceKey), engine.messageSubscriptionOwners(processInstanceKey));
  }

  List<JobView> jobs(long processInstanceKey) {
    return engine.engine().queries().searchJobs(new JobFilter(null, null, null, processInstanceKey), PageRequest.first(10_000))
        .items();
  }

  /** Returns the problems found; empty when every invariant holds. */
  List<String> check(Snapshot s) {
    List<String> problems = new ArrayList<>();
    positionsIncrease(s, problems);
    Map<Long, Long> finalPosition = lifecycles(s, problems);
    scopesOutliveTheirChildren(s, finalPosition, problems);
    waitStatesBelongToActiveElements(s, problems);
    joinsFireOncePerArrivalSet(s, problems);
    if (s.state() != ProcessInstanceState.ACTIVE) {
      endedInstanceLeavesNothing(s, problems);
    }
    return problems;
  }

  private static void positionsIncrease(Snapshot s, List<String> problems) {
    long previous = Long.MIN_VALUE;
    for (EngineEvent event : s.events()) {
      if (event.position() <= previous) {
        problems.add("Expected event log positions to increase strictly, but " + event.position() + " followed " + previous);
      }
      previous = event.position();
    }
  }

  /** Checks each element instance's events against the lifecycle table; returns the position of each one's final event. */
  private static Map<Long, Long> lifecycles(Snapshot s, List<String> problems) {
    Map<Long, ElementState> last = new HashMap<>();
    Map<Long, Long> finalPosition = new HashMap<>();
    for (EngineEvent event : s.events()) {
      if (!isLifecycleEvent(event)) {
        continue;
      }
      ElementState state = ElementState.valueOf(event.intent().substring("ELEMENT_".length()));
      ElementState previous = last.put(event.key(), state);
      if (previous == null && state != ElementState.ACTIVATING) {
        problems.add("Expected element instance " + event.key() + " ('" + event.elementId() + "') to start with ACTIVATING, but its "
            + "first event was " + event.intent());
      } else if (previous != null && !ElementLifecycle.canTransition(previous, state)) {
        problems.add("Expected element instance " + event.key() + " ('" + event.elementId() + "') to move along the lifecycle, but it "
            + "went from " + previous + " to " + state + " at position " + event.position());
      }
      if (state.isFinal()) {
        finalPosition.putIfAbsent(event.key(), event.position());
      }
    }
    last.forEach((key, state) -> {
      ElementInstanceView stored = s.elements().get(key);
      if (stored == null) {
        problems.add("Expected element instance " + key + " of the event log to be in the store, but it is not");
      } else if (!stored.lifecycleState().equals(state.name())) {
        problems.add("Expected element instance " + key + " ('" + stored.elementId() + "') to be " + state
            + " in the store like its last event, but it is " + stored.lifecycleState());
      }
    });
    return finalPosition;
  }

  private static boolean isLifecycleEvent(EngineEvent event) {
    return event.valueType().equals("PROCESS_INSTANCE") && event.intent().startsWith("ELEMENT_");
  }

  /** An active element's scope is active, and nothing happens in a scope after it completed or terminated. */
  private static void scopesOutliveTheirChildren(Snapshot s, Map<Long, Long> finalPosition, List<String> problems) {
    for (ElementInstanceView element : s.elements().values()) {
      if (element.flowScopeKey() == null || FINAL.contains(element.lifecycleState())) {
        continue;
      }
      ElementInstanceView scope = s.elements().get(element.flowScopeKey());
      if (scope == null || FINAL.contains(scope.lifecycleState())) {
        problems.add("Expected the flow scope of active element instance " + element.key() + " ('" + element.elementId()
            + "', " + element.lifecycleState() + ") to be active, but it is " + (scope == null ? "missing" : scope.elementId() + " "
            + scope.lifecycleState()));
      }
    }
    for (EngineEvent event : s.events()) {
      Long scopeKey = flowScopeOf(event);
      Long scopeEnd = scopeKey == null ? null : finalPosition.get(scopeKey);
      if (scopeEnd != null && event.position() > scopeEnd) {
        problems.add("Expected nothing to happen in scope " + scopeKey + " after it ended at position " + scopeEnd
            + ", but " + event.intent() + " of '" + event.elementId() + "' (" + event.key() + ") followed at " + event.position());
      }
    }
  }

  private static Long flowScopeOf(EngineEvent event) {
    if (!event.valueType().equals("PROCESS_INSTANCE") || event.payloadJson() == null) {
      return null;
    }
    Matcher matcher = FLOW_SCOPE.matcher(event.payloadJson());
    return matcher.find() ? Long.parseLong(matcher.group(1)) : null;
  }

  private static void waitStatesBelongToActiveElements(Snapshot s, List<String> problems) {
    for (JobView job : s.jobs()) {
      if (isOpen(job)) {
        requireState(s, job.elementInstanceKey(), "ACTIVATED", "open job " + job.key() + " (" + job.state() + ")", problems);
      }
    }
    for (UserTaskView task : s.userTasks()) {
      if (task.state() == UserTaskState.CREATED) {
        requireState(s, task.elementInstanceKey(), "ACTIVATED", "open user task " + task.key(), problems);
      }
    }
    for (long owner : s.timerOwners()) {
      requireState(s, owner, "ACTIVATED", "a timer", problems);
    }
    for (long owner : s.subscriptionOwners()) {
      requireState(s, owner, "ACTIVATED", "a message subscription", problems);
    }
    for (IncidentView incident : s.incidents()) {
      ElementInstanceView element = s.elements().get(incident.elementInstanceKey());
      if (element == null || FINAL.contains(element.lifecycleState())) {
        problems.add("Expected the element of active incident " + incident.key() + " (" + incident.errorType()
            + ") to be active, but it is " + (element == null ? "missing" : element.lifecycleState()));
      }
    }
  }

  static boolean isOpen(JobView job) {
    return job.state() == JobState.CREATED || job.state() == JobState.ACTIVATED || job.state() == JobState.FAILED;
  }

  private static void requireState(Snapshot s, long elementInstanceKey, String expected, String what, List<String> problems) {
    ElementInstanceView element = s.elements().get(elementInstanceKey);
    if (element == null || !element.lifecycleState().equals(expected)) {
      problems.add("Expected the element instance of " + what + " to be " + expected + ", but " + elementInstanceKey + " is "
          + (element == null ? "missing" : "'" + element.elementId() + "' " + element.lifecycleState()));
    }
  }

  /** In every scope instance, a parallel join fired exactly as often as its least-taken incoming flow was taken. */
  private void joinsFireOncePerArrivalSet(Snapshot s, List<String> problems) {
    if (joinIncoming.isEmpty()) {
      return;
    }
    Map<String, Integer> taken = new HashMap<>();
    Map<String, Integer> fired = new HashMap<>();
    for (EngineEvent event : s.events()) {
      Long scope = flowScopeOf(event);
      if (scope == null) {
        continue;
      }
      if (event.intent().equals("SEQUENCE_FLOW_TAKEN")) {
        taken.merge(scope + "/" + event.elementId(), 1, Integer::sum);
      } else if (event.intent().equals("ELEMENT_ACTIVATING") && joinIncoming.containsKey(event.elementId())) {
        fired.merge(scope + "/" + event.elementId(), 1, Integer::sum);
      }
    }
    Set<Long> scopes = new java.util.HashSet<>();
    s.elements().values().forEach(e -> scopes.add(e.key()));
    for (long scope : scopes) {
      joinIncoming.forEach((join, incoming) -> {
        int arrivalSets = incoming.stream().mapToInt(flow -> taken.getOrDefault(scope + "/" + flow, 0)).min().orElse(0);
        int activations = fired.getOrDefault(scope + "/" + join, 0);
        if (activations != arrivalSets) {
          problems.add("Expected parallel join '" + join + "' in scope " + scope + " to fire once per complete set of arrivals ("
              + arrivalSets + "), but it fired " + activations + " times");
        }
      });
    }
  }

  private static void endedInstanceLeavesNothing(Snapshot s, List<String> problems) {
    String ended = "process instance that is " + s.state();
    s.elements().values().stream().filter(e -> !FINAL.contains(e.lifecycleState())).forEach(e ->
        problems.add("Expected no active element instance in a " + ended + ", but '" + e.elementId() + "' (" + e.key() + ") is "
            + e.lifecycleState()));
    s.jobs().stream().filter(InvariantChecker::isOpen).forEach(j ->
        problems.add("Expected no open job in a " + ended + ", but job " + j.key() + " of '" + j.elementId() + "' is " + j.state()));
    s.userTasks().stream().filter(t -> t.state() == UserTaskState.CREATED).forEach(t ->
        problems.add("Expected no open user task in a " + ended + ", but " + t.key() + " of '" + t.elementId() + "' is open"));
    if (!s.timerOwners().isEmpty()) {
      problems.add("Expected no timer left in a " + ended + ", but " + s.timerOwners().size() + " remain");
    }
    if (!s.subscriptionOwners().isEmpty()) {
      problems.add("Expected no message subscription left in a " + ended + ", but " + s.subscriptionOwners().size() + " remain");
    }
    if (!s.incidents().isEmpty()) {
      problems.add("Expected no active incident in a " + ended + ", but " + s.incidents().size() + " remain");
    }
  }
}
