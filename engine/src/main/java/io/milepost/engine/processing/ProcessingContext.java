package io.milepost.engine.processing;

import io.milepost.engine.decision.DecisionRepository;
import io.milepost.engine.expression.ExpressionLanguage;
import io.milepost.engine.state.EngineState;
import io.milepost.engine.state.KeySource;
import io.milepost.engine.api.ActivatedJob;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One command being processed: its transaction's state, the follow-up steps it caused (processed
 * in order, in the same transaction), and what to tell the outside world once it has committed.
 */
public final class ProcessingContext {

  /** A run-away cascade (a loop without wait state) fails its command instead of hanging the engine. */
  private static final int MAX_STEPS = 100_000;

  private final EngineState state;
  private final ProcessRepository processes;
  private final DecisionRepository decisions;
  private final ExpressionLanguage expressions;
  private final VariableCodec codec;
  private final KeySource keys;
  private final Deque<Runnable> steps = new ArrayDeque<>();
  private final Set<String> availableJobTypes = new LinkedHashSet<>();
  private final List<Long> endedProcessInstances = new ArrayList<>();
  private final List<Long> createdJobs = new ArrayList<>();
  private final Map<JobStreams.Stream, List<ActivatedJob>> pushedJobs = new LinkedHashMap<>();

  public ProcessingContext(EngineState state, ProcessRepository processes, DecisionRepository decisions,
      ExpressionLanguage expressions, VariableCodec codec, KeySource keys) {
    this.state = state;
    this.processes = processes;
    this.decisions = decisions;
    this.expressions = expressions;
    this.codec = codec;
    this.keys = keys;
  }

  public EngineState state() { return state; }

  public ProcessRepository processes() { return processes; }

  public DecisionRepository decisions() { return decisions; }

  public ExpressionLanguage expressions() { return expressions; }

  public VariableCodec codec() { return codec; }

  public long now() { return state.now(); }

  public long nextKey() { return keys.nextKey(); }

  /** Queues a follow-up step of this command. */
  public void enqueue(Runnable step) {
    steps.addLast(step);
  }

  /** Runs the queued steps until the command has reached wait states everywhere. */
  public void drain() {
    int processed = 0;
    while (!steps.isEmpty()) {
      if (++processed > MAX_STEPS) {
        throw new IllegalStateException("Expected the command to reach a wait state within " + MAX_STEPS
            + " steps, but it did not (does the model loop without a wait state?)");
      }
      steps.removeFirst().run();
    }
  }

  /** A job this command created: offered to the job streams when the command has done its steps. */
  public void jobCreated(long jobKey) {
    createdJobs.add(jobKey);
  }

  List<Long> createdJobs() {
    return createdJobs;
  }

  void pushed(JobStreams.Stream stream, ActivatedJob job) {
    pushedJobs.computeIfAbsent(stream, s -> new ArrayList<>()).add(job);
  }

  /** How many jobs this command gave the stream so far. */
  int pushedTo(JobStreams.Stream stream) {
    List<ActivatedJob> jobs = pushedJobs.get(stream);
    return jobs == null ? 0 : jobs.size();
  }

  /** The jobs this command activated for job streams, to hand to them after the commit. */
  public Map<JobStreams.Stream, List<ActivatedJob>> pushedJobs() {
    return pushedJobs;
  }

  public void jobsAvailable(String jobType) {
    availableJobTypes.add(jobType);
  }

  public Set<String> availableJobTypes() {
    return availableJobTypes;
  }

  public void processInstanceEnded(long processInstanceKey) {
    endedProcessInstances.add(processInstanceKey);
  }

  public List<Long> endedProcessInstances() {
    return endedProcessInstances;
  }
}
