package io.milepost.bench.engine;

/**
 * How the Camunda client's job handlers complete their jobs ({@code --completion=blocking}, the default, or
 * {@code --completion=async}). A blocking handler holds one of the client's job-handling threads until the engine
 * answers its completion, a durable commit away, so those threads bound the completions in flight; an async handler
 * sends the completion and returns, as Camunda's own benchmark worker does, and the worker activates more jobs
 * meanwhile. The in-process and Flowable engines have no client handlers and always wait for each completion.
 */
public enum HandlerCompletion {
  BLOCKING("job handlers wait for each completion's answer"),
  ASYNC("the Camunda client's job handlers send each completion and return (`--completion=async`)");

  private final String description;

  HandlerCompletion(String description) {
    this.description = description;
  }

  /** The phrase the report's settings line uses. */
  public String description() {
    return description;
  }
}
