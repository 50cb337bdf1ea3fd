package io.milepost.host.plugin;

import java.util.Objects;

/**
 * One version of one plugin, e.g. {@code sortable-fc@1.0.0}: the key under which the host keeps a
 * loaded plugin. PF4J itself keys plugins by id only, which is why every version gets its own manager.
 */
public record PluginCoordinates(String pluginId, String version) {

  public PluginCoordinates {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String toString() {
    return pluginId + "@" + version;
  }
}
