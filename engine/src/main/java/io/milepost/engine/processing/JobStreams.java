package io.milepost.engine.processing;

import io.milepost.engine.api.ActivateJobs;
import io.milepost.engine.api.JobSink;
import io.milepost.engine.api.JobStreamHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The open job streams, by job type. Streams are opened and closed from any thread; the writer reads
 * them to activate jobs for them ({@link JobActivator}).
 */
public final class JobStreams {

  /** One stream: what to activate jobs with, and where they go. */
  public final class Stream implements JobStreamHandle {

    private final ActivateJobs activation;
    private final JobSink sink;
    private final boolean once;
    private volatile boolean open = true;

    private Stream(ActivateJobs activation, JobSink sink, boolean once) {
      this.activation = activation;
      this.sink = sink;
      this.once = once;
    }

    public ActivateJobs activation() {
      return activation;
    }

    public JobSink sink() {
      return sink;
    }

    /** A long poll: one delivery, then closed. */
    public boolean once() {
      return once;
    }

    public boolean isOpen() {
      return open;
    }

    @Override
    public void resume() {
      if (open) {
        serveRequests.accept(activation.type());
      }
    }

    @Override
    public void close() {
      open = false;
      retire();
    }

    /** No more pushes to it; what it was given in this command is still delivered. */
    void retire() {
      List<Stream> streams = byType.get(activation.type());
      if (streams != null) {
        streams.remove(this);
      }
    }
  }

  private final ConcurrentMap<String, List<Stream>> byType = new ConcurrentHashMap<>();
  /** Where the next search for a stream of a type starts, so streams take jobs in turn. Writer only. */
  private final Map<String, Integer> cursors = new HashMap<>();
  private final Consumer<String> serveRequests;

  /** @param serveRequests asks the writer to hand the waiting jobs of a type to its streams */
  public JobStreams(Consumer<String> serveRequests) {
    this.serveRequests = serveRequests;
  }

  /** Registers a stream; the caller then serves it the jobs already waiting. */
  public Stream register(ActivateJobs activation, JobSink sink, boolean once) {
    Stream stream = new Stream(activation, sink, once);
    byType.computeIfAbsent(activation.type(), type -> new CopyOnWriteArrayList<>()).add(stream);
    return stream;
  }

  public boolean hasStreams(String type) {
    List<Stream> streams = byType.get(type);
    return streams != null && !streams.isEmpty();
  }

  /** An open stream of the type whose receiver can take jobs now. */
  boolean hasReady(String type) {
    List<Stream> streams = byType.get(type);
    return streams != null && streams.stream().anyMatch(stream -> stream.open && stream.sink.ready());
  }

  /**
   * The next open, ready stream of a type, in turn, that may take another job in this command. Streams
   * come before long polls, as in Camunda, whose polls get only what no stream takes.
   *
   * @param given how many jobs a stream was already given in this command
   */
  Stream next(String type, ToIntFunction<Stream> given) {
    List<Stream> streams = byType.get(type);
    if (streams == null || streams.isEmpty()) {
      return null;
    }
    Object[] snapshot = streams.toArray();
    Stream stream = next(type, snapshot, given, false);
    return stream != null ? stream : next(type, snapshot, given, true);
  }

  private Stream next(String type, Object[] snapshot, ToIntFunction<Stream> given, boolean once) {
    int start = cursors.getOrDefault(type, 0);
    for (int i = 0; i < snapshot.length; i++) {
      Stream stream = (Stream) snapshot[Math.floorMod(start + i, snapshot.length)];
      if (stream.once == once && stream.open && given.applyAsInt(stream) < stream.activation.maxJobs()
          && stream.sink.ready()) {
        cursors.put(type, start + i + 1);
        return stream;
      }
    }
    return null;
  }

  /** Closes every stream (the engine stops). */
  public void closeAll() {
    byType.values().forEach(streams -> List.copyOf(streams).forEach(Stream::close));
  }
}
