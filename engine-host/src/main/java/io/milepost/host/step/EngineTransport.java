package io.milepost.host.step;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.FailJob;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.JobStreamHandle;
import io.milepost.engine.api.ThrowError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step workers of a host whose engine runs in the same process: per job type one job stream
 * ({@link Engine#openJobStream}), which the engine pushes jobs to as the commands that create them commit,
 * and answers through the engine API. No HTTP, no polling, no client in between.
 */
final class EngineTransport implements StepTransport {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTransport.class);

  private final Engine engine;
  private final StepDispatcher dispatcher;
  private final WorkerProperties properties;
  private final JobAnswers answers;
  /** One virtual thread per job: it waits for the plugin's bulkhead, which does the work. */
  private final ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Stream> streams = new ConcurrentHashMap<>();
  private volatile boolean closed;

  EngineTransport(Engine engine, StepDispatcher dispatcher, WorkerProperties properties) {
    this.engine = engine;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.answers = new EngineAnswers(engine);
  }

  @Override
  public void open(String jobType) {
    streams.computeIfAbsent(jobType, type -> {
      LOG.info("Opening the in-process step worker for job type '{}'", type);
      Stream stream = new Stream();
      stream.handle = engine.openJobStream(new ActivateJobs(type, "milepost-step-" + type, properties.jobTimeout(),
          properties.maxJobsActive(), List.of()), stream);
      stream.resumeIfSkipped();
      return stream;
    });
  }

  @Override
  public void close() {
    closed = true;
    streams.values().forEach(stream -> stream.handle.close());
    streams.clear();
    jobs.shutdown();
  }

  /** Holds at most maxJobsActive jobs of a type at once; asks for the waiting ones when it has room again. */
  private final class Stream implements JobSink {
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean skipped = new AtomicBoolean();
    private volatile JobStreamHandle handle;

    @Override
    public boolean accept(List<ActivatedJob> pushed) {
      if (closed) {
        return false; // the engine makes them activatable again for another worker
      }
      active.addAndGet(pushed.size());
      pushed.forEach(job -> jobs.execute(() -> run(job)));
      return true;
    }

    @Override
    public boolean ready() {
      boolean ready = active.get() < properties.maxJobsActive();
      if (!ready) {
        skipped.set(true);
      }
      return ready;
    }

    private void run(ActivatedJob job) {
      try {
        dispatcher.handle(StepJob.of(job), answers);
      } finally {
        active.decrementAndGet();
        resumeIfSkipped();
      }
    }

    void resumeIfSkipped() {
      if (handle != null && !closed && active.get() < properties.maxJobsActive() && skipped.compareAndSet(true, false)) {
        handle.resume();
      }
    }
  }

  /** Answers through the engine API. */
  private record EngineAnswers(Engine engine) implements JobAnswers {

    @Override
    public void complete(long jobKey, Map<String, Object> variables) {
      engine.completeJob(jobKey, variables);
    }

    @Override
    public void throwError(long jobKey, String code, String message) {
      engine.throwError(new ThrowError(jobKey, code, message, Map.of()));
    }

    @Override
    public void fail(long jobKey, int retries, Duration backoff, String message) {
      engine.failJob(new FailJob(jobKey, retries, message, backoff, Map.of()));
    }
  }
}
