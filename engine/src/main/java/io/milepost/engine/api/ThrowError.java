package io.milepost.engine.api;

import java.util.Map;

/** A worker reports a BPMN error; the nearest catching boundary or event sub-process takes it. */
public record ThrowError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {}
