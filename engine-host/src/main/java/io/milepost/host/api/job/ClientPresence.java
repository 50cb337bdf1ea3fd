package io.milepost.host.api.job;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.MediaType;

/**
 * Notices that the client of a held REST long poll has gone, and writes the poll's answer.
 *
 * <p>Why writing: the servlet API tells nothing when a client closes its connection while a request is
 * held (Tomcat does not watch the socket of a request, synchronous or asynchronous, whose body it has read).
 * Only a write finds out. So while the poll is held, a space is written and flushed every second: JSON
 * allows whitespace before the document, and the first write after the client has gone draws a reset
 * from its side, which fails the next one. The status (200) and content type are sent with the first
 * space, so this starts only once the request is held, after everything that may still refuse it.
 */
final class ClientPresence implements AutoCloseable {

  static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final byte[] SPACE = {' '};

  private final HttpServletResponse response;
  private final CompletableFuture<Void> gone = new CompletableFuture<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final Object writing = new Object();

  ClientPresence(HttpServletResponse response) {
    this.response = response;
  }

  /** Completes when a write to the client failed: it has gone. */
  CompletableFuture<Void> gone() {
    return gone;
  }

  /** Starts writing a space every {@link #INTERVAL} until {@link #close()}. */
  void watch() {
    Thread.ofVirtual().name("long-poll-presence").start(() -> {
      while (!awaitStop()) {
        synchronized (writing) {
          if (stopped.isDone() || !write(SPACE)) {
            return;
          }
        }
      }
    });
  }

  /**
   * Writes the answer (the status and content type too, unless a space has sent them already).
   *
   * @return false if the client has gone (the answer did not reach it)
   */
  boolean answer(String json) {
    close();
    synchronized (writing) {
      return !gone.isDone() && write(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    stopped.complete(null);
  }

  /** @return true once stopped, false after an interval without a stop */
  private boolean awaitStop() {
    try {
      stopped.get(INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private boolean write(byte[] bytes) {
    try {
      if (!response.isCommitted()) {
        respondWithJson();
      }
      response.getOutputStream().write(bytes);
      response.flushBuffer();
      return true;
    } catch (IOException e) {
      gone.complete(null);
      return false;
    }
  }

  private void respondWithJson() {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
  }
}
