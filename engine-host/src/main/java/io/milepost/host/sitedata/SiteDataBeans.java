package io.milepost.host.sitedata;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.site.HostSchema;
import io.milepost.host.site.SiteAssignments;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sites' data set versions, the declarations behind them and the readers jobs use. */
@Configuration(proxyBeanMethods = false)
class SiteDataBeans {

  @Bean
  SiteDataVersions siteDataVersions(JdbcClient jdbc, HostSchema migrated) {
    return new SiteDataVersions(jdbc, Clock.systemUTC(), migrated);
  }

  @Bean
  DataSetDeclarations dataSetDeclarations(SiteAssignments assignments, PluginCatalog catalog) {
    return new DataSetDeclarations(assignments, catalog);
  }

  @Bean
  SiteDataReaders siteDataReaders(SiteDataVersions versions) {
    return new SiteDataReaders(versions);
  }
}
