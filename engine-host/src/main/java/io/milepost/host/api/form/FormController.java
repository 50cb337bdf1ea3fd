package io.milepost.host.api.form;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.FormView;
import io.milepost.engine.api.UserTaskView;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.Keys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deployed Camunda forms: {@code GET /v2/forms/{formKey}} and the form a user task links,
 * {@code GET /v2/user-tasks/{key}/form} (204 when the task links none, as in Camunda).
 */
@RestController
final class FormController {

  private final EngineQueries queries;

  FormController(EngineQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/v2/forms/{formKey}")
  FormResponse form(@PathVariable String formKey) {
    long key = Keys.parse("formKey", formKey);
    return queries.form(key).map(FormResponse::of)
        .orElseThrow(() -> ApiException.notFound("Expected to find form " + key + ", but none exists"));
  }

  @GetMapping("/v2/user-tasks/{userTaskKey}/form")
  ResponseEntity<FormResponse> userTaskForm(@PathVariable String userTaskKey) {
    long key = Keys.parse("userTaskKey", userTaskKey);
    UserTaskView task = queries.userTask(key)
        .orElseThrow(() -> ApiException.notFound("Expected to find user task " + key + ", but none exists"));
    if (task.formKey() == null || task.formKey().isBlank() || !task.formKey().chars().allMatch(Character::isDigit)) {
      return ResponseEntity.noContent().build();
    }
    long linked = Long.parseLong(task.formKey());
    FormView form = queries.form(linked).orElseThrow(() -> ApiException.notFound(
        "Expected user task " + key + "'s form " + linked + " to exist, but it does not"));
    return ResponseEntity.ok(FormResponse.of(form));
  }

  /** Camunda's {@code FormResult}: the schema is the form's JSON as a string. */
  record FormResponse(String tenantId, String formId, String schema, long version, String formKey) {

    static FormResponse of(FormView form) {
      return new FormResponse(form.tenantId(), form.formId(), form.schema(), form.version(), Keys.format(form.key()));
    }
  }
}
