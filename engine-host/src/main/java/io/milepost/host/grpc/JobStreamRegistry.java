package io.milepost.host.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass;
import io.grpc.Status;
import io.milepost.host.engine.UndeliveredJobs;
import io.milepost.engine.api.ActivatedJob;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.JobStreamHandle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The open StreamActivatedJobs calls, each an engine job stream ({@link Engine#openJobStream}): the
 * engine activates jobs for a stream in the command that creates them and hands them over after the
 * commit; this writes them to the call. Streams of a type take jobs in turn; a stream whose transport
 * buffer is full is skipped until gRPC says it is ready again. Jobs left over when no stream is ready
 * stay activatable for polling workers, as in Camunda.
 *
 * <p>A closed stream is dropped at once (gRPC's cancel handler). Jobs for a stream found closed at the
 * moment of writing go back to the engine; a job the transport took but the client never read (the
 * connection died afterwards) comes back when its timeout passes.
 */
@Component
final class JobStreamRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(JobStreamRegistry.class);

  private final Engine engine;
  private final GatewayMessages messages;
  private final UndeliveredJobs undelivered;
  private final Set<JobStream> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  JobStreamRegistry(Engine engine, GatewayMessages messages, UndeliveredJobs undelivered) {
    this.engine = engine;
    this.messages = messages;
    this.undelivered = undelivered;
  }

  /** Opens the engine stream for a call and pushes it the jobs already waiting. Call from the RPC method. */
  void open(JobStream stream) {
    if (closed) {
      stream.end(Status.UNAVAILABLE.withDescription("Expected to open a job stream, but the server is shutting down"));
      return;
    }
    JobStreamHandle handle = engine.openJobStream(stream.activation(), new Sink(stream));
    stream.onEvents(handle::resume, () -> {
      handle.close();
      open.remove(stream);
    });
    open.add(stream);
    if (!stream.isOpen()) {
      handle.close(); // cancelled before its cancel handler was set
      open.remove(stream);
    }
  }

  int openStreams(String jobType) {
    return (int) open.stream().filter(stream -> stream.type().equals(jobType) && stream.isOpen()).count();
  }

  /** Takes streams again after {@link #close()}: the gateway is started again after a stop (a paused test context). */
  void reopen() {
    closed = false;
  }

  /** Ends every stream with UNAVAILABLE (clients re-open theirs after a back-off) and stops pushing. */
  void close() {
    closed = true;
    open.forEach(stream -> stream.end(
        Status.UNAVAILABLE.withDescription("The server is shutting down; re-open the job stream")));
    open.clear();
  }

  /** Writes the engine's jobs to one call, on the engine's writer thread: gRPC only buffers them. */
  private final class Sink implements JobSink {

    private final JobStream stream;

    Sink(JobStream stream) {
      this.stream = stream;
    }

    @Override
    public boolean ready() {
      return stream.isReady();
    }

    @Override
    public boolean accept(List<ActivatedJob> jobs) {
      for (int i = 0; i < jobs.size(); i++) {
        ActivatedJob job = jobs.get(i);
        GatewayOuterClass.ActivatedJob message;
        try {
          message = messages.job(job);
        } catch (RuntimeException e) {
          // Giving it back would only fail again at once: it comes back at its deadline instead.
          LOG.error("Could not write job {} of type '{}' for {}; it becomes activatable again at its deadline",
              job.key(), job.type(), stream, e);
          continue;
        }
        if (!stream.push(message)) {
          if (i == 0) {
            return false; // none taken: the engine makes them activatable again
          }
          undelivered.giveBack(jobs.subList(i, jobs.size()), "its " + stream + " closed while jobs were written");
          return true;
        }
      }
      return true;
    }
  }
}
