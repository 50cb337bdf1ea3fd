package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.IncidentFilter;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.api.UpdateJob;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceTaskTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private void deployOneTask() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType("work").zeebeJobRetries("2").zeebeTaskHeader("site", "fc-west-1"))
        .endEvent("end").done());
  }

  @Test
  void shouldRunStraightThroughWhenTheJobCompletes() {
    // given
    deployOneTask();
    long instance = harness.start("p", Map.of("orderId", "o-1"));

    // when
    ActivatedJob job = harness.activateOne("work");
    harness.engine().completeJob(job.key(), Map.of("packed", true));

    // then
    assertThat(job.variables()).containsEntry("orderId", "o-1");
    assertThat(job.customHeaders()).containsEntry("site", "fc-west-1");
    assertThat(harness.elementEvents(instance, "ELEMENT_COMPLETED")).containsExactly("start", "task", "end", "p");
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(harness.variables(instance)).containsEntry("packed", true).containsEntry("orderId", "o-1");
  }

  @Test
  void shouldNotHandOutAnActivatedJobAgainUntilItTimesOut() {
    deployOneTask();
    harness.start("p", Map.of());
    harness.activateOne("work");

    assertThat(harness.activate("work", 5)).isEmpty();

    harness.clock.advance(Duration.ofMinutes(6));
    harness.engine().processDueWork();
    assertThat(harness.activate("work", 5)).hasSize(1);
  }

  @Test
  void shouldRetryAfterBackOffAndRaiseAnIncidentWhenRetriesRunOut() {
    // given
    deployOneTask();
    long instance = harness.start("p", Map.of());
    ActivatedJob job = harness.activateOne("work");

    // when the worker fails with a back-off
    harness.engine().failJob(new FailJob(job.key(), 1, "scanner offline", Duration.ofSeconds(30), Map.of()));

    // then the job waits for its back-off
    assertThat(harness.activate("work", 1)).isEmpty();
    harness.clock.advance(Duration.ofSeconds(31));
    ActivatedJob retried = harness.activateOne("work");
    assertThat(retried.retries()).isEqualTo(1);

    // when it fails again without retries
    harness.engine().failJob(new FailJob(job.key(), 0, "scanner still offline", Duration.ZERO, Map.of()));

    // then an incident carries the worker's message
    var incidents = harness.engine().queries().searchIncidents(
        new IncidentFilter(null, instance, null, null, null, null, null), PageRequest.defaults()).items();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.errorType()).isEqualTo("JOB_NO_RETRIES");
      assertThat(incident.errorMessage()).isEqualTo("scanner still offline");
      assertThat(incident.jobKey()).isEqualTo(job.key());
    });

    // when retries are raised, the job still waits for the incident's resolution (as in Camunda 8)
    harness.engine().updateJob(new UpdateJob(job.key(), 1, null));
    assertThat(harness.activate("work", 1)).isEmpty();

    // when the incident is resolved, the job runs again and the instance finishes
    harness.engine().resolveIncident(incidents.getFirst().key());
    harness.completeJob("work", Map.of());
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldRejectCompletingAJobTwice() {
    deployOneTask();
    harness.start("p", Map.of());
    ActivatedJob job = harness.activateOne("work");
    harness.engine().completeJob(job.key(), Map.of());

    assertThatThrownBy(() -> harness.engine().completeJob(job.key(), Map.of()))
        .isInstanceOfSatisfying(RejectionException.class, e -> assertThat(e.type()).isEqualTo(RejectionType.INVALID_STATE))
        .hasMessageContaining("job " + job.key()).hasMessageContaining("completed");
  }

  @Test
  void shouldCancelTheJobWhenTheInstanceIsCancelled() {
    deployOneTask();
    long instance = harness.start("p", Map.of());
    ActivatedJob job = harness.activateOne("work");

    harness.engine().cancelProcessInstance(instance);

    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    assertThatThrownBy(() -> harness.engine().completeJob(job.key(), Map.of()))
        .isInstanceOfSatisfying(RejectionException.class, e -> assertThat(e.type()).isEqualTo(RejectionType.INVALID_STATE))
        .hasMessageContaining("canceled");
    assertThat(harness.elementEvents(instance, "ELEMENT_TERMINATED")).containsExactly("task", "p");
  }
}
