package io.milepost.host.web.task;

import io.milepost.engine.api.BusinessIdPaths;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The id people on the floor know a process instance by (the order id, the inbound shipment id, the parcel's
 * tracking id), from the ids the engine recorded at its {@link BusinessIdPaths}
 * ({@code milepost.engine.business-id-paths}). An instance that carries several shows the one whose path comes first.
 */
@Component
public final class BusinessIds {

  private final JdbcClient jdbc;
  private final BusinessIdPaths paths;

  BusinessIds(JdbcClient jdbc, BusinessIdPaths paths) {
    this.jdbc = jdbc;
    this.paths = paths;
  }

  private record Recorded(String id, int rank) {}

  /** Business id by process instance key; instances without one are absent. */
  public Map<Long, String> of(Collection<Long> processInstanceKeys) {
    Map<Long, Recorded> preferred = new HashMap<>();
    if (processInstanceKeys.isEmpty()) {
      return Map.of();
    }
    jdbc.sql("SELECT process_instance_key, path, business_id FROM business_id WHERE process_instance_key IN (:keys)")
        .param("keys", processInstanceKeys)
        .query((rs, n) -> {
          Recorded recorded = new Recorded(rs.getString("business_id"), paths.rank(rs.getString("path")));
          preferred.merge(rs.getLong("process_instance_key"), recorded, (a, b) -> preferOver(b, a) ? b : a);
          return null;
        })
        .list();
    Map<Long, String> ids = new HashMap<>();
    preferred.forEach((key, recorded) -> ids.put(key, recorded.id()));
    return ids;
  }

  /** The earlier path wins; between two ids at one path (rewritten), the greater, so the choice never flickers. */
  private static boolean preferOver(Recorded candidate, Recorded current) {
    return candidate.rank() < current.rank()
        || candidate.rank() == current.rank() && candidate.id().compareTo(current.id()) > 0;
  }
}
