package io.milepost.host.api;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.ProcessInstanceView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the root of a process instance (the instance at the top of its call-activity chain), remembering what it
 * found for the life of one request.
 */
public final class RootProcessInstances {

  private final EngineQueries queries;
  private final Map<Long, Long> roots = new HashMap<>();

  public RootProcessInstances(EngineQueries queries) {
    this.queries = queries;
  }

  public long rootOf(long processInstanceKey) {
    Long known = roots.get(processInstanceKey);
    if (known != null) {
      return known;
    }
    long current = processInstanceKey;
    // Call activities nest; bounded so a broken parent chain cannot loop forever.
    for (int depth = 0; depth < 1000; depth++) {
      Optional<Long> parent = queries.processInstance(current).map(ProcessInstanceView::parentProcessInstanceKey);
      if (parent.isEmpty()) {
        break;
      }
      current = parent.get();
    }
    roots.put(processInstanceKey, current);
    return current;
  }
}
