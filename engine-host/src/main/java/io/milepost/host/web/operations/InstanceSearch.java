package io.milepost.host.web.operations;

import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.host.web.task.BusinessIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds process instances by process, state, business id, site and start time, newest first. Business id and
 * site are not fields of an instance (they live in its {@code order}/{@code shipment}/{@code parcel} variable
 * and in the host's step records), which the engine's search cannot filter on, so this is one SQL statement.
 */
@Component
public final class InstanceSearch {

  /** Like the engine's searches: counting stops here so a page costs the same with a million instances. */
  static final int COUNT_LIMIT = 10_000;

  private final JdbcClient jdbc;
  private final BusinessIds businessIds;

  InstanceSearch(JdbcClient jdbc, BusinessIds businessIds) {
    this.jdbc = jdbc;
    this.businessIds = businessIds;
  }

  public record Result(List<InstanceRow> rows, long total, boolean moreThanTotal) {}

  Result find(InstanceSearchRequest request) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>(List.of("p.parent_process_instance_key IS NULL"));
    if (request.process() != null) {
      conditions.add("p.bpmn_process_id = :process");
      params.put("process", request.process());
    }
    if (request.state() != null) {
      conditions.add("p.state = :state");
      params.put("state", request.state().name());
    }
    if (request.withIncident()) {
      conditions.add("p.incident_count > 0");
    }
    if (request.from() != null) {
      conditions.add("p.start_time >= :from");
      params.put("from", request.from().toInstant(ZoneOffset.UTC).toEpochMilli());
    }
    if (request.to() != null) {
      conditions.add("p.start_time < :to");
      params.put("to", request.to().toInstant(ZoneOffset.UTC).toEpochMilli());
    }
    if (request.businessId() != null) {
      // The id as a JSON string value inside the instance's business variable.
      conditions.add("EXISTS (SELECT 1 FROM variable v WHERE v.scope_key = p.process_instance_key"
          + " AND v.name IN ('order', 'shipment', 'parcel') AND v.value_json LIKE :business ESCAPE '\\')");
      params.put("business", "%\"" + escapeLike(request.businessId()) + "\"%");
    }
    if (request.siteId() != null) {
      conditions.add("EXISTS (SELECT 1 FROM step_record r WHERE r.process_instance_key = p.process_instance_key"
          + " AND r.site_id = :site)");
      params.put("site", request.siteId());
    }
    String where = String.join(" AND ", conditions);
    long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM process_instance p WHERE " + where
            + " FETCH FIRST " + COUNT_LIMIT + " ROWS ONLY) c")
        .params(params).query(Long.class).single();
    params.put("from_row", request.page() * InstanceSearchRequest.PAGE_SIZE);
    params.put("size", InstanceSearchRequest.PAGE_SIZE);
    List<InstanceRow> rows = jdbc.sql("SELECT * FROM process_instance p WHERE " + where
            + " ORDER BY p.process_instance_key DESC OFFSET :from_row ROWS FETCH NEXT :size ROWS ONLY")
        .params(params)
        .query((rs, n) -> {
          long end = rs.getLong("end_time");
          Instant endDate = rs.wasNull() ? null : Instant.ofEpochMilli(end);
          return new InstanceRow(rs.getLong("process_instance_key"), rs.getString("bpmn_process_id"),
              rs.getInt("version"), ProcessInstanceState.valueOf(rs.getString("state")),
              Instant.ofEpochMilli(rs.getLong("start_time")), endDate, rs.getInt("incident_count") > 0, null);
        })
        .list();
    Map<Long, String> ids = businessIds.of(rows.stream().map(InstanceRow::key).toList());
    List<InstanceRow> named = rows.stream().map(row -> new InstanceRow(row.key(), row.bpmnProcessId(), row.version(),
        row.state(), row.startDate(), row.endDate(), row.hasIncident(), ids.get(row.key()))).toList();
    return new Result(named, total, total >= COUNT_LIMIT);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
