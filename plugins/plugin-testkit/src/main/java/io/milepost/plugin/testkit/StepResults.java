package io.milepost.plugin.testkit;

import io.milepost.plugin.api.StepResult;
import java.util.Collection;
import java.util.Map;

/** Unwraps a {@link StepResult} in a test, failing with a message that says what came instead. */
public final class StepResults {

  private StepResults() {}

  /**
   * The variables of a completed result, after checking that every value is JSON-like (what the host
   * can store as a process variable).
   *
   * @throws AssertionError when the result is an error or a retry, or a value is not JSON-like
   */
  public static Map<String, Object> completed(StepResult result) {
    if (!(result instanceof StepResult.Complete complete)) {
      throw new AssertionError("Expected the step to complete, but it returned " + result);
    }
    complete.variables().forEach((name, value) -> requireJsonLike(name, value));
    return complete.variables();
  }

  /** The BPMN error of a result. */
  public static StepResult.Error error(StepResult result) {
    if (!(result instanceof StepResult.Error error)) {
      throw new AssertionError("Expected the step to throw a BPMN error, but it returned " + result);
    }
    return error;
  }

  private static void requireJsonLike(String path, Object value) {
    switch (value) {
      case null -> {}
      case String ignored -> {}
      case Number ignored -> {}
      case Boolean ignored -> {}
      case Map<?, ?> map -> map.forEach((key, inner) -> {
        if (!(key instanceof String)) {
          throw new AssertionError("Expected string keys in " + path + ", but found " + key);
        }
        requireJsonLike(path + "." + key, inner);
      });
      case Collection<?> list -> {
        int index = 0;
        for (Object inner : list) {
          requireJsonLike(path + "[" + index++ + "]", inner);
        }
      }
      default -> throw new AssertionError(
          "Expected a JSON-like value at " + path + ", but found a " + value.getClass().getName());
    }
  }
}
