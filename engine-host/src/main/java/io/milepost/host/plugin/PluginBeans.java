package io.milepost.host.plugin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The host's plugin catalog: the bundled plugins extracted, then every jar of the plugins dir loaded. */
@Configuration(proxyBeanMethods = false)
class PluginBeans {

  @Bean(destroyMethod = "close")
  PluginCatalog pluginCatalog(PluginProperties properties, PluginTrustProperties trust) {
    BundledPlugins.extractInto(properties.pluginsDir(), PluginBeans.class.getClassLoader());
    PluginCatalog catalog = new PluginCatalog(trust.signatures());
    catalog.loadDirectory(properties.pluginsDir());
    return catalog;
  }
}
