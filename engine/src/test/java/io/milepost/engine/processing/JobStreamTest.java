package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.JobFilter;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.JobState;
import io.milepost.engine.api.JobStreamHandle;
import io.milepost.engine.api.JobView;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.testing.EngineHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobStreamTest {

  @RegisterExtension
  final EngineHarness harness = new EngineHarness();

  private static ActivateJobs activation(String worker, int maxJobs) {
    return new ActivateJobs("pick", worker, Duration.ofMinutes(5), maxJobs, List.of());
  }

  /** Collects what the engine pushes. */
  private static final class Collector implements JobSink {
    final BlockingQueue<ActivatedJob> jobs = new LinkedBlockingQueue<>();
    final AtomicBoolean refuse = new AtomicBoolean();
    final AtomicBoolean ready = new AtomicBoolean(true);

    @Override
    public boolean accept(List<ActivatedJob> delivered) {
      return !refuse.get() && jobs.addAll(delivered);
    }

    @Override
    public boolean ready() {
      return ready.get();
    }

    ActivatedJob next() throws InterruptedException {
      ActivatedJob job = jobs.poll(5, TimeUnit.SECONDS);
      assertThat(job).as("a job pushed within 5 s").isNotNull();
      return job;
    }
  }

  private void deployPick() {
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent("start")
        .serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent("end").done());
  }

  private List<String> jobIntents(long instance) {
    return harness.events(instance).stream().filter(e -> e.valueType().equals("JOB")).map(EngineEvent::intent).toList();
  }

  @Test
  void shouldPushAJobActivatedByTheCommandThatCreatedIt() throws Exception {
    // given
    deployPick();
    Collector sink = new Collector();
    harness.engine().openJobStream(activation("tablet-7", 32), sink);

    // when
    long instance = harness.start("p", Map.of("orderId", "o-1"));

    // then it arrives activated for the stream's worker, with the instance's variables
    ActivatedJob job = sink.next();
    assertThat(job.processInstanceKey()).isEqualTo(instance);
    assertThat(job.worker()).isEqualTo("tablet-7");
    assertThat(job.variables()).containsEntry("orderId", "o-1");
    assertThat(jobIntents(instance)).containsExactly("CREATED", "ACTIVATED");
    assertThat(harness.activate("pick", 5)).as("nothing left to activate by request").isEmpty();
    harness.engine().completeJob(job.key(), Map.of());
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldStoreAJobPushedByItsOwnCommandAsActivatedForTheStreamsWorker() throws Exception {
    // given
    deployPick();
    Collector sink = new Collector();
    harness.engine().openJobStream(activation("tablet-7", 32), sink);

    // when
    long instance = harness.start("p", Map.of());
    ActivatedJob pushed = sink.next();

    // then a search finds it as the worker holds it: activated, its worker and deadline, not activatable again
    JobView stored = onlyJobOf(instance);
    assertThat(stored.key()).isEqualTo(pushed.key());
    assertThat(stored.state()).isEqualTo(JobState.ACTIVATED);
    assertThat(stored.worker()).isEqualTo("tablet-7");
    assertThat(stored.deadline()).isEqualTo(Instant.ofEpochMilli(pushed.deadline()));
    assertThat(stored.customHeaders()).isEmpty();
    assertThat(harness.activate("pick", 5)).isEmpty();
  }

  @Test
  void shouldEndAJobTheSameCommandCreatedWithoutPushingIt() throws Exception {
    // given: one branch creates a job, the other ends the instance at once, in the same command
    harness.deploy(Bpmn.createExecutableProcess("p").startEvent("start").parallelGateway("fork")
        .serviceTask("pick", t -> t.zeebeJobType("pick")).endEvent("end")
        .moveToNode("fork").endEvent("stop", e -> e.terminate()).done());
    Collector sink = new Collector();
    harness.engine().openJobStream(activation("tablet-7", 32), sink);

    // when
    long instance = harness.start("p", Map.of());

    // then the job was canceled with its instance, never handed out, and stays so
    assertThat(harness.engine().queries().processInstance(instance).orElseThrow().state())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(onlyJobOf(instance).state()).isEqualTo(JobState.CANCELED);
    assertThat(jobIntents(instance)).containsExactly("CREATED", "CANCELED");
    assertThat(sink.jobs.poll(200, TimeUnit.MILLISECONDS)).isNull();
    assertThat(harness.activate("pick", 5)).isEmpty();
  }

  private JobView onlyJobOf(long instance) {
    List<JobView> jobs = harness.engine().queries().searchJobs(new JobFilter(null, null, null, instance),
        PageRequest.defaults()).items();
    assertThat(jobs).hasSize(1);
    return jobs.getFirst();
  }

  @Test
  void shouldPushTheJobsWaitingWhenTheStreamOpens() throws Exception {
    deployPick();
    long first = harness.start("p", Map.of());
    long second = harness.start("p", Map.of());
    Collector sink = new Collector();

    harness.engine().openJobStream(activation("w", 32), sink);

    assertThat(List.of(sink.next().processInstanceKey(), sink.next().processInstanceKey()))
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void shouldShareJobsBetweenTheStreamsOfATypeInTurn() throws Exception {
    deployPick();
    Collector one = new Collector();
    Collector two = new Collector();
    harness.engine().openJobStream(activation("one", 32), one);
    harness.engine().openJobStream(activation("two", 32), two);

    for (int i = 0; i < 4; i++) {
      harness.start("p", Map.of());
    }

    one.next();
    one.next();
    two.next();
    two.next();
    assertThat(one.jobs).isEmpty();
    assertThat(two.jobs).isEmpty();
  }

  @Test
  void shouldPushToStreamsBeforeLongPolls() throws Exception {
    deployPick();
    Collector poll = new Collector();
    Collector stream = new Collector();
    harness.engine().awaitJobs(activation("poller", 32), poll);
    harness.engine().openJobStream(activation("streamer", 32), stream);

    long first = harness.start("p", Map.of());
    long second = harness.start("p", Map.of());

    assertThat(List.of(stream.next().processInstanceKey(), stream.next().processInstanceKey()))
        .containsExactly(first, second);
    assertThat(poll.jobs).isEmpty();
  }

  @Test
  void shouldGiveALongPollOneDeliveryOnly() throws Exception {
    deployPick();
    Collector sink = new Collector();
    harness.engine().awaitJobs(activation("w", 32), sink);

    long first = harness.start("p", Map.of());
    long second = harness.start("p", Map.of());

    assertThat(sink.next().processInstanceKey()).isEqualTo(first);
    assertThat(harness.activate("pick", 5)).extracting(ActivatedJob::processInstanceKey).containsExactly(second);
    assertThat(sink.jobs).isEmpty();
  }

  @Test
  void shouldWakeALongPollWhenAFailedJobsBackOffEnds() throws Exception {
    deployPick();
    harness.start("p", Map.of());
    ActivatedJob job = harness.activateOne("pick");
    harness.engine().failJob(new FailJob(job.key(), 2, "scanner offline", Duration.ofSeconds(30), Map.of()));
    Collector poll = new Collector();
    harness.engine().awaitJobs(activation("poller", 32), poll);

    harness.clock.advance(Duration.ofSeconds(10));
    harness.engine().processDueWork();
    assertThat(poll.jobs.poll(200, TimeUnit.MILLISECONDS)).as("nothing before the back-off ends").isNull();

    harness.clock.advance(Duration.ofSeconds(21));
    harness.engine().processDueWork();
    ActivatedJob retried = poll.next();
    assertThat(retried.key()).isEqualTo(job.key());
    assertThat(retried.retries()).isEqualTo(2);
  }

  @Test
  void shouldMakeJobsActivatableAgainWhenTheReceiverIsGone() throws Exception {
    // given a stream whose receiver refuses, as a closed connection does
    deployPick();
    Collector sink = new Collector();
    sink.refuse.set(true);
    harness.engine().openJobStream(activation("gone", 32), sink);

    // when
    long instance = harness.start("p", Map.of());

    // then the job is handed back (by a command of its own, after the delivery) and can be activated
    ActivatedJob again = awaitActivatable("pick");
    assertThat(again.processInstanceKey()).isEqualTo(instance);
    assertThat(again.retries()).as("a hand-back is not a failure").isEqualTo(3);
    assertThat(jobIntents(instance)).containsExactly("CREATED", "ACTIVATED", "YIELDED", "ACTIVATED");
  }

  @Test
  void shouldNotPushToAClosedStream() {
    deployPick();
    Collector sink = new Collector();
    JobStreamHandle handle = harness.engine().awaitJobs(activation("w", 32), sink);

    handle.close();
    long instance = harness.start("p", Map.of());

    assertThat(sink.jobs).isEmpty();
    assertThat(harness.activate("pick", 5)).extracting(ActivatedJob::processInstanceKey).containsExactly(instance);
  }

  @Test
  void shouldSkipAStreamThatIsNotReadyUntilItResumes() throws Exception {
    deployPick();
    Collector sink = new Collector();
    sink.ready.set(false);
    JobStreamHandle handle = harness.engine().openJobStream(activation("w", 32), sink);
    long instance = harness.start("p", Map.of());
    assertThat(sink.jobs).isEmpty();

    sink.ready.set(true);
    handle.resume();

    assertThat(sink.next().processInstanceKey()).isEqualTo(instance);
  }

  @Test
  void shouldPushEveryWaitingJobAfterResumingNotOnlyOneCommandsWorth() throws Exception {
    // given more jobs waiting than one command gives a stream (its maxJobs)
    deployPick();
    Collector sink = new Collector();
    sink.ready.set(false);
    JobStreamHandle handle = harness.engine().openJobStream(activation("w", 4), sink);
    for (int i = 0; i < 10; i++) {
      harness.start("p", Map.of());
    }

    // when the stream is ready again
    sink.ready.set(true);
    handle.resume();

    // then it gets all of them, over several commands
    for (int i = 0; i < 10; i++) {
      sink.next();
    }
    assertThat(harness.activate("pick", 10)).isEmpty();
  }

  @Test
  void shouldPushAJobThatTimedOutAgain() throws Exception {
    // given a job activated by request whose worker never answers
    deployPick();
    long instance = harness.start("p", Map.of());
    harness.activateOne("pick");
    Collector sink = new Collector();
    harness.engine().openJobStream(activation("w", 32), sink);
    assertThat(sink.jobs).isEmpty();

    // when its deadline passes
    harness.clock.advance(Duration.ofMinutes(6));
    harness.engine().processDueWork();

    // then the stream gets it
    assertThat(sink.next().processInstanceKey()).isEqualTo(instance);
  }

  private ActivatedJob awaitActivatable(String type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      List<ActivatedJob> jobs = harness.activate(type, 1);
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("Expected a job of type '" + type + "' to become activatable within 5 s, but none did");
  }
}
