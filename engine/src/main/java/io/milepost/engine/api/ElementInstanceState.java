package io.milepost.engine.api;

/** An element instance's state as the API reports it: every state before the end counts as active. */
public enum ElementInstanceState { ACTIVE, COMPLETED, TERMINATED }
