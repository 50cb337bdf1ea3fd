package io.milepost.engine;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CorrelateMessage;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DiskWatermark;
import io.milepost.engine.api.DecisionEvaluation;
import io.milepost.engine.api.DecisionQueries;
import io.milepost.engine.api.EvaluateDecision;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineInfo;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.EngineStatus;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.MessageCorrelated;
import io.milepost.engine.api.MessagePublished;
import io.milepost.engine.api.ProcessInstanceCreated;
import io.milepost.engine.api.ProcessInstanceResult;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.ThrowError;
import io.milepost.engine.api.UpdateJob;
import io.milepost.engine.decision.DecisionCommands;
import io.milepost.engine.decision.DecisionEngine;
import io.milepost.engine.decision.DecisionRepository;
import io.milepost.engine.deployment.DeploymentCommands;
import io.milepost.engine.expression.ExpressionLanguage;
import io.milepost.engine.incident.IncidentCommands;
import io.milepost.engine.instance.ProcessInstanceCommands;
import io.milepost.engine.job.JobCommands;
import io.milepost.engine.message.MessageCommands;
import io.milepost.engine.model.BpmnTransformer;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.JobStreamHandle;
import io.milepost.engine.processing.CommandExecutor;
import io.milepost.engine.processing.JobActivator;
import io.milepost.engine.processing.JobStreams;
import io.milepost.engine.processing.ProcessRepository;
import io.milepost.engine.query.JdbcDecisionQueries;
import io.milepost.engine.query.JdbcEngineQueries;
import io.milepost.engine.signal.SignalCommands;
import io.milepost.engine.state.H2StoreDirectory;
import io.milepost.engine.state.KeyGenerator;
import io.milepost.engine.state.Store;
import io.milepost.engine.state.StorePurge;
import io.milepost.engine.usertask.UserTaskCommands;
import io.milepost.engine.variable.VariableCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/** The embeddable engine: commands through one {@link CommandExecutor}, reads through {@link EngineQueries}. */
public final class MilepostEngine implements Engine {

  public static final String VERSION = "8.9.0";
  /** Variables indexed per backfill command. */
  private static final int BACKFILL_STEP = 5_000;

  private final EngineConfiguration configuration;
  private final CommandExecutor executor;
  private final DeploymentCommands deployments;
  private final EngineQueries queries;
  private final DecisionQueries decisionQueries;
  // jobs that became activatable other than by being created (time-outs, back-offs, resolved incidents)
  private final Listeners listeners = new Listeners(this::serveJobStreams);
  private final JobStreams jobStreams = new JobStreams(this::serveJobStreams);
  /** Job types with a serve command queued: signals that come meanwhile are covered by it. */
  private final Set<String> servingTypes = ConcurrentHashMap.newKeySet();
  private final DueWorkScheduler dueWork;
  private final KeyGenerator keys;
  private final Store store;
  /** Reads the result of an instance that ended, off the writer thread (which must not wait for the pool). */
  private final ExecutorService resultReaders = Executors.newVirtualThreadPerTaskExecutor();

  private MilepostEngine(EngineConfiguration configuration) {
    this.configuration = configuration;
    JsonMapper json = JsonMapper.builder().build();
    this.store = new Store(configuration.dataSource(), configuration.h2CommitDurability());
    // what has started, last first: a start that fails part way stops it all again (the store's page-store thread,
    // its journal's files, the writer), so that an embedder may start again on the same data
    Deque<Runnable> started = new ArrayDeque<>(List.of(store::close));
    try {
      ExpressionLanguage expressions = new ExpressionLanguage(configuration.expressionLimits());
      BpmnTransformer transformer = new BpmnTransformer(expressions);
      ProcessRepository processes = new ProcessRepository(transformer);
      DecisionRepository decisions = new DecisionRepository(new DecisionEngine(configuration.expressionLimits()));
      this.keys = new KeyGenerator(store);
      started.push(keys::close);
      keys.connect();
      this.executor = new CommandExecutor(store, keys, configuration.clock(), json, processes,
          decisions, expressions, listeners, jobStreams, configuration.metrics(), configuration.commandTimeout(),
          configuration.admission(), configuration.businessIdPaths(), watermark(configuration.diskWatermark(), store));
      started.push(executor::close);
      this.deployments = new DeploymentCommands(transformer, processes, decisions, json);
      this.queries = new JdbcEngineQueries(configuration.dataSource(), json);
      this.decisionQueries = new JdbcDecisionQueries(configuration.dataSource(), json);
      if (!configuration.businessIdPaths().paths().isEmpty()) {
        backfillBusinessIds();
      }
      this.dueWork = new DueWorkScheduler(executor, configuration.clock(), listeners, new HistoryRetention(executor,
          configuration.clock(), configuration.historyRetention(), configuration.metrics()));
      started.push(dueWork::stop);
      dueWork.start(configuration.dueWorkInterval());
    } catch (RuntimeException | Error failed) {
      for (Runnable stop : started) {
        try {
          stop.run();
        } catch (RuntimeException | Error alsoFailed) {
          failed.addSuppressed(alsoFailed);
        }
      }
      throw failed;
    }
  }

