package io.milepost.host.plugin;

import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/**
 * A PF4J manager that holds exactly one plugin jar.
 *
 * <p>PF4J keys plugins by id, so one manager cannot hold {@code sortable-fc} 1.0.0 and 1.1.0 at once;
 * one manager per loaded version lets both run side by side, each in its own class loader.
 */
final class SingleJarPluginManager extends DefaultPluginManager {

  SingleJarPluginManager(Path pluginsRoot, String systemVersion) {
    super(pluginsRoot);
    setSystemVersion(systemVersion);
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new JarPluginLoader(this) {
      @Override
      protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
        return new ApiFirstPluginClassLoader(pluginManager, descriptor, SingleJarPluginManager.class.getClassLoader());
      }
    };
  }
}
