package io.milepost.host.plugin;

/** A plugin jar the host could not load: a missing descriptor, a failed start, an ambiguous handler. */
public final class PluginLoadException extends RuntimeException {

  PluginLoadException(String message) {
    super(message);
  }

  PluginLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
