package io.milepost.host.site;

import io.milepost.host.audit.Actors;
import io.milepost.host.audit.AuditAction;
import io.milepost.host.audit.AuditEntry;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginRegistry;
import io.milepost.host.plugin.PluginStoreProblems;
import io.milepost.host.plugin.PluginStoreProblems.Problem;
import io.milepost.host.plugin.PluginUploads;
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

  /** {@code uploads} is asked for so the uploaded versions are loaded before the sites are seeded. */
  @Bean
  SiteAssignments siteAssignments(JdbcClient jdbc, HostSchema schema, SiteDirectory sites, SiteProperties properties,
      PluginCatalog catalog, PluginUploads uploads) {
    SiteAssignments assignments = new SiteAssignments(jdbc, Clock.systemUTC(), schema);
    InitialAssignments initial = new InitialAssignments(catalog, assignments);
    // Seeded here, before anyone can ask for an assignment: the workers start only after all beans exist.
    properties.sites().forEach(definition -> initial.seed(definition, sites.find(definition.id()).orElseThrow()));
    return assignments;
  }

  /** The assignment changes; sites that run a version whose jar did not load at start go back to their previous one. */
  @Bean
  AssignmentChanges assignmentChanges(SiteAssignments assignments, PluginCatalog catalog, PluginRegistry registry,
      AuditLog audit, PluginStoreProblems problems) {
    AssignmentChanges changes = new AssignmentChanges(assignments, catalog, registry, audit);
    for (Problem problem : problems.problems()) {
      changes.revertAllFrom(problem.coordinates(), AuditEntry.of(Actors.SYSTEM, AuditAction.ROLLBACK,
          problem.coordinates().pluginId(), problem.coordinates().version(), null,
          "plugin version " + problem.coordinates() + " did not load at start: " + problem.reason()));
    }
    return changes;
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
