package io.milepost.host.step;

/**
 * Brings the jobs of a type to the {@link StepDispatcher} and its answers back to the engine: in process
 * ({@link EngineTransport}) when the engine runs in this host, or through the official Camunda client
 * ({@link ClientTransport}) when the workers serve another engine.
 */
interface StepTransport extends AutoCloseable {

  /** Starts taking the jobs of {@code jobType}. */
  void open(String jobType);

  /** Stops taking jobs; jobs already taken finish. */
  @Override
  void close();
}
