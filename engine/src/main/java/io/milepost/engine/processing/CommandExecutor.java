package io.milepost.engine.processing;

import io.milepost.engine.api.BusinessIdPaths;
import io.milepost.engine.api.Caller;
import io.milepost.engine.api.CommandAdmission;
import io.milepost.engine.api.CommandTimeoutException;
import io.milepost.engine.api.DiskWatermark;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.StoreUnavailableException;
import io.milepost.engine.decision.DecisionRepository;
import io.milepost.engine.expression.ExpressionLanguage;
import io.milepost.engine.state.EngineState;
import io.milepost.engine.state.KeyGenerator;
import io.milepost.engine.state.Sql;
import io.milepost.engine.state.StatementCache;
import io.milepost.engine.state.Store;
import io.milepost.engine.api.EngineMetrics;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies commands one at a time on a single writer thread, with group commit: the commands that
 * queued up while the previous batch was committing share one transaction, each inside its own
 * savepoint. A command is all-or-nothing (a rejection or a bug rolls back to its savepoint and
 * fails only its caller); the callers of a batch are answered only once its commit is durable, so an
 * acknowledged command is durable. What a command made observable (jobs to hand out, instances
 * that ended) is passed on then too, except the jobs it hands to job streams, which go out at once (see processBatch).
 * On H2, where a commit is durable only after a checkpoint, the writer goes on with the next batch while {@link
 * DurableAnswers} makes the last ones durable and answers them (the checkpoint's store of the pages and the writer's
 * transactions take turns, see {@code Store}). While the store's disk is below its free-disk
 * watermark, a batch is refused whole before it is applied (see {@link FreeDiskGuard}).
 */
public final class CommandExecutor implements AutoCloseable {

  /** What a committed command tells the rest of the engine. */
  public interface Effects {
    void afterCommit(Set<String> availableJobTypes, List<Long> endedProcessInstances);
  }

