package io.milepost.engine.api;

/** Every non-null field must match. */
public record MessageSubscriptionFilter(Long key, Long processInstanceKey, Long processDefinitionKey,
    String bpmnProcessId, String elementId, Long elementInstanceKey, String messageName, String correlationKey) {

  public static MessageSubscriptionFilter all() {
    return new MessageSubscriptionFilter(null, null, null, null, null, null, null, null);
  }
}
