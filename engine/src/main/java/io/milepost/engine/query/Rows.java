package io.milepost.engine.query;

import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.FormView;
import io.milepost.engine.api.IncidentState;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.JobView;
import io.milepost.engine.api.MessageSubscriptionView;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.api.VariableView;
import io.milepost.engine.state.EventLog;
import io.milepost.engine.state.PackedEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Turns rows of the V1 schema into the API's views; JSON text columns are parsed here. */
final class Rows {

  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final JsonMapper json;

  Rows(JsonMapper json) {
    this.json = json;
  }

  ProcessInstanceView processInstance(ResultSet row) throws SQLException {
    return new ProcessInstanceView(
        row.getLong("process_instance_key"),
        row.getLong("process_definition_key"),
        row.getString("bpmn_process_id"),
        row.getInt("version"),
        ProcessInstanceState.valueOf(row.getString("state")),
        instant(row, "start_time"),
        instant(row, "end_time"),
        nullableLong(row, "parent_process_instance_key"),
        nullableLong(row, "parent_element_instance_key"),
        row.getInt("incident_count") > 0,
        row.getString("tenant_id"));
  }

  ProcessDefinitionView processDefinition(ResultSet row) throws SQLException {
    return new ProcessDefinitionView(
        row.getLong("process_definition_key"),
        row.getString("bpmn_process_id"),
        row.getString("name"),
        row.getInt("version"),
        row.getString("resource_name"),
        row.getLong("deployment_key"),
        row.getString("tenant_id"));
  }

  IncidentView incident(ResultSet row) throws SQLException {
    return new IncidentView(
        row.getLong("incident_key"),
        row.getLong("process_instance_key"),
        row.getLong("process_definition_key"),
        row.getString("bpmn_process_id"),
        row.getString("element_id"),
        row.getLong("element_instance_key"),
        nullableLong(row, "job_key"),
        row.getString("error_type"),
        row.getString("error_message"),
        IncidentState.valueOf(row.getString("state")),
        instant(row, "created_at"),
        row.getString("tenant_id"));
  }

  UserTaskView userTask(ResultSet row) throws SQLException {
    return new UserTaskView(
        row.getLong("user_task_key"),
        row.getString("name"),
        UserTaskState.valueOf(row.getString("state")),
        row.getString("assignee"),
        parse(row, "candidate_groups", STRING_LIST, List.of()),
        parse(row, "candidate_users", STRING_LIST, List.of()),
        row.getString("element_id"),
        row.getLong("element_instance_key"),
        row.getLong("process_instance_key"),
        row.getLong("process_definition_key"),
        row.getString("bpmn_process_id"),
        row.getInt("process_version"),
        instant(row, "created_at"),
        instant(row, "completed_at"),
        row.getString("due_date"),
        row.getString("follow_up_date"),
        row.getString("form_key"),
        row.getString("external_form_reference"),
        nullableInt(row, "priority"),
        parse(row, "custom_headers", STRING_MAP, Map.of()),
        row.getString("tenant_id"));
  }

  JobView job(ResultSet row) throws SQLException {
    return new JobView(
        row.getLong("job_key"),
        row.getString("job_type"),
        JobState.valueOf(row.getString("state")),
        row.getInt("retries"),
        row.getString("worker"),
        instant(row, "deadline"),
        row.getString("error_message"),
        row.getLong("process_instance_key"),
        row.getString("element_id"),
        row.getLong("element_instance_key"),
        row.getString("bpmn_process_id"),
        row.getLong("process_definition_key"),
        row.getString("kind"),
        parse(row, "custom_headers", STRING_MAP, Map.of()),
        instant(row, "created_at"),
        row.getString("tenant_id"));
  }

  FormView form(ResultSet row) throws SQLException {
    return new FormView(row.getLong("form_key"), row.getString("form_id"), row.getInt("version"),
        row.getString("schema_json"), row.getString("tenant_id"));
  }

  MessageSubscriptionView messageSubscription(ResultSet row) throws SQLException {
    return new MessageSubscriptionView(
        row.getLong("subscription_key"),
        row.getString("message_name"),
        row.getString("correlation_key"),
        row.getString("element_id"),
        row.getLong("element_instance_key"),
        row.getLong("process_instance_key"),
        row.getLong("process_definition_key"),
        row.getString("bpmn_process_id"),
        instant(row, "start_time"),
        row.getString("tenant_id"));
  }

  VariableView variable(ResultSet row) throws SQLException {
    return new VariableView(
        row.getLong("variable_key"),
        row.getString("name"),
        row.getString("value_json"),
        row.getLong("scope_key"),
        row.getLong("process_instance_key"),
        row.getString("tenant_id"));
  }

  /** The events of one event log row: its own, then those packed with it, at consecutive positions. */
  List<EngineEvent> events(ResultSet row) throws SQLException {
    long rowPosition = row.getLong("position");
    long processInstanceKey = row.getLong("process_instance_key");
    List<EventLog.Entry> packed = PackedEvents.decode(row.getString("packed_events"), processInstanceKey);
    List<EngineEvent> events = new ArrayList<>(1 + packed.size());
    events.add(new EngineEvent(
        PackedEvents.position(rowPosition, 0),
        row.getLong("record_key"),
        row.getString("value_type"),
        row.getString("intent"),
        processInstanceKey,
        row.getString("element_id"),
        row.getString("element_type"),
        instant(row, "created_at"),
        row.getString("payload_json")));
    for (int i = 0; i < packed.size(); i++) {
      EventLog.Entry e = packed.get(i);
      events.add(new EngineEvent(PackedEvents.position(rowPosition, i + 1), e.key(), e.valueType(), e.intent(),
          processInstanceKey, e.elementId(), e.elementType(), Instant.ofEpochMilli(e.timestamp()), e.payloadJson()));
    }
    return events;
  }

  /** A variable's value as plain Java: maps, lists, strings, numbers, booleans or null. */
  Object value(String name, String valueJson) {
    try {
      return json.readValue(valueJson, Object.class);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          "Expected variable '" + name + "' to hold JSON, but found: " + abbreviate(valueJson), e);
    }
  }

  String jsonString(String value) {
    return json.writeValueAsString(value);
  }

  /** Any value as the JSON a variable's value is stored as. */
  String jsonValue(Object value) {
    return json.writeValueAsString(value);
  }

  /** A JSON array of strings (candidate groups, candidate users). */
  List<String> strings(String arrayJson) {
    return arrayJson == null ? List.of() : json.readValue(arrayJson, STRING_LIST);
  }

  private <T> T parse(ResultSet row, String column, TypeReference<T> type, T whenEmpty) throws SQLException {
    String text = row.getString(column);
    if (text == null || text.isBlank()) {
      return whenEmpty;
    }
    try {
      return json.readValue(text, type);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          "Expected column " + column + " to hold " + type.getType() + " as JSON, but found: " + abbreviate(text), e);
    }
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
