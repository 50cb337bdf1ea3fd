package io.milepost.host.web;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for a page that watches one thing (an instance, a rollout): every second, and only while some
 * page watches it, the thing's fingerprint (what the page shows of it: state, wave, figures, ...) is read again,
 * and a {@code changed} event goes to its pages when it differs. Polling a fingerprint works for host state and
 * engine state alike, and on a worker node, where there is no engine event log to follow.
 */
@Component
public final class PageWatches {

  private static final Logger LOG = LoggerFactory.getLogger(PageWatches.class);

  private final Map<String, Watch> watches = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("page-watches").daemon().factory());

  PageWatches() {
    timer.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Opens an event stream on {@code what} (a name unique to the watched thing, such as {@code rollout:r7}).
   *
   * @param fingerprint read once now and then every second; equal values mean "nothing the page shows changed"
   */
  public synchronized SseEmitter watch(String what, Supplier<Object> fingerprint) {
    Watch watch = watches.get(what);
    if (watch == null) {
      watch = new Watch(new LiveStream(), fingerprint);
      watches.put(what, watch);
    } else {
      // The new page shows the thing as it is now: tell the pages already open what changed since they looked,
      // so that the new page starts from the same fingerprint and is not told about a change it already shows.
      watch.check(what);
    }
    return watch.stream.open();
  }

  @EventListener(ContextClosedEvent.class)
  synchronized void close() {
    timer.shutdownNow();
    watches.values().forEach(watch -> watch.stream.closeAll());
    watches.clear();
  }

  private synchronized void poll() {
    watches.forEach((what, watch) -> {
      if (watch.stream.isEmpty()) {
        watches.remove(what, watch);
        return;
      }
      try {
        watch.check(what);
      } catch (RuntimeException e) {
        LOG.warn("Could not read {} for the pages that watch it", what, e);
      }
    });
  }

  private static final class Watch {
    private final LiveStream stream;
    private final Supplier<Object> fingerprint;
    private Object last;

    Watch(LiveStream stream, Supplier<Object> fingerprint) {
      this.stream = stream;
      this.fingerprint = fingerprint;
      this.last = fingerprint.get();
    }

    void check(String what) {
      Object now = fingerprint.get();
      if (!Objects.equals(now, last)) {
        last = now;
        stream.send("changed", what);
      }
      stream.heartbeat();
    }
  }
}
