package io.milepost.engine.state;

import io.milepost.engine.api.UserTaskState;

/** A user task as processing sees it. */
public record UserTask(long key, UserTaskState state, String assignee, long elementInstanceKey,
    long processInstanceKey, String elementId) {}
