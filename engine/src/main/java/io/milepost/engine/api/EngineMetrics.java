package io.milepost.engine.api;

import java.time.Duration;

/**
 * What the engine tells about its work, for whoever keeps metrics (the host implements it with
 * Micrometer; the engine stays free of any metrics library). Called on the engine's writer thread right
 * after a commit, or on its checkpoint thread (H2) right after a checkpoint: implementations must be quick and
 * must not call back into the engine.
 */
public interface EngineMetrics {

  /** Tells nothing. */
  EngineMetrics NONE = new EngineMetrics() {};

  /**
   * One batch of commands was applied and committed in one transaction.
   *
   * @param accepted commands that were applied
   * @param rejected commands refused or failed (rolled back to their savepoint; the batch still committed)
   * @param duration from the batch's first command to its commit
   * @param queued commands that were waiting behind the batch when it started
   */
  default void batchCommitted(int accepted, int rejected, Duration duration, int queued) {}

  /**
   * A command was answered once its batch's commit was durable (a refusal too): where its time went, as its caller
   * waited. The rest of {@code total} after {@code queued} is its batch's commit ({@link #batchCommitted}) and, on H2,
   * the wait for the checkpoint that made it durable and that checkpoint ({@link #checkpointed}).
   *
   * @param queued from its submission to the start of the batch that applied it (the writer was busy with others)
   * @param total from its submission to its answer
   */
  default void commandAnswered(Duration queued, Duration total) {}

  /** A batch failed to commit, or (H2) its checkpoint failed to write it to disk: all its commands failed. */
  default void batchFailed(int commands) {}

  /**
   * On H2, a checkpoint made the last batches' commits durable (written to the file and, by default, forced to the
   * device) before their commands were answered.
   *
   * @param commands commands of the batches it covered
   * @param duration the checkpoint itself: writing, forcing, and waiting for H2's store lock (held while H2
   *     compacts its file)
   */
  default void checkpointed(int commands, Duration duration) {}

  /** An activation request ({@link Engine#activateJobs} or a long poll, {@link Engine#awaitJobs}) got jobs of a type. */
  default void jobsActivated(String jobType, int count) {}

  /** Jobs were pushed to a job stream ({@link Engine#openJobStream}). */
  default void jobsPushed(String jobType, int count) {}

  /**
   * The history retention deleted process instances (roots and the children their call activities started) that
   * ended longer ago than the retention. Called on the due-work thread once their deletion committed.
   */
  default void historyDeleted(int processInstances) {}
}
