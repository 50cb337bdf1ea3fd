package io.milepost.host.step;

import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.engine.api.Engine;
import io.milepost.host.MilepostProperties;
import io.milepost.host.PeriodicTask;
import io.milepost.host.insight.RecordRetention;
import io.milepost.host.insight.StepRollups;
import io.milepost.host.inventory.JobInventories;
import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.security.WorkerCredentials;
import io.milepost.host.sitedata.SiteDataReaders;
import io.milepost.host.site.HostSchema;
import io.milepost.host.site.SiteAssignments;
import io.milepost.host.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The step workers, their dispatcher and the step records. */
@Configuration(proxyBeanMethods = false)
class StepBeans {

  /** How often records past their retention are looked for: they come of age at the pace steps run. */
  private static final Duration RECORD_RETENTION_EVERY = Duration.ofMinutes(10);

  @Bean
  StepRecords stepRecords(JdbcClient jdbc, HostSchema schema, StepRollups rollups,
      PlatformTransactionManager transactions, MeterRegistry meterRegistry) {
    return new StepRecords(jdbc, schema, rollups, new TransactionTemplate(transactions), meterRegistry);
  }

  @Bean
  OldStepRecords oldStepRecords(JdbcTemplate jdbc, HostSchema schema, PlatformTransactionManager transactions,
      RecordRetention retention) {
    return new OldStepRecords(jdbc, schema, new TransactionTemplate(transactions), retention);
  }

  @Bean
  PeriodicTask stepRecordRetention(OldStepRecords oldRecords) {
    return new PeriodicTask("step-record-retention", RECORD_RETENTION_EVERY, oldRecords::deleteExpired,
        "Step records are not deleted");
  }

  @Bean(destroyMethod = "close")
  StepInvoker stepInvoker(WorkerProperties properties, MeterRegistry meterRegistry) {
    return new StepInvoker(properties.pluginThreads(), meterRegistry);
  }

  @Bean
  HeapGuard heapGuard(WorkerProperties properties, MeterRegistry meterRegistry) {
    return new HeapGuard(properties.heapCriticalPercent(), meterRegistry);
  }

  /** The component {@code heap} of {@code /actuator/health}. */
  @Bean
  HeapHealthIndicator heapHealthIndicator(HeapGuard heapGuard) {
    return new HeapHealthIndicator(heapGuard);
  }

  @Bean
  StepDispatcher stepDispatcher(WorkerProperties properties, PluginCatalog catalog, SiteDirectory sites,
      SiteAssignments assignments, StepRecords records, StepInvoker invoker, MeterRegistry meterRegistry,
      JobInventories inventories, SiteDataReaders siteData, HeapGuard heapGuard) {
    // A mapper of our own for the variables plugins return, whatever the API's JSON settings are (what
    // plugins read is mapped by JsonStepContext, the same in the host and in the plugin testkit).
    JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    return new StepDispatcher(new StepRouter(sites, assignments, catalog), invoker, records,
        new StepMetrics(meterRegistry), properties.stepTimeout(), Clock.systemUTC(), json, inventories, siteData,
        heapGuard, properties.heapHeldBackFor());
  }

  @Bean
  StepWorkers stepWorkers(WorkerProperties properties, PluginCatalog catalog, StepDispatcher dispatcher,
      Environment environment, ObjectProvider<Engine> engine, WorkerCredentials ownApiCredentials,
      WorkerAuthProperties remoteAuth, MilepostProperties milepost) {
    requireAnApiToWorkFor(properties, milepost);
    // In process when the engine runs here and the workers are not sent elsewhere: no HTTP, no credentials.
    Engine local = engine.getIfAvailable();
    boolean inProcess = properties.inProcess() && properties.restAddress() == null && local != null;
    return new StepWorkers(properties, catalog, () -> inProcess
        ? new EngineTransport(local, dispatcher, properties)
        : new ClientTransport(properties, dispatcher, environment, ownApiCredentials, remoteAuth));
  }

  /** A worker node has no API of its own: without an address its workers would poll nothing. */
  private static void requireAnApiToWorkFor(WorkerProperties properties, MilepostProperties milepost) {
    if (!milepost.engine().enabled() && properties.enabled() && properties.restAddress() == null) {
      throw new IllegalStateException("Expected milepost.worker.rest-address to name the Camunda 8 API this worker "
          + "node works for (milepost.engine.enabled is false, so this node has no API of its own), but it was not set");
    }
  }
}
