package io.milepost.engine.model;

import io.milepost.engine.expression.Expression;
import java.util.Map;

/**
 * A Camunda user task ({@code zeebe:userTask}): who may work on it, when it is due, which form it shows.
 * Each expression may be null when the model leaves it out.
 */
public record UserTaskProperties(
    Expression assignee,
    Expression candidateGroups,
    Expression candidateUsers,
    Expression dueDate,
    Expression followUpDate,
    Expression priority,
    String formId,
    String externalFormReference,
    Map<String, String> headers) {}
