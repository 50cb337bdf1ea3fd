package io.milepost.engine.api;

import java.time.Instant;

/**
 * One entry of the append-only event log: {@code valueType} is what it is about (PROCESS_INSTANCE,
 * JOB, INCIDENT, ...), {@code intent} what happened (ELEMENT_ACTIVATED, COMPLETED, ...), and
 * {@code payloadJson} the facts of the event. Positions grow with the log and are unique, not consecutive: a
 * consumer keeps the last one it read and asks for the events after it.
 */
public record EngineEvent(long position, long key, String valueType, String intent, long processInstanceKey,
    String elementId, String elementType, Instant timestamp, String payloadJson) {}
