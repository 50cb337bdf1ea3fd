package io.milepost.engine.model;

/** The event definition of an event (NONE for a plain start, end or throw). */
public enum EventType { NONE, TIMER, MESSAGE, ERROR, SIGNAL, ESCALATION, TERMINATE, LINK, COMPENSATION, CONDITIONAL }
