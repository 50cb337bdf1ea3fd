package io.milepost.host.plugin;

import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the plugin's own classes first (so two versions of one plugin can define
 * the same class names), but the contract packages from the host.
 *
 * <p>{@code io.milepost.plugin.api} must come from the host, or a plugin's {@code StepHandler} would be
 * a different interface than the one the host calls; the same holds for PF4J's {@code ExtensionPoint}
 * (PF4J already delegates {@code org.pf4j}). SLF4J comes from the host so plugin logs go to the host's
 * logging. A plugin that bundles copies of these packages anyway gets the host's.
 */
final class ApiFirstPluginClassLoader extends PluginClassLoader {

  private static final String[] HOST_PACKAGES = {"io.milepost.plugin.api.", "org.pf4j.", "org.slf4j."};

  ApiFirstPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
    super(manager, descriptor, host);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    for (String hostPackage : HOST_PACKAGES) {
      if (className.startsWith(hostPackage)) {
        return true;
      }
    }
    return super.shouldDelegateToParent(className);
  }
}
