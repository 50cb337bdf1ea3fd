/**
 * The contract between Milepost and a step plugin.
 *
 * <p>A plugin contributes one or more {@link io.milepost.plugin.api.StepHandler}s, each annotated with
 * {@code @org.pf4j.Extension}. The host calls a handler for every job of its {@link
 * io.milepost.plugin.api.StepHandler#jobType() job type} at a site that runs the plugin, hands it a
 * {@link io.milepost.plugin.api.StepContext} and turns the returned {@link
 * io.milepost.plugin.api.StepResult} into a job completion, a BPMN error or a failed job with back-off.
 *
 * <p>These types depend on nothing but the JDK and PF4J's {@code ExtensionPoint}, so a plugin jar carries
 * only its own classes.
 */
package io.milepost.plugin.api;
