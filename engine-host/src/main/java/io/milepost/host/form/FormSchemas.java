package io.milepost.host.form;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployed Camunda forms (.form), by the form key a user task carries. The engine stores them with
 * their deployment but its query API does not hand them out, so this reads the engine's {@code form} table
 * on the shared store: same transaction-consistent data the engine wrote.
 */
@Component
public final class FormSchemas {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  FormSchemas(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The form's schema JSON; empty when the key is null, not a number or names no deployed form. */
  public Optional<JsonNode> schema(String formKey) {
    if (formKey == null || !formKey.matches("\\d{1,19}")) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT schema_json FROM form WHERE form_key = ?")
        .param(Long.parseLong(formKey))
        .query(String.class)
        .optional()
        .map(json::readTree);
  }
}
