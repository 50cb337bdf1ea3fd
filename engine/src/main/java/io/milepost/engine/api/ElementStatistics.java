package io.milepost.engine.api;

/** How many instances of one element of a process definition are in each state, and how many have an open incident. */
public record ElementStatistics(String elementId, long active, long canceled, long completed, long incidents) {}
