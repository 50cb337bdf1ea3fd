package io.milepost.engine.api;

public enum UserTaskState { CREATED, COMPLETED, CANCELED }
