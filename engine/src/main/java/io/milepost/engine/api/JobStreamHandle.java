package io.milepost.engine.api;

/** An open job stream or job wait; closing it stops the pushes (jobs already handed over stay activated). */
public interface JobStreamHandle extends AutoCloseable {

  /** Asks for the jobs already waiting, e.g. after the sink became {@link JobSink#ready() ready} again. */
  void resume();

  @Override
  void close();
}