  /**
   * Indexes the business ids of variables written before their path was configured, a few thousand per command so
   * that no transaction grows with the store; once per path (the store remembers), so later starts skip it.
   */
  private void backfillBusinessIds() {
    while (executor.executeDraining(b -> b.context().state().businessIds().backfillStep(BACKFILL_STEP))) {
      // next step
    }
  }

  /** The watermark with where to measure: the configured source, else the disk of an H2 store's file, else none. */
  private static DiskWatermark watermark(DiskWatermark configured, Store store) {
    if (configured.usableSpace() != null || configured.minFreeBytes() == 0) {
      return configured;
    }
    return H2StoreDirectory.of(store).map(directory -> {
      try {
        return new DiskWatermark(configured.minFreeBytes(), DiskWatermark.UsableSpace.of(directory));
      } catch (IOException e) {
        throw new UncheckedIOException("Failed to find the disk of the H2 store's directory " + directory, e);
      }
    }).orElse(new DiskWatermark(0, null));
  }

  /** Migrates the store and starts the engine (and its due-work thread, when configured). */
  public static MilepostEngine start(EngineConfiguration configuration) {
    return new MilepostEngine(configuration);
  }

  @Override
  public Deployment deploy(List<DeploymentResource> resources) {
    return executor.execute(b -> deployments.deploy(resources, b));
  }

  @Override
  public ProcessInstanceCreated createProcessInstance(CreateProcessInstance command) {
    return executor.execute(b -> new ProcessInstanceCommands(b).create(command));
  }

  @Override
  public void admitNewWork() {
    executor.admitNewWork();
  }

  @Override
  public CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(CreateProcessInstance command) {
    // registered inside the command, so an instance that ends within it is not missed
    CompletableFuture<ProcessInstanceResult> result = new CompletableFuture<>();
    long[] created = new long[1];
    try {
      executor.execute(b -> {
        ProcessInstanceCreated instance = new ProcessInstanceCommands(b).create(command);
        created[0] = instance.processInstanceKey();
        listeners.awaitEnd(instance.processInstanceKey(), () -> resultReaders.execute(
            () -> finish(instance, command.fetchVariables(), result)));
        return instance;
      });
    } catch (RuntimeException notCreated) {
      listeners.forgetEnd(created[0]); // the batch failed to commit after the command ran: nothing to wait for
      throw notCreated;
    }
    // a caller that gave up (time-out, cancel) must not leave the waiter, and the variables it holds, behind
    result.whenComplete((value, failure) -> {
      if (failure != null) {
        listeners.forgetEnd(created[0]);
      }
    });
    return result;
  }

  private void finish(ProcessInstanceCreated created, List<String> fetchVariables, CompletableFuture<ProcessInstanceResult> result) {
    if (result.isDone()) {
      return; // the caller gave up
    }
    try {
      read(created, fetchVariables, result);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private void read(ProcessInstanceCreated created, List<String> fetchVariables, CompletableFuture<ProcessInstanceResult> result) {
    var view = queries.processInstance(created.processInstanceKey()).orElseThrow();
    if (view.state() != io.milepost.engine.api.ProcessInstanceState.COMPLETED) {
      result.completeExceptionally(new RejectionException(RejectionType.INVALID_STATE, "Expected process instance "
          + created.processInstanceKey() + " to complete, but it was " + view.state().name().toLowerCase()));
      return;
    }
    Map<String, Object> variables = queries.visibleVariables(created.processInstanceKey());
    if (fetchVariables != null && !fetchVariables.isEmpty()) {
      variables = new java.util.HashMap<>(variables);
      variables.keySet().retainAll(fetchVariables);
    }
    result.complete(new ProcessInstanceResult(created, variables));
  }

  @Override
  public DecisionEvaluation evaluateDecision(EvaluateDecision command) {
    return executor.execute(b -> new DecisionCommands(b).evaluate(command));
  }

  @Override
  public DecisionQueries decisionQueries() {
    return decisionQueries;
  }

  @Override
  public void cancelProcessInstance(long processInstanceKey) {
    executor.executeDraining(b -> {
      new ProcessInstanceCommands(b).cancel(processInstanceKey);
      return null;
    });
  }

  @Override
  public List<ActivatedJob> activateJobs(ActivateJobs command) {
    requireValid(command);
    // hands out work that exists, creates none: back-pressure lets it through, as it does completions
    List<ActivatedJob> jobs = executor.executeDraining(b -> new JobCommands(b).activate(command));
    if (!jobs.isEmpty()) {
      configuration.metrics().jobsActivated(command.type(), jobs.size());
    }
    return jobs;
  }

  private static void requireValid(ActivateJobs command) {
    if (command.maxJobs() < 1) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT,
          "Expected to activate at least 1 job, but maxJobsToActivate was " + command.maxJobs());
    }
    if (command.type() == null || command.type().isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected a job type to activate, but it was empty");
    }
  }

