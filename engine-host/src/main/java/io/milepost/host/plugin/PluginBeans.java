package io.milepost.host.plugin;

import io.milepost.host.audit.AuditLog;
import io.milepost.host.site.AssignmentChanges;
import io.milepost.host.site.HostSchema;
import io.milepost.host.site.SiteAssignments;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The host's plugin catalog: the bundled plugins extracted, every jar of the plugins dir loaded, then the uploads. */
@Configuration(proxyBeanMethods = false)
class PluginBeans {

  @Bean(destroyMethod = "close")
  PluginCatalog pluginCatalog(PluginProperties properties, PluginTrustProperties trust) {
    BundledPlugins.extractInto(properties.pluginsDir(), PluginBeans.class.getClassLoader());
    PluginCatalog catalog = new PluginCatalog(trust.signatures());
    catalog.loadDirectory(properties.pluginsDir());
    return catalog;
  }

  @Bean
  PluginRegistry pluginRegistry(JdbcClient jdbc, HostSchema schema) {
    return new PluginRegistry(jdbc, Clock.systemUTC(), schema);
  }

  @Bean
  PluginStoreProblems pluginStoreHealthIndicator() {
    return new PluginStoreProblems();
  }

  @Bean
  PluginUploads pluginUploads(PluginCatalog catalog, PluginRegistry registry, AuditLog audit,
      PluginProperties properties, PluginStoreProblems problems) {
    PluginUploads uploads = new PluginUploads(catalog, registry, audit, problems,
        properties.pluginStoreDir());
    // Before any site is seeded or routed: the uploaded versions are part of the catalog from the start.
    uploads.reloadAll();
    return uploads;
  }

  @Bean
  PluginVersionViews pluginVersionViews(PluginCatalog catalog, PluginRegistry registry, PluginUploads uploads,
      SiteAssignments assignments) {
    return new PluginVersionViews(catalog, registry, uploads, assignments);
  }

  @Bean
  PluginWithdrawals pluginWithdrawals(PluginCatalog catalog, PluginRegistry registry, AssignmentChanges changes,
      AuditLog audit) {
    return new PluginWithdrawals(catalog, registry, changes, audit);
  }
}
