package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Caller;
import io.milepost.engine.api.CommandAdmission;
import io.milepost.engine.api.CommandTimeoutException;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Past capacity new work is refused at once, work that drains is still taken, and gone callers are dropped. */
class BackPressureTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness(c -> c.withCommandTimeout(Duration.ofSeconds(60))
      .withAdmission(new CommandAdmission(4, 2, 8, Duration.ofSeconds(10))));

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch held = new CountDownLatch(1);

  /** Holds the writer up the way an overloaded one is: commands queue behind it. */
  private void holdTheWriter() throws InterruptedException {
    harness.engine().openJobStream(new ActivateJobs("work", "stream", Duration.ofMinutes(5), 1, List.of()), jobs -> {
      held.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    });
    Thread.ofVirtual().start(() -> harness.start("p", Map.of()));
    held.await();
  }

  @Test
  void shouldRefuseNewWorkAtOnceWhenFloodedButTakeJobCompletions() throws Exception {
    // given a job activated before the flood, and a writer that cannot keep up
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("work"))
        .endEvent().done());
    harness.start("p", Map.of());
    ActivatedJob activated = harness.activateOne("work");
    holdTheWriter();

    // when 40 callers create instances at once
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Long>> creates = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      CompletableFuture<Long> create = new CompletableFuture<>();
      creates.add(create);
      Thread.ofVirtual().start(() -> {
        try {
          create.complete(harness.start("p", Map.of()));
        } catch (Throwable e) {
          failures.add(e);
          create.completeExceptionally(e);
        }
      });
    }
    while (failures.size() + harness.engine().status().queuedCommands() < 40) {
      Thread.yield();
    }
    // and the worker completes its job meanwhile
    CompletableFuture<Void> completion = CompletableFuture.runAsync(
        () -> harness.engine().completeJob(activated.key(), Map.of()));
    while (harness.engine().status().queuedCommands() < 40 - failures.size() + 1) {
      Thread.yield();
    }

    // then the callers past the limit were refused at once, before the writer was free again
    assertThat(failures).isNotEmpty().allSatisfy(failure -> assertThat(failure)
        .isInstanceOfSatisfying(RejectionException.class,
            rejection -> assertThat(rejection.type()).isEqualTo(RejectionType.RESOURCE_EXHAUSTED)));
    release.countDown();
    // and every admitted command is applied, none timed out, and the completion went through
    long admitted = creates.stream().filter(create -> {
      try {
        return create.join() > 0;
      } catch (RuntimeException refused) {
        return false;
      }
    }).count();
    assertThat(admitted + failures.size()).isEqualTo(40);
    assertThat(admitted).isPositive();
    completion.join();
    assertThat(harness.engine().queries().processInstance(activated.processInstanceKey()).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldDropACommandWhoseCallerHasGoneBeforeTheWriterGetsToIt() throws Exception {
    // given a writer that cannot keep up
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("work"))
        .endEvent().done());
    holdTheWriter();
    long before = harness.engine().queries().searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.defaults())
        .totalItems();

    // when a caller queues a command and goes (its gRPC call is cancelled)
    AtomicBoolean gone = new AtomicBoolean();
    CompletableFuture<Long> create = CompletableFuture.supplyAsync(() -> Caller.whileWaiting(gone::get,
        () -> harness.start("p", Map.of("late", true))));
    while (harness.engine().status().queuedCommands() < 1) {
      Thread.yield();
    }
    gone.set(true);
    release.countDown();

    // then the command is never applied
    assertThatThrownBy(create::join).hasCauseInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("its caller had gone");
    assertThat(harness.engine().queries().searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.defaults())
        .totalItems()).isEqualTo(before);
  }
}
