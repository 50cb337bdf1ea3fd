package io.milepost.plugin.testkit;

import io.milepost.plugin.api.StepHandler;
import java.util.List;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * A plugin started by a real PF4J plugin manager; closing it stops and unloads the plugin.
 *
 * @param manager the manager that loaded it
 * @param plugin  PF4J's view of the plugin: descriptor, class loader, state
 */
public record LoadedPlugin(PluginManager manager, PluginWrapper plugin) implements AutoCloseable {

  /** The step handlers the plugin's {@code META-INF/extensions.idx} declares, created by PF4J. */
  public List<StepHandler> handlers() {
    return manager.getExtensions(StepHandler.class, plugin.getPluginId());
  }

  @Override
  public void close() {
    // unloadPlugin stops the plugin first. PF4J 3.15's stopPlugins() threw a
    // ConcurrentModificationException here (one started plugin), so it is not used.
    manager.unloadPlugin(plugin.getPluginId());
  }
}
