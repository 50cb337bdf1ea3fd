package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.Status;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.JobAvailabilityListener;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The open job streams, by job type, and the pushing of jobs to them.
 *
 * <p>Push, not poll: the engine's availability listener (and a stream becoming ready) signals a
 * type; one drainer per type then activates one job at a time for the next ready stream in turn
 * (with that stream's worker, timeout and variables) and writes it to that stream, until no job or
 * no ready stream is left. Signals that arrive while a type drains make it drain once more, so none
 * is lost and at most one drainer per type runs. Jobs left over when no stream is ready stay
 * activatable for polling workers, as in Camunda.
 *
 * <p>A closed stream is dropped at once (gRPC's cancel handler). A job activated for a stream found
 * closed at the moment of writing is given back ({@link UndeliveredJobs}); a job the transport took
 * but the client never read (the connection died afterwards) comes back when its timeout passes.
 */
@Component
final class JobStreamRegistry implements JobAvailabilityListener {

  private static final Logger LOG = LoggerFactory.getLogger(JobStreamRegistry.class);

  private final Engine engine;
  private final GatewayMessages messages;
  private final UndeliveredJobs undelivered;
  private final ConcurrentMap<String, StreamsOfType> byType = new ConcurrentHashMap<>();
  private final ExecutorService drainers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-stream-", 0).factory());
  private volatile boolean closed;

  JobStreamRegistry(Engine engine, GatewayMessages messages, UndeliveredJobs undelivered) {
    this.engine = engine;
    this.messages = messages;
    this.undelivered = undelivered;
    engine.addJobAvailabilityListener(this);
  }

  /** Registers a stream and pushes it the jobs already waiting. Call from the RPC method. */
  void open(JobStream stream) {
    if (closed) {
      stream.end(Status.UNAVAILABLE.withDescription("Expected to open a job stream, but the server is shutting down"));
      return;
    }
    StreamsOfType streams = byType.computeIfAbsent(stream.type(), StreamsOfType::new);
    stream.onEvents(streams::signal, () -> streams.remove(stream));
    streams.add(stream);
    if (!stream.isOpen()) {
      streams.remove(stream); // cancelled before it was added: its cancel handler found nothing to remove
      return;
    }
    streams.signal();
  }

  @Override
  public void jobsAvailable(String jobType) {
    StreamsOfType streams = byType.get(jobType);
    if (streams != null) {
      streams.signal();
    }
  }

  int openStreams(String jobType) {
    StreamsOfType streams = byType.get(jobType);
    return streams == null ? 0 : streams.size();
  }

  /** Ends every stream with UNAVAILABLE (clients re-open theirs after a back-off) and stops pushing. */
  void close() {
    closed = true;
    byType.values().forEach(streams -> streams.endAll(
        Status.UNAVAILABLE.withDescription("The server is shutting down; re-open the job stream")));
    drainers.shutdown();
  }

  private final class StreamsOfType {

    private final String type;
    private final List<JobStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger signals = new AtomicInteger();
    private int cursor; // used by the one running drainer only; the signals counter orders drainers

    StreamsOfType(String type) {
      this.type = type;
    }

    void add(JobStream stream) {
      streams.add(stream);
    }

    void remove(JobStream stream) {
      streams.remove(stream);
    }

    int size() {
      return streams.size();
    }

    void endAll(Status status) {
      streams.forEach(stream -> stream.end(status));
      streams.clear();
    }

    void signal() {
      if (signals.getAndIncrement() == 0 && !closed) {
        try {
          drainers.execute(this::drain);
        } catch (RuntimeException e) {
          signals.set(0); // shutting down: nobody drains any more
        }
      }
    }

    private void drain() {
      int seen = 1;
      do {
        try {
          pushWhileJobsAndReadyStreams();
        } catch (RuntimeException e) {
          LOG.error("Could not push jobs of type '{}' to its streams; will try again on the next signal", type, e);
        }
        seen = signals.addAndGet(-seen);
      } while (seen != 0);
    }

    private void pushWhileJobsAndReadyStreams() {
      while (!closed) {
        JobStream stream = nextReadyStream();
        if (stream == null) {
          return;
        }
        List<ActivatedJob> jobs = engine.activateJobs(stream.activation());
        if (jobs.isEmpty()) {
          return;
        }
        jobs.forEach(job -> deliver(stream, job));
      }
    }

    private void deliver(JobStream stream, ActivatedJob job) {
      GatewayOuterClass.ActivatedJob message;
      try {
        message = messages.job(job);
      } catch (RuntimeException e) {
        // Giving it back would only fail again at once: it comes back at its deadline instead.
        LOG.error("Could not write job {} of type '{}' for {}; it becomes activatable again at its deadline",
            job.key(), type, stream, e);
        return;
      }
      if (!stream.push(message)) {
        streams.remove(stream);
        undelivered.giveBack(job, "its " + stream + " closed before the job was written");
      }
    }

    private JobStream nextReadyStream() {
      List<JobStream> open = List.copyOf(streams);
      for (int i = 0; i < open.size(); i++) {
        JobStream stream = open.get(Math.floorMod(cursor++, open.size()));
        if (stream.isReady()) {
          return stream;
        }
      }
      return null;
    }
  }
}
