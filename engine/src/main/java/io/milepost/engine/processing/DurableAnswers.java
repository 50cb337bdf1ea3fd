package io.milepost.engine.processing;

import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.state.OwnConnection;
import io.milepost.engine.state.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second stage of the group commit where a commit is not durable when it returns (H2, which writes its file
 * only when asked, see {@code Store}): the writer commits a batch and goes on with the next one, while this stage's
 * thread runs one checkpoint for every batch committed before the checkpoint started (which stores H2's pages, or
 * appends the batches to the store's journal), and only then answers their callers. So the writer does not wait for the checkpoint's force of the file to the device, and an acknowledged
 * command is still durable. It does wait while the checkpoint stores the commits' pages (and for H2's store lock that
 * needs, which H2's background compaction holds for tens of milliseconds): on H2 the two take turns, because H2
 * broke its pages when they overlapped (see {@code Store}). Batches are answered in the order they committed.
 *
 * <p>A checkpoint starts at least a gap after the previous one started. Each checkpoint writes a chunk to H2's file
 * (and forces it): run back to back, as often as the writer commits, they cost more CPU per command than the writer
 * saved, and the smaller chunks give H2's compaction more to do (benchmarks/NOTES.md, stop 25). A gap of a few
 * milliseconds lets one checkpoint cover several batches, as the writer's group commit does for commands; it is
 * waited for only while the writer is busy.
 */
final class DurableAnswers implements AnswerStage {

  /** Makes every commit so far durable; throws if it cannot. */
  interface Checkpoint {
    void run(boolean coversWrites);

    /** Takes what it needs before the first checkpoint (a connection, so as not to wait for a pool later). */
    default void prepare() {}

    /** Lets go of what it holds; called once, when the stage stops. */
    default void release() {}
  }

  /** The store's checkpoint, on a connection of this stage's own (see {@link OwnConnection}). */
  static Checkpoint of(Store store) {
    OwnConnection connection = new OwnConnection(store);
    return new Checkpoint() {
      @Override
      public void run(boolean coversWrites) {
        connection.run(opened -> {
          store.checkpoint(opened, coversWrites);
          return null;
        });
      }

      @Override
      public void prepare() {
        connection.open();
      }

      @Override
      public void release() {
        connection.close();
      }
    };
  }

  private static final Logger LOG = LoggerFactory.getLogger(DurableAnswers.class);
  private static final long IDLE_WAKE_UP_MILLIS = 50;
  /** How often a checkpoint waiting for its gap looks whether the writer is still busy. */
  private static final long BUSY_LOOK_NANOS = 200_000;

  private final Checkpoint checkpoint;
  private final long gapNanos;
  private final BooleanSupplier writerBusy;
  private final EngineMetrics metrics;
  private final BlockingQueue<Batch> committed = new LinkedBlockingQueue<>();
  /** Commands handed over and not answered yet. */
  private final AtomicInteger waitingCommands = new AtomicInteger();
  private final Thread thread;
  private volatile boolean closing;
  private long lastCheckpointStarted;

  /**
   * {@code gap}: the least time from the start of one checkpoint to the start of the next while {@code writerBusy}
   * (see the class comment); when the writer has nothing more to commit, waiting would only delay the answers.
   */
  DurableAnswers(Checkpoint checkpoint, Duration gap, BooleanSupplier writerBusy, EngineMetrics metrics) {
    this.checkpoint = checkpoint;
    this.metrics = metrics;
    this.gapNanos = gap.toNanos();
    this.writerBusy = writerBusy;
    this.thread = Thread.ofPlatform().name("milepost-checkpoint").daemon().start(this::loop);
  }

  /** Hands over a batch the writer has just committed (not yet durable). */
  @Override
  public void committed(Batch batch) {
    waitingCommands.addAndGet(batch.commands());
    committed.add(batch);
  }

  @Override
  public int waitingCommands() {
    return waitingCommands.get();
  }

  @Override
  public boolean isOwnThread() {
    return Thread.currentThread() == thread;
  }

  private void loop() {
    try {
      checkpoint.prepare();
    } catch (RuntimeException e) {
      LOG.warn("The checkpoint could not open its connection yet; it tries again with the first batch", e);
    }
    try {
      answerUntilClosed();
    } finally {
      checkpoint.release();
    }
  }

  private void answerUntilClosed() {
    List<Batch> batches = new ArrayList<>();
    while (!closing || !committed.isEmpty()) {
      batches.clear();
      try {
        Batch first = committed.poll(IDLE_WAKE_UP_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        waitForTheGapSinceTheLastCheckpoint();
        batches.add(first);
        committed.drainTo(batches);
        checkpointAndAnswer(batches);
      } catch (InterruptedException e) {
        return;
      } catch (Throwable unexpected) {
        // like the writer, this thread outlives whatever one round does; its batches' callers time out
        LOG.error("Answering {} committed batches failed", batches.size(), unexpected);
      }
    }
  }

  /** While the writer is busy (more batches are about to commit), until the gap since the last checkpoint passed. */
  private void waitForTheGapSinceTheLastCheckpoint() {
    long gapEnd = lastCheckpointStarted + gapNanos;
    long now;
    while (writerBusy.getAsBoolean() && (now = System.nanoTime()) < gapEnd) {
      LockSupport.parkNanos(Math.min(gapEnd - now, BUSY_LOOK_NANOS));
    }
    lastCheckpointStarted = System.nanoTime();
  }

  private void checkpointAndAnswer(List<Batch> batches) {
    RuntimeException failure = null;
    long started = System.nanoTime();
    try {
      checkpoint.run(batches.stream().anyMatch(Batch::wrote));
      metrics.checkpointed(batches.stream().mapToInt(Batch::commands).sum(),
          Duration.ofNanos(System.nanoTime() - started));
    } catch (RuntimeException failed) {
      failure = failed;
    }
    for (Batch batch : batches) {
      waitingCommands.addAndGet(-batch.commands());
      try {
        if (failure == null) {
          batch.durable();
        } else {
          batch.lost(failure);
        }
      } catch (RuntimeException e) {
        LOG.warn("Answering a committed batch failed", e);
      }
    }
  }

  /** Answers what was committed so far after one last checkpoint (see {@link AnswerStage#close}). */
  @Override
  public void close(long waitMillis) {
    closing = true;
    try {
      thread.join(waitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      IllegalStateException closed = new IllegalStateException("The engine was closed before the command's commit "
          + "was written to disk: it may or may not have been applied");
      Batch batch;
      while ((batch = committed.poll()) != null) {
        waitingCommands.addAndGet(-batch.commands());
        batch.lost(closed);
      }
    }
  }
}
