package io.milepost.host.web.task;

import io.milepost.engine.api.EngineEvent;
import io.milepost.host.web.EventLogTail;
import io.milepost.host.web.LiveStream;
import java.util.List;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /tasks/events}: server-sent events, one {@code task} event per user task created, assigned,
 * unassigned, completed or cancelled, with data {@code <key> <intent>}. The task list refreshes on them; an
 * open task page learns that someone else completed its task.
 */
@Controller
final class TaskEvents {

  private final LiveStream stream = new LiveStream();
  private final EventLogTail tail;
  private Runnable stopListening = () -> { };

  TaskEvents(EventLogTail tail) {
    this.tail = tail;
  }

  @GetMapping(path = "/tasks/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  synchronized SseEmitter events() {
    SseEmitter emitter = stream.open();
    stopListening.run();
    stopListening = tail.listen(this::publish);
    return emitter;
  }

  @EventListener(ContextClosedEvent.class)
  synchronized void close() {
    stopListening.run();
    stream.closeAll();
  }

  private synchronized void publish(List<EngineEvent> events) {
    if (stream.isEmpty()) {
      stopListening.run();
      return;
    }
    for (EngineEvent event : events) {
      if ("USER_TASK".equals(event.valueType())) {
        stream.send("task", event.key() + " " + event.intent());
      }
    }
    stream.heartbeat();
  }
}
