package io.milepost.engine.job;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.processing.BpmnElementContext;
import io.milepost.engine.processing.IncidentBehavior;
import java.util.Map;

/**
 * Throws a BPMN error from an element. Without a catching boundary or event sub-process in any
 * enclosing scope, it becomes an UNHANDLED_ERROR_EVENT incident naming the code.
 */
final class ErrorEventBehavior {

  private final BpmnBehaviors behaviors;

  ErrorEventBehavior(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  void throwError(BpmnElementContext source, String code, String message, Map<String, Object> variables, Long jobKey) {
    behaviors.incidents().raise(source, IncidentBehavior.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '" + code + "'" + (message == null || message.isBlank() ? "" : " with message '" + message + "'")
            + ", but it was not caught. No error events are available in the scope.", jobKey);
  }
}
