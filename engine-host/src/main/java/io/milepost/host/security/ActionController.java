package io.milepost.host.security;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/actions?subjectKey=K}: who deployed, cancelled, resolved or completed K, and when. */
@RestController
@RequestMapping("/api/actions")
final class ActionController {

  private final ActionLog log;

  ActionController(ActionLog log) {
    this.log = log;
  }

  @GetMapping
  List<ActionResponse> of(@RequestParam long subjectKey) {
    return log.of(subjectKey).stream().map(ActionResponse::of).toList();
  }

  /** Keys as strings, like the Camunda 8 API. */
  record ActionResponse(String action, String subjectKey, String actor, String recordedAt) {
    static ActionResponse of(ActionLog.RecordedAction action) {
      return new ActionResponse(action.action().name(), Long.toString(action.subjectKey()), action.actor(),
          action.recordedAt().toString());
    }
  }
}
