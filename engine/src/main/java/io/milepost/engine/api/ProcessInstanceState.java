package io.milepost.engine.api;

public enum ProcessInstanceState { ACTIVE, COMPLETED, TERMINATED }
