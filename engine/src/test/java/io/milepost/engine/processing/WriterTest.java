package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.Caller;
import io.milepost.engine.api.CommandTimeoutException;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The single writer: callers always get an answer, and a writer that cannot write says so. */
class WriterTest {

  /** A hang guard only: every test answers long before it, or the writer would hang them forever. */
  private static final Duration HANG = Duration.ofSeconds(60);

  @RegisterExtension
  final EngineHarness harness = new EngineHarness(c -> c.withCommandTimeout(Duration.ofSeconds(3)));

  private void deployTask() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent().serviceTask("task", t -> t.zeebeJobType("work"))
        .endEvent().done());
  }

  private ActivateJobs streamOfWork() {
    return new ActivateJobs("work", "stream", Duration.ofMinutes(5), 10, List.of());
  }

  @Test
  void shouldAnswerACommandTheWriterCannotGetToWithATimeoutAndNeverApplyIt() throws Exception {
    // given a writer held up (a job stream that blocks, which it must not)
    deployTask();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    harness.engine().openJobStream(streamOfWork(), jobs -> {
      held.countDown();
      awaitQuietly(release);
      return true;
    });
    Thread stuck = Thread.ofVirtual().start(() -> {
      try {
        harness.start("p", Map.of());
      } catch (CommandTimeoutException expected) {
        // the command that holds the writer up
      }
    });
    held.await();

    // when another caller's command waits past the command timeout
    assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> harness.start("p", Map.of("late", true)))
        .isInstanceOf(CommandTimeoutException.class)
        .hasMessageContaining("Expected the engine to apply the command within 3000 ms"));
    release.countDown();
    stuck.join();

    // then once the writer is free it never applies the command whose caller has gone
    assertThat(harness.engine().queries().searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.defaults())
        .items()).hasSize(1);
  }

  @Test
  void shouldKeepWritingWhenAnAfterCommitStepThrowsAnError() {
    // given a job stream whose receiver fails with an Error
    deployTask();
    harness.engine().openJobStream(streamOfWork(), jobs -> {
      throw new AssertionError("a receiver bug");
    });

    // when a command hands it a job
    assertTimeoutPreemptively(HANG, () -> {
      harness.start("p", Map.of());

      // then the writer goes on with the next commands
      assertThat(harness.start("p", Map.of())).isPositive();
      assertThat(harness.engine().status().writing()).isTrue();
    });
  }

  @Test
  void shouldKeepWritingWhenTheHeapRunsOutWhileTheWriterTakesACommand() {
    // given a command whose caller check meets an exhausted heap on the writer (as a plugin hoarding memory causes)
    deployTask();

    assertTimeoutPreemptively(HANG, () -> {
      assertThatThrownBy(() -> Caller.whileWaiting(() -> {
        throw new OutOfMemoryError("Java heap space");
      }, () -> harness.start("p", Map.of()))).hasRootCauseInstanceOf(OutOfMemoryError.class);

      // then the writer survives it and goes on with the next commands
      assertThat(harness.start("p", Map.of())).isPositive();
      assertThat(harness.engine().status().writing()).isTrue();
    });
  }

  @Test
  void shouldAnswerEveryCommandWhenTheEngineClosesUnderLoad() throws Exception {
    // given callers submitting without pause
    deployTask();
    AtomicInteger answered = new AtomicInteger();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      callers.add(Thread.ofVirtual().start(() -> {
        while (true) {
          try {
            harness.engine().createProcessInstance(CreateProcessInstance.latest("p", Map.of()));
            answered.incrementAndGet();
          } catch (RuntimeException closed) {
            return;
          }
        }
      }));
    }
    while (answered.get() < 50) {
      Thread.onSpinWait();
    }

    // when the engine closes
    harness.engine().close();

    // then every caller got an answer (none waits for a command nobody will apply) and the engine says it stopped
    assertTimeoutPreemptively(HANG, () -> {
      for (Thread caller : callers) {
        caller.join();
      }
    });
    assertThat(harness.engine().status().writing()).isFalse();
    assertThatThrownBy(() -> harness.start("p", Map.of())).hasMessageContaining("closed");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
