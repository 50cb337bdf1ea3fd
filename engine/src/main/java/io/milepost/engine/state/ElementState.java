package io.milepost.engine.state;

/** Where an element instance is in its lifecycle (see processing.ElementLifecycle for the moves). */
public enum ElementState {
  ACTIVATING, ACTIVATED, COMPLETING, COMPLETED, TERMINATING, TERMINATED;

  public boolean isFinal() {
    return this == COMPLETED || this == TERMINATED;
  }
}
