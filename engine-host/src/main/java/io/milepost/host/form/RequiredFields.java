package io.milepost.host.form;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.expression.ExpressionException;
import io.milepost.engine.expression.ExpressionLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The server's own check of a user task's form before it completes: every field the form marks required
 * must have a value, either in the completion's variables or already in the task's scope (the form was
 * prefilled from those). A browser can skip the form's own validation; this cannot be skipped.
 *
 * <p>A field (or group) with a {@code conditional.hide} FEEL expression is hidden, and so not required, when the
 * expression is true for the form's data (the task's variables with the submitted values over them), as form-js
 * decides in the browser; an expression that fails to evaluate hides nothing, as in form-js.
 */
@Component
public final class RequiredFields {

  private final FormSchemas forms;
  private final EngineQueries queries;
  private final ExpressionLanguage feel = new ExpressionLanguage();

  public RequiredFields(FormSchemas forms, EngineQueries queries) {
    this.forms = forms;
    this.queries = queries;
  }

  /** Throws an INVALID_ARGUMENT rejection naming every required field left empty. */
  public void check(long userTaskKey, Map<String, Object> submitted) {
    UserTaskView task = queries.userTask(userTaskKey).orElse(null);
    if (task == null) {
      return; // the engine's own command answers "not found" in its words
    }
    JsonNode schema = forms.schema(task.formKey()).orElse(null);
    if (schema == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>(queries.visibleVariables(task.elementInstanceKey()));
    data.putAll(submitted);
    List<RequiredField> required = new ArrayList<>();
    collect(schema.path("components"), "", data, required);
    List<String> missing = required.stream()
        .filter(field -> !hasValue(data, field.path()))
        .map(RequiredField::describe)
        .toList();
    if (!missing.isEmpty()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected a value for every required field of form '"
          + schema.path("id").asString("") + "' on user task " + userTaskKey + ", but " + String.join(", ", missing)
          + (missing.size() == 1 ? " was" : " were") + " empty");
    }
  }

  /** Required fields by their variable path; groups with a {@code path} nest their fields under it. */
  private void collect(JsonNode components, String prefix, Map<String, Object> data, List<RequiredField> into) {
    for (JsonNode component : components) {
      if (hidden(component, data)) {
        continue;
      }
      if (component.has("components")) {
        String path = component.path("path").asString("");
        collect(component.path("components"), path.isEmpty() ? prefix : prefix + path + ".", data, into);
      } else if (component.path("validate").path("required").asBoolean(false) && component.hasNonNull("key")) {
        into.add(new RequiredField(prefix + component.path("key").asString(), component.path("label").asString("")));
      }
    }
  }

  private boolean hidden(JsonNode component, Map<String, Object> data) {
    String hide = component.path("conditional").path("hide").asString("");
    if (!hide.startsWith("=")) {
      return false;
    }
    try {
      return Boolean.TRUE.equals(feel.evaluate(feel.parse(hide), data));
    } catch (ExpressionException unevaluable) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static boolean hasValue(Map<String, Object> variables, String path) {
    Object value = variables;
    for (String part : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return false;
      }
      value = ((Map<String, Object>) map).get(part);
    }
    return value != null && !(value instanceof String text && text.isBlank())
        && !(value instanceof List<?> list && list.isEmpty());
  }

  private record RequiredField(String path, String label) {
    String describe() {
      return label.isBlank() ? "'" + path + "'" : "'" + label + "' (" + path + ")";
    }
  }
}
