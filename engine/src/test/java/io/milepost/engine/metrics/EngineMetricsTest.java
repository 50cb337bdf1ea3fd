package io.milepost.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.EngineMetrics;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.testing.ControlledClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine tells its metrics listener what it committed, refused and handed out. */
class EngineMetricsTest {

  private final Recorded recorded = new Recorded();
  private MilepostEngine engine;

  @BeforeEach
  void startEngine() {
    JdbcDataSource store = new JdbcDataSource();
    store.setURL("jdbc:h2:mem:metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ControlledClock clock = new ControlledClock(Instant.parse("2026-11-26T08:00:00Z"));
    engine = MilepostEngine.start(new EngineConfiguration(store, clock, null, "metrics").withMetrics(recorded));
    String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("work").startEvent()
        .serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done());
    engine.deploy(List.of(new DeploymentResource("work.bpmn", xml.getBytes(StandardCharsets.UTF_8))));
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void shouldCountAcceptedAndRejectedCommandsAndTimeTheirCommits() {
    engine.createProcessInstance(CreateProcessInstance.latest("work", Map.of()));
    assertThatThrownBy(() -> engine.completeJob(42, Map.of())).isInstanceOf(RejectionException.class);

    assertThat(recorded.accepted.get()).as("deploy and create").isEqualTo(2);
    assertThat(recorded.rejected.get()).as("completing a job that does not exist").isEqualTo(1);
    assertThat(recorded.commitTimes).hasSizeGreaterThanOrEqualTo(2).allSatisfy(time -> assertThat(time).isPositive());
    // on H2 the answers wait for checkpoints, which cover the accepted and the rejected commands alike
    assertThat(recorded.checkpointedCommands.get()).as("commands whose commit a checkpoint made durable").isEqualTo(3);
  }

  @Test
  void shouldTimeEachCommandFromItsSubmissionToItsAnswerAndThePartItWaitedForTheWriter() {
    // given what the deployment told
    recorded.answered.clear();
    recorded.commitTimes.clear();

    // when commands are answered one after the other (each in a batch of its own), a refusal among them
    engine.createProcessInstance(CreateProcessInstance.latest("work", Map.of()));
    assertThatThrownBy(() -> engine.completeJob(42, Map.of())).isInstanceOf(RejectionException.class);
    engine.createProcessInstance(CreateProcessInstance.latest("work", Map.of()));

    // then each command's wait is told once, the refusal's too: the part it was queued, and all of it to its answer,
    // which holds its batch's commit and, on H2, the checkpoint that made it durable
    assertThat(recorded.answered).hasSize(3);
    assertThat(recorded.commitTimes).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Answered answered = recorded.answered.get(i);
      assertThat(answered.queued()).isGreaterThanOrEqualTo(Duration.ZERO);
      assertThat(answered.total()).isGreaterThanOrEqualTo(answered.queued().plus(recorded.commitTimes.get(i)));
    }
  }

  @Test
  void shouldCountJobsActivatedByRequestsAndLongPollsApartFromJobsPushedToStreams() {
    start(3);
    List<ActivatedJob> requested = engine.activateJobs(new ActivateJobs("work", "test", Duration.ofMinutes(1), 1, List.of()));
    engine.awaitJobs(new ActivateJobs("work", "test", Duration.ofMinutes(1), 1, List.of()), jobs -> true);
    List<ActivatedJob> streamed = new CopyOnWriteArrayList<>();
    engine.openJobStream(new ActivateJobs("work", "test", Duration.ofMinutes(1), 5, List.of()), collecting(streamed));

    assertThat(requested).hasSize(1);
    assertThat(recorded.activated).containsEntry("work", 2);
    assertThat(streamed).hasSize(1);
    assertThat(recorded.pushed).containsEntry("work", 1);
  }

  private void start(int instances) {
    for (int i = 0; i < instances; i++) {
      engine.createProcessInstance(CreateProcessInstance.latest("work", Map.of()));
    }
  }

  private static JobSink collecting(List<ActivatedJob> into) {
    return jobs -> into.addAll(jobs);
  }

  private record Answered(Duration queued, Duration total) {}

  private static final class Recorded implements EngineMetrics {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final List<Duration> commitTimes = new CopyOnWriteArrayList<>();
    final AtomicInteger checkpointedCommands = new AtomicInteger();
    final Map<String, Integer> activated = new ConcurrentHashMap<>();
    final Map<String, Integer> pushed = new ConcurrentHashMap<>();
    final List<Answered> answered = new CopyOnWriteArrayList<>();

    @Override
    public void commandAnswered(Duration queued, Duration total) {
      answered.add(new Answered(queued, total));
    }

    @Override
    public void batchCommitted(int acceptedCommands, int rejectedCommands, Duration duration, int queued) {
      accepted.addAndGet(acceptedCommands);
      rejected.addAndGet(rejectedCommands);
      commitTimes.add(duration);
    }

    @Override
    public void checkpointed(int commands, Duration duration) {
      checkpointedCommands.addAndGet(commands);
    }

    @Override
    public void jobsActivated(String jobType, int count) {
      activated.merge(jobType, count, Integer::sum);
    }

    @Override
    public void jobsPushed(String jobType, int count) {
      pushed.merge(jobType, count, Integer::sum);
    }
  }
}
