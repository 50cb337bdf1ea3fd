package io.milepost.engine.processing;

/**
 * Where the writer hands each committed batch to be answered: at once where a commit is durable when it returns
 * ({@link #IMMEDIATE}: PostgreSQL, H2 in memory), or once a checkpoint has made it durable ({@link DurableAnswers}:
 * H2's file store).
 */
interface AnswerStage {

  /** What to do with one committed batch once its commit is durable, or once making it durable failed. */
  interface Batch {
    int commands();

    boolean wrote();

    void durable();

    void lost(RuntimeException checkpointFailure);
  }

  /** Answers each batch on the writer's thread as it is handed over: its commit is durable already. */
  AnswerStage IMMEDIATE = new AnswerStage() {
    @Override
    public void committed(Batch batch) {
      batch.durable();
    }

    @Override
    public int waitingCommands() {
      return 0;
    }

    @Override
    public boolean isOwnThread() {
      return false;
    }

    @Override
    public void close(long waitMillis) {}
  };

  /** Hands over a batch the writer has just committed. */
  void committed(Batch batch);

  /** Commands handed over and not answered yet. */
  int waitingCommands();

  /** Whether the caller runs on this stage's own thread (which must not submit commands and wait for them). */
  boolean isOwnThread();

  /**
   * Answers what was handed over so far and stops; waits at most {@code waitMillis}. Called once the writer has
   * stopped, so nothing is handed over after it.
   */
  void close(long waitMillis);
}
