package io.milepost.host.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * Imports {@code milepost.inventory.initial-stock} at the first start, so the demo network starts with
 * stock. Once the ledger has any entry, stock is the ledger's and the file is not read again.
 */
final class InitialStock {

  static final String ACTOR = "milepost.inventory.initial-stock";

  private static final Logger LOG = LoggerFactory.getLogger(InitialStock.class);

  private InitialStock() {}

  static void importAtFirstStart(Resource file, MovementLedger ledger, StockImport stockImport) {
    if (file == null || !ledger.isEmpty()) {
      return;
    }
    String csv;
    try {
      csv = file.getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to read milepost.inventory.initial-stock " + file + ", but could not", e);
    }
    try {
      StockImport.Result result = stockImport.apply(csv, ACTOR);
      LOG.info("Imported the initial stock {}: {} positions ({})", file.getDescription(), result.positions(),
          result.reference());
    } catch (StockImport.RefusedException refused) {
      // A network other than the demo's: its stock comes through the import API instead.
      LOG.warn("Did not import the initial stock {}: {}", file.getDescription(), refused.getMessage());
    }
  }
}
