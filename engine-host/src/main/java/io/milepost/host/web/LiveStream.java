package io.milepost.host.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event connections of one kind of page. A browser that went away is noticed at the next
 * write, so a comment goes out when nothing else did for a while; {@link #closeAll} ends every connection at
 * shutdown (the web server would otherwise wait for them).
 */
public final class LiveStream {

  private static final long ONE_HOUR = Duration.ofHours(1).toMillis();
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final Set<SseEmitter> emitters = new CopyOnWriteArraySet<>();
  private volatile Instant lastSent = Instant.now();

  public SseEmitter open() {
    SseEmitter emitter = new SseEmitter(ONE_HOUR);
    emitters.add(emitter);
    emitter.onCompletion(() -> emitters.remove(emitter));
    emitter.onTimeout(() -> emitters.remove(emitter));
    emitter.onError(failure -> emitters.remove(emitter));
    return emitter;
  }

  public boolean isEmpty() {
    return emitters.isEmpty();
  }

  public void send(String name, String data) {
    write(SseEmitter.event().name(name).data(data));
  }

  /** Keeps idle connections checked; call it regularly. */
  public void heartbeat() {
    if (Instant.now().isAfter(lastSent.plus(HEARTBEAT))) {
      write(SseEmitter.event().comment("still here"));
    }
  }

  public void closeAll() {
    emitters.forEach(SseEmitter::complete);
    emitters.clear();
  }

  private void write(SseEmitter.SseEventBuilder event) {
    lastSent = Instant.now();
    for (SseEmitter emitter : emitters) {
      try {
        emitter.send(event);
      } catch (IOException | IllegalStateException gone) {
        emitters.remove(emitter);
        emitter.completeWithError(gone);
      }
    }
  }
}
