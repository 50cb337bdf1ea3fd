package io.milepost.engine.api;

public enum JobState { CREATED, ACTIVATED, FAILED, COMPLETED, ERROR_THROWN, CANCELED }