  private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);
  /** Enough to amortise the commit; small enough that one batch's latency stays low. */
  private static final int MAX_BATCH = 64;
  /** How often an idle writer looks whether the engine is closing. */
  private static final long IDLE_WAKE_UP_MILLIS = 50;
  /** How often an idle writer tries a write while the store cannot write (so it recovers without traffic). */
  private static final long STORE_PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** How long close waits for the batch in progress; a command that runs longer is left behind. */
  private static final long CLOSE_WAIT_MILLIS = 10_000;
  /** The least time between the starts of two checkpoints on H2 (see {@link DurableAnswers}); measured in stop 25. */
  private static final Duration CHECKPOINT_GAP = Duration.ofMillis(3);

  private record Pending<T>(Function<BpmnBehaviors, T> command, CompletableFuture<T> result, long submittedNanos,
      BooleanSupplier callerGone) {}

  private record Outcome(Pending<?> pending, Object value, RuntimeException failure, ProcessingContext context) {}

  private final Store store;
  private final KeyGenerator keys;
  private final Clock clock;
  private final JsonMapper json;
  private final ProcessRepository processes;
  private final DecisionRepository decisions;
  private final ExpressionLanguage expressions;
  private final VariableCodec codec;
  private final Effects effects;
  private final JobStreams jobStreams;
  private final Duration commandTimeout;
  private final AdmissionLimit admission;
  private final EngineMetrics metrics;
  private final BusinessIdPaths businessIdPaths;
  private final FreeDiskGuard diskGuard;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  /** Answers the writer's batches: at once, or (H2's file) once a checkpoint made them durable. */
  private final AnswerStage answers;
  /** The writer's own connection and statements; replaced after a failed commit. */
  private StatementCache connection;
  private long lastStoreProbeNanos;
  /** Whether the writer is applying a batch now (read by the checkpoint stage). */
  private volatile boolean applying;
  private volatile boolean closed;

  public CommandExecutor(Store store, KeyGenerator keys, Clock clock, JsonMapper json, ProcessRepository processes,
      DecisionRepository decisions, ExpressionLanguage expressions, Effects effects, JobStreams jobStreams,
      EngineMetrics metrics, Duration commandTimeout, CommandAdmission admission, BusinessIdPaths businessIdPaths,
      DiskWatermark diskWatermark) {
    this.store = store;
    this.keys = keys;
    this.clock = clock;
    this.json = json;
    this.processes = processes;
    this.decisions = decisions;
    this.expressions = expressions;
    this.codec = new VariableCodec(json);
    this.effects = effects;
    this.jobStreams = jobStreams;
    this.commandTimeout = commandTimeout;
    this.admission = new AdmissionLimit(admission);
    this.metrics = metrics;
    this.businessIdPaths = businessIdPaths;
    this.diskGuard = new FreeDiskGuard(diskWatermark.minFreeBytes(), diskWatermark.usableSpace());
    this.answers = store.commitsNeedCheckpoints()
        ? new DurableAnswers(DurableAnswers.of(store), CHECKPOINT_GAP, this::writerBusy, metrics)
        : AnswerStage.IMMEDIATE;
    this.writer = Thread.ofPlatform().name("milepost-writer").daemon().start(this::writeLoop);
  }

  /**
   * Applies a command that brings new work and returns once it is committed; rethrows its rejection or
   * failure. Refused at once with {@link RejectionType#RESOURCE_EXHAUSTED} while more commands wait than the
   * admission limit allows. A command not answered within the command timeout fails with
   * {@link CommandTimeoutException} and, if the writer has not started it yet, is dropped.
   */
  public <T> T execute(Function<BpmnBehaviors, T> command) {
    admitNewWork();
    return await(submit(command));
  }

  /** Throws the refusal {@link #execute} would give a command that brings new work now; returns if it would pass. */
  public void admitNewWork() {
    int queued = queued();
    if (!admission.admits(queued)) {
      throw new RejectionException(RejectionType.RESOURCE_EXHAUSTED, "Expected the engine to take the command, but "
          + queued + " commands are waiting for it (limit " + admission.limit() + "): retry after a pause");
    }
  }

  /** Applies a command that drains work (completes, fails, cancels): never refused by back-pressure. */
  public <T> T executeDraining(Function<BpmnBehaviors, T> command) {
    return await(submit(command));
  }

  private <T> T await(CompletableFuture<T> result) {
    if (Thread.currentThread() == writer || answers.isOwnThread()) {
      throw new IllegalStateException("Expected commands to be submitted from outside the writer thread, but a command "
          + "(or an after-commit listener) submitted one from inside it");
    }
    try {
      return result.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(false); // the writer skips a command whose caller has gone
      throw new CommandTimeoutException("Expected the engine to apply the command within " + commandTimeout.toMillis()
          + " ms, but it was still " + (writer.isAlive() ? "queued or running" : "waiting for a writer that has stopped"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(false);
      throw new IllegalStateException("Interrupted while waiting for the engine to apply a command", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        cause.addSuppressed(new Exception("submitted here"));
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Queues a command without waiting for it; the future completes after its commit. The only way for
   * the writer thread itself (an after-commit step) to cause another command. Cancelling the future before
   * the writer takes the command drops it.
   */
  public <T> CompletableFuture<T> submit(Function<BpmnBehaviors, T> command) {
    if (closed || !writer.isAlive()) {
      throw new IllegalStateException("Expected a running engine, but it was closed");
    }
    Pending<T> pending = new Pending<>(command, new CompletableFuture<>(), System.nanoTime(), Caller.current());
    queue.add(pending);
    // close() may have drained the queue between the check above and the add: answer it here then
    if ((closed || !writer.isAlive()) && queue.remove(pending)) {
      pending.result().completeExceptionally(new IllegalStateException("Expected a running engine, but it was closed"));
    }
    return pending.result();
  }

  /** Whether the writer thread is there to apply commands. */
  public boolean isWriting() {
    return !closed && writer.isAlive();
  }

  /** Why commands are refused for want of disk space (the last measurement); empty while there is room. */
  public Optional<String> diskShortage() {
    return diskGuard.shortage();
  }

  /** Commands waiting for their answer: for the writer, or (on H2) applied and waiting for their checkpoint. */
  public int queued() {
    return queue.size() + answers.waitingCommands();
  }

  private void writeLoop() {
    try {
      connection = store.openWriterConnection(); // now, not when the first command waits behind the pool
    } catch (RuntimeException e) {
      LOG.warn("The writer could not open its connection yet; it tries again with the first batch", e);
    }
    // one list for every batch: a writer that had to allocate it outside the try below could die of an
    // OutOfMemoryError (a plugin exhausting the heap) and leave the engine without a writer
    List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
    while (!closed) {
      batch.clear();
      try {
        Pending<?> first = queue.poll(IDLE_WAKE_UP_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          // measured when idle too, so health turns UP once space is freed without waiting for a command
          if (diskGuard.check().isEmpty()) {
            probeStoreIfItCannotWrite();
          }
          continue; // looks at closed again
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        batch.removeIf(CommandExecutor::callerGone);
        applying = true;
        processBatch(batch, queue.size());
      } catch (InterruptedException e) {
        return;
      } catch (Throwable unexpected) {
        // the writer must outlive whatever one batch does (an after-commit step that throws an Error, a heap
        // that ran out, included)
        failBatch(batch, unexpected);
      } finally {
        applying = false;
      }
    }
  }

  /** Busy: applying a batch, or with commands waiting (another commit is about to follow). */
  private boolean writerBusy() {
    return applying || !queue.isEmpty();
  }

  /** While the store cannot write, an idle writer tries a write now and then: health turns UP without traffic. */
  private void probeStoreIfItCannotWrite() {
    long now = System.nanoTime();
    if (store.writeFailure().isEmpty() || now - lastStoreProbeNanos < STORE_PROBE_INTERVAL_NANOS) {
      return;
    }
    lastStoreProbeNanos = now;
    try {
      if (connection == null) {
        connection = store.openWriterConnection();
      }
      store.probeWrite(connection);
      LOG.info("The engine's store takes writes again");
    } catch (RuntimeException stillFailing) {
      LOG.debug("The engine's store still cannot write", stillFailing);
      dropConnection();
    }
  }

  /** Closes the writer's connection after a failure (it may be broken: the next batch opens a new one). */
  private void dropConnection() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private static void failBatch(List<Pending<?>> batch, Throwable unexpected) {
    try {
      LOG.error("The writer failed after a batch of {} commands; it goes on with the next", batch.size(), unexpected);
      batch.forEach(pending -> pending.result().completeExceptionally(
          new IllegalStateException("The engine failed while answering the command", unexpected)));
    } catch (OutOfMemoryError stillShort) {
      // answering needs memory too: the callers time out instead, and the writer lives on
    }
  }

  /** A command whose caller has gone (gave up, cancelled, deadline passed) before the writer got to it is dropped. */
  private static boolean callerGone(Pending<?> pending) {
    if (pending.result().isDone()) {
      return true;
    }
    if (pending.callerGone().getAsBoolean()) {
      pending.result().completeExceptionally(new CommandTimeoutException(
          "Dropped the command without applying it: its caller had gone before the engine got to it"));
      return true;
    }
    return false;
  }

  private void processBatch(List<Pending<?>> batch, int queuedBehind) {
    if (batch.isEmpty()) {
      return;
    }
    Optional<String> diskShortage = diskGuard.check();
    if (diskShortage.isPresent()) {
      // refused before H2 writes anything: a database that meets a full disk closes (see StoreOutage)
      StoreUnavailableException refused = new StoreUnavailableException(diskShortage.get(), null);
      batch.forEach(pending -> pending.result().completeExceptionally(refused));
      metrics.batchFailed(batch.size());
      return;
    }
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    long started = System.nanoTime();
    try {
      if (connection == null) {
        connection = store.openWriterConnection();
      }
      store.inTransactionDurableAtCheckpoint(connection, sql -> {
        for (Pending<?> pending : batch) {
          outcomes.add(apply(sql, pending));
        }
        return null;
      });
    } catch (RuntimeException | Error commitFailed) {
      LOG.error("A batch of {} commands failed to commit", batch.size(), commitFailed);
      dropConnection();
      fail(batch, "failed to commit", commitFailed);
      return;
    }
    long rejected = outcomes.stream().filter(outcome -> outcome.failure() != null).count();
    metrics.batchCommitted(batch.size() - (int) rejected, (int) rejected, Duration.ofNanos(System.nanoTime() - started),
        queuedBehind);
    long committed = System.nanoTime();
    admission.observed(committed - batch.stream().mapToLong(Pending::submittedNanos).min().orElse(committed), queued());
    // jobs go out now, before the checkpoint: job execution is at least once anyway (a worker may start on a job whose
    // creation a crash then loses, as it may run a job twice), and a worker that starts sooner finishes sooner
    for (Outcome outcome : outcomes) {
      if (outcome.failure() == null) {
        deliverPushedJobs(outcome.context());
      }
    }
    answers.committed(new CommittedBatch(outcomes, started));
  }

  /** A committed batch's answers and what it made observable (ended instances, new jobs), once it is durable. */
  private final class CommittedBatch implements AnswerStage.Batch {
    private final List<Outcome> outcomes;
    private final long startedNanos;

    CommittedBatch(List<Outcome> outcomes, long startedNanos) {
      this.outcomes = outcomes;
      this.startedNanos = startedNanos;
    }

    @Override
    public int commands() {
      return outcomes.size();
    }

    /** Whether a command of it was applied (a batch of refusals only committed nothing). */
    @Override
    public boolean wrote() {
      return outcomes.stream().anyMatch(outcome -> outcome.failure() == null);
    }

    @Override
    public void durable() {
      long answered = System.nanoTime();
      for (Outcome outcome : outcomes) {
        long submitted = outcome.pending().submittedNanos();
        metrics.commandAnswered(Duration.ofNanos(startedNanos - submitted), Duration.ofNanos(answered - submitted));
        if (outcome.failure() == null) {
          try {
            effects.afterCommit(outcome.context().availableJobTypes(), outcome.context().endedProcessInstances());
          } catch (RuntimeException e) {
            LOG.warn("An after-commit listener failed", e);
          }
          complete(outcome.pending(), outcome.value());
        } else {
          outcome.pending().result().completeExceptionally(outcome.failure());
        }
      }
    }

    @Override
    public void lost(RuntimeException checkpointFailure) {
      LOG.error("A batch of {} commands committed but could not be written to disk", outcomes.size(),
          checkpointFailure);
      fail(outcomes.stream().<Pending<?>>map(Outcome::pending).toList(), "failed to write to disk", checkpointFailure);
    }
  }

  private void fail(List<Pending<?>> batch, String what, Throwable cause) {
    RuntimeException failure = new StoreUnavailableException("The engine's store " + what + " a batch of "
        + batch.size() + " commands, this one among them: it was not acknowledged; retry it (the engine reconnects "
        + "by itself)", cause);
    batch.forEach(pending -> pending.result().completeExceptionally(failure));
    metrics.batchFailed(batch.size());
  }

  /** Hands the jobs a command activated for job streams to them; what a gone receiver refuses goes back. */
  private void deliverPushedJobs(ProcessingContext context) {
    context.pushedJobs().forEach((stream, jobs) -> {
      boolean taken;
      try {
        taken = stream.isOpen() && stream.sink().accept(jobs);
        if (taken && stream.once()) {
          metrics.jobsActivated(stream.activation().type(), jobs.size()); // a long poll: an activation request
        } else if (taken) {
          metrics.jobsPushed(stream.activation().type(), jobs.size());
        }
      } catch (RuntimeException | Error e) {
        // the command committed: a receiver's failure, whatever it is, only makes it a gone receiver
        LOG.warn("A job stream of type '{}' failed to take {} jobs; they go back", stream.activation().type(),
            jobs.size(), e);
        taken = false;
      }
      if (!taken && !closed) {
        stream.close(); // a receiver that refuses is gone: do not push to it again
        submit(b -> {
          new JobActivator(b).yield(jobs);
          return null;
        });
      }
    });
  }

  /** One command inside its savepoint: all its changes and events, or none of them. */
  private Outcome apply(Sql sql, Pending<?> pending) {
    Savepoint savepoint = sql.savepoint();
    try {
      EngineState state = new EngineState(sql, json, keys::nextKey, clock.millis(), businessIdPaths);
      ProcessingContext context = new ProcessingContext(state, processes, decisions, expressions, codec,
          keys::nextKey);
      BpmnBehaviors behaviors = new BpmnBehaviors(context);
      Object value = pending.command().apply(behaviors);
      context.drain();
      new JobActivator(behaviors).pushCreatedJobs(jobStreams);
      closeFilledLongPolls(context);
      state.flush();
      sql.release(savepoint);
      return new Outcome(pending, value, null, context);
    } catch (RuntimeException e) {
      sql.rollbackTo(savepoint);
      return new Outcome(pending, null, e, null);
    } catch (StackOverflowError e) {
      sql.rollbackTo(savepoint);
      return new Outcome(pending, null, new IllegalStateException("The command overflowed the stack", e), null);
    }
  }

  /** A long poll takes one delivery: once it got jobs, later commands must not push to it. */
  private static void closeFilledLongPolls(ProcessingContext context) {
    context.pushedJobs().keySet().stream().filter(JobStreams.Stream::once).forEach(JobStreams.Stream::retire);
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Pending<T> pending, Object value) {
    pending.result().complete((T) value);
  }

  /**
   * Stops after the batch in progress (answered as usual) and fails what is still queued, never applied. The
   * writer is not interrupted: an interrupt inside H2's file I/O closes the store's file channel (and the next
   * commands fail with "Reading from file ... failed"); it notices {@code closed} within a poll.
   */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    answers.close(CLOSE_WAIT_MILLIS); // answers what the writer committed (on H2's file: after one last checkpoint)
    if (connection != null && !writer.isAlive()) {
      connection.close();
    }
    Pending<?> pending;
    while ((pending = queue.poll()) != null) {
      pending.result().completeExceptionally(new IllegalStateException("The engine was closed"));
    }
  }
}