  @Override
  public void completeJob(long jobKey, Map<String, Object> variables) {
    executor.executeDraining(b -> {
      new JobCommands(b).complete(jobKey, variables);
      return null;
    });
  }

  @Override
  public void failJob(FailJob command) {
    executor.executeDraining(b -> {
      new JobCommands(b).fail(command);
      return null;
    });
  }

  @Override
  public void throwError(ThrowError command) {
    executor.executeDraining(b -> {
      new JobCommands(b).throwError(command);
      return null;
    });
  }

  @Override
  public void updateJob(UpdateJob command) {
    executor.executeDraining(b -> {
      new JobCommands(b).update(command);
      return null;
    });
  }

  @Override
  public void setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    executor.execute(b -> {
      new VariableCommands(b).set(elementInstanceKey, variables, local);
      return null;
    });
  }

  @Override
  public void resolveIncident(long incidentKey) {
    executor.executeDraining(b -> {
      new IncidentCommands(b).resolve(incidentKey);
      return null;
    });
  }

  @Override
  public void assignUserTask(long userTaskKey, String assignee, boolean allowOverride) {
    executor.execute(b -> {
      new UserTaskCommands(b).assign(userTaskKey, assignee, allowOverride);
      return null;
    });
  }

  @Override
  public void unassignUserTask(long userTaskKey) {
    executor.execute(b -> {
      new UserTaskCommands(b).unassign(userTaskKey);
      return null;
    });
  }

  @Override
  public void completeUserTask(long userTaskKey, Map<String, Object> variables, String action) {
    executor.executeDraining(b -> {
      new UserTaskCommands(b).complete(userTaskKey, variables);
      return null;
    });
  }

  @Override
  public MessagePublished publishMessage(PublishMessage command) {
    return executor.execute(b -> new MessageCommands(b).publish(command));
  }

  @Override
  public MessageCorrelated correlateMessage(CorrelateMessage command) {
    return executor.execute(b -> new MessageCommands(b).correlate(command));
  }

  @Override
  public long broadcastSignal(String signalName, Map<String, Object> variables) {
    return executor.execute(b -> new SignalCommands(b).broadcast(signalName, variables));
  }

  @Override
  public void processDueWork() {
    dueWork.runOnce();
  }

  @Override
  public void purge() {
    executor.execute(b -> {
      StorePurge.purge(b.context().state().sql());
      return null;
    });
  }

  @Override
  public EngineQueries queries() {
    return queries;
  }

  @Override
  public JobStreamHandle openJobStream(ActivateJobs activation, JobSink sink) {
    return open(activation, sink, false);
  }

  @Override
  public JobStreamHandle awaitJobs(ActivateJobs activation, JobSink sink) {
    return open(activation, sink, true);
  }

  private JobStreamHandle open(ActivateJobs activation, JobSink sink, boolean once) {
    requireValid(activation);
    // registered and served in one command, so no job created in between is missed
    return executor.executeDraining(b -> {
      JobStreams.Stream stream = jobStreams.register(activation, sink, once);
      new JobActivator(b).serve(activation.type(), jobStreams);
      return stream;
    });
  }

  /** Queues one command that hands the waiting jobs of a type to its streams, unless one is queued already. */
  private void serveJobStreams(String type) {
    if (!jobStreams.hasStreams(type) || !servingTypes.add(type)) {
      return;
    }
    try {
      executor.submit(b -> {
        servingTypes.remove(type);
        new JobActivator(b).serve(type, jobStreams);
        return null;
      });
    } catch (IllegalStateException closed) {
      servingTypes.remove(type); // the engine is stopping
    }
  }

  @Override
  public EngineInfo info() {
    return new EngineInfo(VERSION, 1, configuration.nodeId());
  }

  @Override
  public EngineStatus status() {
    return new EngineStatus(executor.isWriting(), executor.queued(), store.writeFailure()
        .map(failure -> "since " + failure.since() + ": " + failure.reason()), executor.diskShortage());
  }

  @Override
  public void close() {
    jobStreams.closeAll();
    dueWork.stop();
    executor.close();
    keys.close();
    resultReaders.shutdownNow();
    store.close();
  }
}
