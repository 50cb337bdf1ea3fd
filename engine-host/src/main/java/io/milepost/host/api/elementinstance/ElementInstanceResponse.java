package io.milepost.host.api.elementinstance;

import io.milepost.engine.api.ElementInstanceView;
import io.milepost.host.api.Dates;
import io.milepost.host.api.Keys;
import io.milepost.host.api.RootProcessInstances;

/** An element instance as Camunda's {@code ElementInstanceResult} names its fields. */
record ElementInstanceResponse(String processDefinitionId, String startDate, String endDate, String elementId,
    String elementName, String type, String state, boolean hasIncident, String tenantId, String elementInstanceKey,
    String processInstanceKey, String rootProcessInstanceKey, String processDefinitionKey, String incidentKey) {

  static ElementInstanceResponse of(ElementInstanceView element, RootProcessInstances roots) {
    return new ElementInstanceResponse(element.bpmnProcessId(), Dates.format(element.startDate()),
        Dates.format(element.endDate()), element.elementId(), element.elementName(), element.elementType(),
        element.state().name(), element.hasIncident(), element.tenantId(), Keys.format(element.key()),
        Keys.format(element.processInstanceKey()), Keys.format(roots.rootOf(element.processInstanceKey())),
        Keys.format(element.processDefinitionKey()), Keys.format(element.incidentKey()));
  }
}
