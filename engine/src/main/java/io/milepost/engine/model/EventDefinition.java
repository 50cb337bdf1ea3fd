package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;

/**
 * The trigger of a catching event or the result of a throwing one. Only the fields of its
 * {@link EventType} are set: a timer's duration, date or cycle; a message's name and correlation
 * key; an error's or escalation's code
 * (for a compensation throw event: the id of the activity it compensates, null for all); a signal's name; a link's name.
 */
public record EventDefinition(
    EventType type,
    Expression timerDuration,
    Expression timerDate,
    Expression timerCycle,
    Expression messageName,
    Expression correlationKey,
    String code,
    Expression signalName,
    String linkName) {

  public static final EventDefinition NONE = new EventDefinition(EventType.NONE, null, null, null, null, null, null, null, null);

  public static EventDefinition of(EventType type) {
    return new EventDefinition(type, null, null, null, null, null, null, null, null);
  }
}
