package io.milepost.engine.api;

public enum IncidentState { ACTIVE, RESOLVED }
