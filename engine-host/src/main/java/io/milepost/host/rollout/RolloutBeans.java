package io.milepost.host.rollout;

import io.milepost.host.PeriodicTask;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.insight.StepSamples;
import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.UnusedVersions;
import io.milepost.host.security.CurrentUser;
import io.milepost.host.site.AssignmentChanges;
import io.milepost.host.site.HostSchema;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RolloutBeans {

  /**
   * The time rollouts run on (wave starts, bake times). Not a bean: other parts of the host may have a
   * Clock of their own. Tests move time by calling {@link GuardrailMonitor#checkAll} with a later instant.
   */
  private static final Clock CLOCK = Clock.systemUTC();

  @Bean
  RolloutStore rolloutStore(JdbcClient jdbc, HostSchema schema) {
    return new RolloutStore(jdbc, schema);
  }

  @Bean
  Rollouts rollouts(RolloutStore store, SiteDirectory sites, PluginCatalog catalog, AssignmentChanges changes,
      AuditLog audit, PlatformTransactionManager transactions, CurrentUser currentUser) {
    return new Rollouts(store, new RolloutPlanner(sites, catalog, changes), changes, sites, audit,
        new TransactionTemplate(transactions), CLOCK, new LeaderRegions(currentUser, sites));
  }

  @Bean
  RolloutViews rolloutViews(StepSamples samples) {
    return new RolloutViews(samples);
  }

  @Bean
  RolloutInsights rolloutInsights(StepSamples samples, SiteDirectory sites, SiteAssignments assignments) {
    return new RolloutInsights(samples, sites, assignments);
  }

  @Bean
  GuardrailMonitor guardrailMonitor(RolloutStore store, Rollouts rollouts, StepSamples samples, SiteDirectory sites,
      SiteAssignments assignments) {
    return new GuardrailMonitor(store, rollouts, new GuardrailEvaluator(samples, sites, assignments));
  }

  /** Unused: no site runs it, no active rollout moves sites to it or would roll them back to it. */
  @Bean
  UnusedVersions unusedVersions(PluginCatalog catalog, SiteAssignments assignments, RolloutStore store,
      RolloutProperties properties) {
    return new UnusedVersions(catalog, version -> !assignments.runningOn(version).isEmpty()
        || store.all().stream().filter(rollout -> rollout.state().active()).anyMatch(rollout ->
            rollout.plugin().equals(version)
                || rollout.targets().stream().anyMatch(target -> version.equals(target.from()))),
        properties.unloadUnusedAfter());
  }

  /** Unloads unused versions, looking a few times per grace period (at most every minute, at least every second). */
  @Bean
  PeriodicTask unusedVersionSweeper(UnusedVersions unused, RolloutProperties properties) {
    Duration grace = properties.unloadUnusedAfter();
    Duration every = grace.isZero() || grace.isNegative() ? grace
        : Duration.ofMillis(Math.max(1000, Math.min(grace.toMillis() / 4, 60_000)));
    return new PeriodicTask("plugin-unloader", every, () -> unused.sweep(CLOCK.instant()),
        "Unused plugin versions stay loaded: milepost.rollouts.unload-unused-after is " + grace);
  }

  /** Checks every rollout's guardrails every {@code milepost.rollouts.check-interval}. */
  @Bean
  PeriodicTask guardrailScheduler(GuardrailMonitor monitor, RolloutProperties properties) {
    return new PeriodicTask("rollout-guardrails", properties.checkInterval(), () -> monitor.checkAll(CLOCK.instant()),
        "Rollout guardrails are not checked: milepost.rollouts.check-interval is " + properties.checkInterval());
  }
}
