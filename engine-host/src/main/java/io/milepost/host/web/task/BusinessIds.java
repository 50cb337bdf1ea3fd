package io.milepost.host.web.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The id people on the floor know a process instance by: the order id, the inbound shipment id or the parcel's
 * tracking id, read from the instance's {@code order}, {@code shipment} or {@code parcel} variable.
 */
@Component
public final class BusinessIds {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  BusinessIds(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Business id by process instance key; instances without one are absent. */
  public Map<Long, String> of(Collection<Long> processInstanceKeys) {
    Map<Long, String> ids = new HashMap<>();
    if (processInstanceKeys.isEmpty()) {
      return ids;
    }
    jdbc.sql("SELECT scope_key, name, value_json FROM variable WHERE scope_key IN (:keys)"
            + " AND name IN ('order', 'shipment', 'parcel')")
        .param("keys", processInstanceKeys)
        .query((rs, n) -> {
          String id = businessId(rs.getString("name"), rs.getString("value_json"));
          if (id != null) {
            ids.put(rs.getLong("scope_key"), id);
          }
          return null;
        })
        .list();
    return ids;
  }

  /** The id inside one of those variables' JSON values, null when it has none. */
  public String businessId(String variableName, String valueJson) {
    JsonNode value = json.readTree(valueJson);
    JsonNode id = switch (variableName) {
      case "order" -> value.path("orderId");
      case "shipment" -> value.path("shipmentId");
      case "parcel" -> value.path("trackingId");
      default -> MissingNode.getInstance();
    };
    return id.isValueNode() ? id.asString() : null;
  }
}
