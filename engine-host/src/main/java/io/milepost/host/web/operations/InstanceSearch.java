package io.milepost.host.web.operations;

import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.Page;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.VariableMatch;
import io.milepost.host.web.task.BusinessIds;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Finds process instances by process, state, business id, site and start time, newest first, with the engine's
 * instance search. The business id is one the engine recorded at its business-id paths (an order id, shipment id
 * or tracking id, see {@code milepost.engine.business-id-paths}), matched exactly; the site is a step's
 * {@code siteId} variable (the model maps each step's site into it), so "ran at a site" is a condition on the
 * instance's variables.
 */
@Component
public final class InstanceSearch {

  private static final String SITE_VARIABLE = "siteId";

  private final EngineQueries queries;
  private final BusinessIds businessIds;

  InstanceSearch(EngineQueries queries, BusinessIds businessIds) {
    this.queries = queries;
    this.businessIds = businessIds;
  }

  public record Result(List<InstanceRow> rows, long total, boolean moreThanTotal) {}

  Result find(InstanceSearchRequest request) {
    List<VariableMatch> variables = request.siteId() == null ? List.of()
        : List.of(VariableMatch.oneOf(SITE_VARIABLE, List.of(request.siteId())));
    ProcessInstanceFilter filter = new ProcessInstanceFilter(null, request.process(), null, null, request.state(),
        null, request.withIncident() ? true : null, true,
        request.from() == null ? null : request.from().toInstant(ZoneOffset.UTC),
        request.to() == null ? null : request.to().toInstant(ZoneOffset.UTC), request.businessId(), variables);
    Page<ProcessInstanceView> page = queries.searchProcessInstances(filter,
        new PageRequest(request.page() * InstanceSearchRequest.PAGE_SIZE, InstanceSearchRequest.PAGE_SIZE, true));
    Map<Long, String> ids = businessIds.of(page.items().stream().map(ProcessInstanceView::key).toList());
    List<InstanceRow> rows = page.items().stream().map(instance -> new InstanceRow(instance.key(),
        instance.bpmnProcessId(), instance.version(), instance.state(), instance.startDate(), instance.endDate(),
        instance.hasIncident(), ids.get(instance.key()))).toList();
    return new Result(rows, page.totalItems(), page.hasMoreTotalItems());
  }
}
