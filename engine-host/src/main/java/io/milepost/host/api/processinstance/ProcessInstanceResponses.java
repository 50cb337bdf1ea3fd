package io.milepost.host.api.processinstance;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.host.api.Dates;
import io.milepost.host.api.Keys;
import io.milepost.host.api.RootProcessInstances;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds instance responses; the definition names and root keys it looks up are cached for one request. */
final class ProcessInstanceResponses {

  private final EngineQueries queries;
  private final Map<Long, Optional<ProcessDefinitionView>> definitions = new HashMap<>();
  private final RootProcessInstances roots;

  ProcessInstanceResponses(EngineQueries queries) {
    this.queries = queries;
    this.roots = new RootProcessInstances(queries);
  }

  ProcessInstanceResponse of(ProcessInstanceView instance) {
    String name = definitions.computeIfAbsent(instance.processDefinitionKey(), queries::processDefinition)
        .map(ProcessDefinitionView::name).orElse(null);
    return new ProcessInstanceResponse(
        instance.bpmnProcessId(),
        name,
        instance.version(),
        null,
        Dates.format(instance.startDate()),
        Dates.format(instance.endDate()),
        instance.state().name(),
        instance.hasIncident(),
        instance.tenantId(),
        Keys.format(instance.key()),
        Keys.format(instance.processDefinitionKey()),
        Keys.format(instance.parentProcessInstanceKey()),
        Keys.format(instance.parentElementInstanceKey()),
        Keys.format(rootOf(instance)),
        List.of());
  }

  private long rootOf(ProcessInstanceView instance) {
    return instance.parentProcessInstanceKey() == null ? instance.key() : roots.rootOf(instance.parentProcessInstanceKey());
  }
}
