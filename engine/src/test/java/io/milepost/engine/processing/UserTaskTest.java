package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.UserTaskFilter;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.engine.testing.EngineHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserTaskTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private UserTaskView onlyTask(long instance) {
    return harness.engine().queries().searchUserTasks(
        new UserTaskFilter(null, null, null, null, null, instance, null, null), PageRequest.defaults()).items().getFirst();
  }

  @Test
  void shouldCreateAssignAndCompleteAUserTask() {
    // given
    harness.deploy(Bpmn.createExecutableProcess("count").startEvent()
        .userTask("inspect", t -> t.name("Count and inspect").zeebeUserTask()
            .zeebeCandidateGroups("receiving, problem-solve").zeebeDueDate("2026-11-27T08:00:00Z"))
        .endEvent().done());
    long instance = harness.start("count", Map.of());

    // then the task is open for the candidate groups
    UserTaskView task = onlyTask(instance);
    assertThat(task.state()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.candidateGroups()).containsExactly("receiving", "problem-solve");
    assertThat(task.dueDate()).isEqualTo("2026-11-27T08:00:00Z");

    // when an associate claims and completes it
    harness.engine().assignUserTask(task.key(), "ana", false);
    assertThatThrownBy(() -> harness.engine().assignUserTask(task.key(), "bob", false))
        .isInstanceOf(RejectionException.class).hasMessageContaining("assigned to 'ana'");
    harness.engine().completeUserTask(task.key(), Map.of("counted", 12), null);

    // then
    assertThat(onlyTask(instance).state()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(harness.variables(instance)).containsEntry("counted", 12);
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCancelTheUserTaskWithItsInstance() {
    harness.deploy(Bpmn.createExecutableProcess("count").startEvent()
        .userTask("inspect", t -> t.zeebeUserTask()).endEvent().done());
    long instance = harness.start("count", Map.of());

    harness.engine().cancelProcessInstance(instance);

    assertThat(onlyTask(instance).state()).isEqualTo(UserTaskState.CANCELED);
  }
}
