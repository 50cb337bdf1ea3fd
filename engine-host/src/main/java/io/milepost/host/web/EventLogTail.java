package io.milepost.host.web;

import io.milepost.engine.api.EngineEvent;
import io.milepost.engine.api.EngineQueries;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the engine's event log for the pages that watch work (server-sent events): every half second, and
 * only while some page listens, it reads the events committed since the last look and hands them to the
 * listeners (an empty list when nothing happened, so they can keep their connections checked). The engine has
 * no push API for other consumers; its append-only log is the one source.
 */
@Component
public final class EventLogTail implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventLogTail.class);
  private static final long INTERVAL_MILLIS = 500;
  private static final int BATCH = 1000;

  private final EngineQueries queries;
  private final List<Consumer<List<EngineEvent>>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("event-log-tail").daemon().factory());
  /** The last position handed out; -1 until someone listens. */
  private long position = -1;

  EventLogTail(EngineQueries queries) {
    this.queries = queries;
    timer.scheduleWithFixedDelay(this::poll, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Registers a listener; the returned handle removes it. */
  public Runnable listen(Consumer<List<EngineEvent>> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void poll() {
    try {
      if (listeners.isEmpty()) {
        position = -1;
        return;
      }
      if (position < 0) {
        position = queries.lastEventPosition();
        return;
      }
      List<EngineEvent> events;
      do {
        events = queries.eventsAfter(position, BATCH);
        if (!events.isEmpty()) {
          position = events.getLast().position();
        }
        for (Consumer<List<EngineEvent>> listener : listeners) {
          listener.accept(events);
        }
      } while (events.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.warn("Could not read the event log for the pages' live updates", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
