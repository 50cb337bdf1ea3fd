package io.milepost.engine.timer;

import io.milepost.engine.processing.BpmnBehaviors;
import io.milepost.engine.state.Timers;
import java.util.List;

/** Fires the timers that are due by the engine's clock. */
public final class TimerCommands {

  private final BpmnBehaviors behaviors;

  public TimerCommands(BpmnBehaviors behaviors) {
    this.behaviors = behaviors;
  }

  /** Fires up to {@code limit} due timers; returns how many fired. */
  public int fireDue(int limit) {
    List<Timers.Timer> due = behaviors.context().state().timers().due(behaviors.context().now(), limit);
    due.forEach(behaviors.events()::trigger);
    return due.size();
  }
}
