package io.milepost.host.inventory;

import io.milepost.engine.api.EngineQueries;
import io.milepost.host.PeriodicTask;
import io.milepost.host.site.HostSchema;
import io.milepost.host.site.SiteDirectory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The stock store and its parts; the initial stock is imported once the schema is migrated. */
@Configuration(proxyBeanMethods = false)
class InventoryBeans {

  @Bean
  StockPositions stockPositions(JdbcClient jdbc, HostSchema migrated) {
    return new StockPositions(jdbc, Clock.systemUTC());
  }

  @Bean
  MovementLedger movementLedger(JdbcClient jdbc, HostSchema migrated) {
    return new MovementLedger(jdbc);
  }

  @Bean
  Reservations reservations(JdbcClient jdbc, HostSchema migrated) {
    return new Reservations(jdbc);
  }

  @Bean
  StockImport stockImport(JdbcClient jdbc, PlatformTransactionManager transactionManager, StockPositions positions,
      MovementLedger ledger, SiteDirectory sites, InventoryProperties properties) {
    StockImport stockImport = new StockImport(jdbc, new TransactionTemplate(transactionManager), positions, ledger, sites);
    InitialStock.importAtFirstStart(properties.initialStock(), ledger, stockImport);
    return stockImport;
  }

  @Bean
  StockChanges stockChanges(JdbcClient jdbc, PlatformTransactionManager transactionManager, StockPositions positions,
      Reservations reservations, MovementLedger ledger) {
    return new StockChanges(jdbc, new TransactionTemplate(transactionManager), positions, reservations, ledger);
  }

  @Bean
  JobInventories jobInventories(StockPositions positions, StockChanges changes, Reservations reservations,
      SiteDirectory sites, StockImport initialStockImported) {
    return new JobInventories(positions, changes, reservations, sites);
  }

  /** Off on a worker node: its instances live in the cluster's engine, whose event log this host cannot follow. */
  @Bean
  PeriodicTask terminatedInstanceReleases(ObjectProvider<EngineQueries> engine, JdbcClient jdbc,
      PlatformTransactionManager transactionManager, StockChanges changes, InventoryProperties properties) {
    EngineQueries embedded = engine.getIfAvailable();
    if (embedded == null) {
      return new PeriodicTask("terminated-instance-releases", Duration.ZERO, () -> { },
          "Reservations of terminated instances are not released on a worker node (no embedded engine)");
    }
    TerminatedInstances terminated = new TerminatedInstances(embedded, jdbc,
        new TransactionTemplate(transactionManager), changes, Clock.systemUTC()).startingAtTheEndOfTheLogTheFirstTime();
    return new PeriodicTask("terminated-instance-releases", properties.releaseTerminatedEvery(),
        terminated::releaseWhatTheyHeld, "Reservations of terminated instances are not released: "
            + "milepost.inventory.release-terminated-every is zero");
  }
}
