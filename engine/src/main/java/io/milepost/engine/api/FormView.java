package io.milepost.engine.api;

/** A deployed Camunda form: its schema is the form's JSON as deployed. */
public record FormView(long key, String formId, int version, String schema, String tenantId) {}
