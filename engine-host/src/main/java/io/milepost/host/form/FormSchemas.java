package io.milepost.host.form;

import io.milepost.engine.api.EngineQueries;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The deployed Camunda forms (.form), by the form key a user task carries, as parsed JSON. */
@Component
public final class FormSchemas {

  private final EngineQueries queries;
  private final JsonMapper json;

  FormSchemas(EngineQueries queries, JsonMapper json) {
    this.queries = queries;
    this.json = json;
  }

  /** The form's schema; empty when the key is null, not a number or names no deployed form. */
  public Optional<JsonNode> schema(String formKey) {
    if (formKey == null || !formKey.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return queries.form(Long.parseLong(formKey)).map(form -> json.readTree(form.schema()));
  }
}
