package io.milepost.host.plugin;

/**
 * A plugin upload or withdrawal the host refuses, with the reason in one sentence.
 *
 * <p>{@code conflict} is true when the request is well-formed but clashes with what is stored (the same
 * id and version with other bytes), false when the request itself is wrong.
 */
public final class PluginRefusedException extends RuntimeException {

  private final boolean conflict;

  PluginRefusedException(String message, boolean conflict) {
    super(message);
    this.conflict = conflict;
  }

  static PluginRefusedException invalid(String message) {
    return new PluginRefusedException(message, false);
  }

  static PluginRefusedException conflict(String message) {
    return new PluginRefusedException(message, true);
  }

  public boolean conflict() {
    return conflict;
  }
}
