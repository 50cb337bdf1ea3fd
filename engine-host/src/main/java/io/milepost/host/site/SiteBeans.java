package io.milepost.host.site;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.site.SiteProperties.SiteDefinition;
import io.milepost.plugin.api.Site;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sites from configuration, the host's schema and the assignment store, seeded at start. */
@Configuration(proxyBeanMethods = false)
class SiteBeans {

  @Bean
  HostSchema hostSchema(DataSource dataSource) {
    return HostSchema.migrate(dataSource);
  }

  @Bean
  SiteDirectory siteDirectory(SiteProperties properties) {
    return new SiteDirectory(properties.sites().stream().map(SiteBeans::site).toList());
  }

  @Bean
  SiteAssignments siteAssignments(JdbcClient jdbc, HostSchema schema, SiteDirectory sites, SiteProperties properties,
      PluginCatalog catalog) {
    SiteAssignments assignments = new SiteAssignments(jdbc, Clock.systemUTC(), schema);
    InitialAssignments initial = new InitialAssignments(catalog, assignments);
    // Seeded here, before anyone can ask for an assignment: the workers start only after all beans exist.
    properties.sites().forEach(definition -> initial.seed(definition, sites.find(definition.id()).orElseThrow()));
    return assignments;
  }

  private static Site site(SiteDefinition definition) {
    try {
      return new Site(definition.id(), definition.name(), definition.buildingType(), definition.region());
    } catch (RuntimeException e) {
      throw new IllegalStateException("Expected milepost.sites entries with id, buildingType and region, but found "
          + definition + ": " + e.getMessage(), e);
    }
  }
}
