package io.milepost.engine.processing;

import static io.milepost.engine.state.ElementState.ACTIVATED;
import static io.milepost.engine.state.ElementState.ACTIVATING;
import static io.milepost.engine.state.ElementState.COMPLETED;
import static io.milepost.engine.state.ElementState.COMPLETING;
import static io.milepost.engine.state.ElementState.TERMINATED;
import static io.milepost.engine.state.ElementState.TERMINATING;

import io.milepost.engine.state.ElementState;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The declared moves of an element instance; any other move is a bug and fails the command. */
public final class ElementLifecycle {

  /** Every allowed transition, from -> to. */
  public static final Map<ElementState, Set<ElementState>> TRANSITIONS = Map.of(
      ACTIVATING, EnumSet.of(ACTIVATED, TERMINATING),
      ACTIVATED, EnumSet.of(COMPLETING, TERMINATING),
      COMPLETING, EnumSet.of(COMPLETED, TERMINATING),
      TERMINATING, EnumSet.of(TERMINATED),
      COMPLETED, EnumSet.noneOf(ElementState.class),
      TERMINATED, EnumSet.noneOf(ElementState.class));

  private ElementLifecycle() {}

  public static boolean canTransition(ElementState from, ElementState to) {
    return TRANSITIONS.get(from).contains(to);
  }

  static void check(long key, String elementId, ElementState from, ElementState to) {
    if (!canTransition(from, to)) {
      throw new IllegalStateException("Expected element instance " + key + " ('" + elementId + "') to move from "
          + from + " to one of " + TRANSITIONS.get(from) + ", but it was asked to move to " + to);
    }
  }
}
