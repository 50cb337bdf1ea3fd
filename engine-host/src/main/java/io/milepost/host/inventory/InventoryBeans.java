package io.milepost.host.inventory;

import io.milepost.host.site.HostSchema;
import io.milepost.host.site.SiteDirectory;
import java.time.Clock;
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
  JobInventories jobInventories(JdbcClient jdbc, PlatformTransactionManager transactionManager,
      StockPositions positions, Reservations reservations, MovementLedger ledger, SiteDirectory sites,
      StockImport initialStockImported) {
    StockChanges changes = new StockChanges(jdbc, new TransactionTemplate(transactionManager), positions, reservations,
        ledger);
    return new JobInventories(positions, changes, reservations, sites);
  }
}
