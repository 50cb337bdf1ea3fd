package io.milepost.plugin.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * One step of a process, as a site runs it: the behaviour behind every BPMN service task of {@link
 * #jobType()}.
 *
 * <p>Implementations are annotated with {@code @org.pf4j.Extension} so PF4J finds them in the plugin jar.
 * They must be stateless and thread-safe: the host calls one instance for many jobs at once.
 */
public interface StepHandler extends ExtensionPoint {

  /** The BPMN service task type this handler works on, e.g. {@code fulfillment.pick}. */
  String jobType();

  /**
   * The building types at which this handler may run; the host refuses to assign it to other sites.
   * All building types unless a handler says otherwise.
   */
  default Set<BuildingType> buildingTypes() {
    return EnumSet.allOf(BuildingType.class);
  }

  /**
   * The data sets this handler reads with {@link StepContext#siteData(DataSet)}; the host lets each site
   * replace its copy of them. None unless a handler says otherwise.
   */
  default List<DataSet> dataSets() {
    return List.of();
  }

  /**
   * Handles one job.
   *
   * @return {@link StepResult#complete} with the variables to set, {@link StepResult#error} to throw a
   *     BPMN error the process can catch, or {@link StepResult#retry} to try again later
   * @throws Exception for anything unexpected: the host fails the job with the exception's message and
   *     lets the job's retries decide what happens next
   */
  StepResult handle(StepContext context) throws Exception;
}
