package io.milepost.engine.api;

/** One file of a deployment: a BPMN model (or a form, which is stored and returned as is). */
public record DeploymentResource(String name, byte[] content) {}
