package io.milepost.engine.corpus;

import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Deployment;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Deploys files of the public BPMN corpus and drives their instances through the engine API. */
final class CorpusDriver {

  /** The job type Camunda gives user tasks without {@code zeebe:userTask} (job-worker user tasks). */
  static final String JOB_WORKER_USER_TASK = "io.camunda.zeebe:userTask";

  private final EngineHarness harness;

  CorpusDriver(EngineHarness harness) {
    this.harness = harness;
  }

  /** Deploys a corpus file by its path under {@code bpmn-corpus/}. */
  Deployment deploy(String corpusPath) {
    String resource = "/bpmn-corpus/" + corpusPath;
    try (InputStream in = CorpusDriver.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("Expected corpus file " + resource + " on the test class path, but it is not there");
      }
      String name = corpusPath.substring(corpusPath.lastIndexOf('/') + 1);
      return harness.engine().deploy(List.of(new DeploymentResource(name, in.readAllBytes())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long start(String processId, Map<String, Object> variables) {
    return harness.start(processId, variables);
  }

  /** Activates the one job of a type and completes it with variables; returns it. */
  ActivatedJob completeJob(String type, Map<String, Object> variables) {
    ActivatedJob job = harness.activateOne(type);
    harness.engine().completeJob(job.key(), variables);
    return job;
  }

  /** Lets time pass and fires what became due. */
  void advance(Duration duration) {
    harness.clock.advance(duration);
    harness.engine().processDueWork();
  }

  /** The ids of the elements that completed, in order (the process itself last). */
  List<String> completedPath(long instance) {
    return harness.elementEvents(instance, "ELEMENT_COMPLETED");
  }

  List<String> terminated(long instance) {
    return harness.elementEvents(instance, "ELEMENT_TERMINATED");
  }

  ProcessInstanceState state(long instance) {
    return harness.engine().queries().processInstance(instance).orElseThrow().state();
  }

  Map<String, Object> variables(long instance) {
    return harness.variables(instance);
  }

  /** Jobs of the instance that a worker could still act on. */
  List<String> openJobTypes(long instance) {
    return harness.engine().queries().searchJobs(new JobFilter(null, null, null, instance), PageRequest.defaults()).items()
        .stream().filter(j -> j.state() == JobState.CREATED || j.state() == JobState.ACTIVATED || j.state() == JobState.FAILED)
        .map(j -> j.type()).toList();
  }
}
