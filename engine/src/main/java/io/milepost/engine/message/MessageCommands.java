package io.milepost.engine.message;

import io.milepost.engine.api.CorrelateMessage;
import io.milepost.engine.api.MessageCorrelated;
import io.milepost.engine.api.MessagePublished;
import io.milepost.engine.api.PublishMessage;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.deployment.DeploymentCommands;
import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.state.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Publishing (with time to live) and correlating messages; expiring buffered ones. */
public final class MessageCommands {

  private final BpmnBehaviors behaviors;

  public MessageCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  public MessagePublished publish(PublishMessage command) {
    requireName(command.name());
    String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    long now = behaviors.context().now();
    Messages messages = behaviors.context().state().messages();
    if (command.messageId() != null && !command.messageId().isBlank()
        && messages.liveWithId(command.name(), command.messageId(), now).isPresent()) {
      throw new RejectionException(RejectionType.INVALID_STATE, "Expected to publish a new message with id '"
          + command.messageId() + "', but a message with that id was already published and is still buffered");
    }
    long key = behaviors.context().nextKey();
    Duration ttl = command.timeToLive() == null ? Duration.ZERO : command.timeToLive();
    if (ttl.isNegative()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected a time to live of 0 or more, but it was " + ttl);
    }
    if (!ttl.isZero()) {
      messages.applyPublished(new Messages.Message(key, command.name(), correlationKey, command.messageId(),
          behaviors.context().codec().toJson(variables(command.variables())), now + ttl.toMillis(),
          DeploymentCommands.DEFAULT_TENANT));
    }
    correlateAll(key, command.name(), correlationKey, variables(command.variables()));
    return new MessagePublished(key, DeploymentCommands.DEFAULT_TENANT);
  }

  public MessageCorrelated correlate(CorrelateMessage command) {
    requireName(command.name());
    String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    long key = behaviors.context().nextKey();
    List<Long> reached = correlateAll(key, command.name(), correlationKey, variables(command.variables()));
    if (reached.isEmpty()) {
      throw new RejectionException(RejectionType.NOT_FOUND, "Expected to find a subscription for message '" + command.name()
          + "' with correlation key '" + correlationKey + "', but none was found");
    }
    return new MessageCorrelated(key, reached.getFirst(), DeploymentCommands.DEFAULT_TENANT);
  }

  /** Reaches every waiting process instance once, and starts instances at matching message start events. */
  private List<Long> correlateAll(long messageKey, String name, String correlationKey, Map<String, Object> variables) {
    Messages messages = behaviors.context().state().messages();
    Set<Long> reachedInstances = new HashSet<>();
    Set<String> startedProcesses = new HashSet<>();
    List<Long> reached = new ArrayList<>();
    for (Messages.Subscription subscription : messages.subscriptions(name, correlationKey)) {
      if (subscription.isStartEvent()) {
        boolean duplicate = !correlationKey.isEmpty() && behaviors.context().state().processInstances()
            .hasActiveWithCorrelationKey(subscription.bpmnProcessId(), correlationKey);
        if (duplicate || !startedProcesses.add(subscription.bpmnProcessId())) {
          continue;
        }
      } else if (!reachedInstances.add(subscription.processInstanceKey())) {
        continue;
      }
      reached.add(behaviors.messages().correlate(subscription, messageKey, correlationKey, variables));
    }
    return reached;
  }

  /** Removes buffered messages whose time to live is over. */
  public int expire(int limit) {
    List<Messages.Message> expired = behaviors.context().state().messages().expired(behaviors.context().now(), limit);
    expired.forEach(m -> behaviors.context().state().messages().applyExpired(m));
    return expired.size();
  }

  private static Map<String, Object> variables(Map<String, Object> variables) {
    return variables == null ? Map.of() : variables;
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new RejectionException(RejectionType.INVALID_ARGUMENT, "Expected a message name, but it was empty");
    }
  }
}
