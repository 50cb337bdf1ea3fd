package io.milepost.host.inventory;

import io.milepost.host.inventory.MovementLedger.Entry;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Site;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets positions' units on hand from a CSV ({@link StockCsv}), all or nothing, each change in the ledger
 * under the import's reference. Positions the file does not name keep their units.
 */
final class StockImport {

  /** What an import did: its reference in the ledger and how many positions it set. */
  record Result(String reference, int positions) {}

  /** The file was refused; nothing changed. */
  static final class RefusedException extends RuntimeException {
    private final List<String> problems;

    RefusedException(List<String> problems) {
      super("Expected a stock file the network can take, but: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StockPositions positions;
  private final MovementLedger ledger;
  private final SiteDirectory sites;

  StockImport(JdbcClient jdbc, TransactionTemplate transactions, StockPositions positions, MovementLedger ledger,
      SiteDirectory sites) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.positions = positions;
    this.ledger = ledger;
    this.sites = sites;
  }

  /** Imports the file or throws {@link RefusedException} listing every problem. */
  Result apply(String csv, String actor) {
    Set<String> siteIds = sites.all().stream().map(Site::id).collect(Collectors.toSet());
    StockCsv.Parsed parsed = StockCsv.parse(csv, siteIds);
    if (!parsed.problems().isEmpty()) {
      throw new RefusedException(parsed.problems());
    }
    String reference = "import-" + UUID.randomUUID();
    transactions.executeWithoutResult(status -> {
      List<String> problems = new ArrayList<>();
      OffsetDateTime now = positions.now();
      for (StockCsv.Line line : parsed.lines()) {
        // Inside the transaction, so a refused file leaves no empty positions behind.
        if (positions.find(line.siteId(), line.sku()).isEmpty()) {
          jdbc.sql("INSERT INTO inventory_position (site_id, sku, on_hand, reserved, in_transit, updated_at)"
                  + " VALUES (?, ?, 0, 0, 0, ?)")
              .params(line.siteId(), line.sku(), now).update();
        }
        int[] current = jdbc.sql("SELECT on_hand, reserved FROM inventory_position WHERE site_id = ? AND sku = ? FOR UPDATE")
            .params(line.siteId(), line.sku())
            .query((rs, n) -> new int[] {rs.getInt("on_hand"), rs.getInt("reserved")})
            .single();
        if (line.onHand() < current[1]) {
          problems.add("line " + line.lineNumber() + ": expected onHand of at least the " + current[1]
              + " units orders hold at " + line.siteId() + " for " + line.sku() + ", but found " + line.onHand());
          continue;
        }
        jdbc.sql("UPDATE inventory_position SET on_hand = ?, updated_at = ? WHERE site_id = ? AND sku = ?")
            .params(line.onHand(), now, line.siteId(), line.sku())
            .update();
        ledger.add(new Entry(reference + "|" + line.siteId() + "|" + line.sku(), line.siteId(), line.sku(),
            MovementKind.IMPORT, line.onHand() - current[0], 0, 0, reference, null, actor), now);
      }
      if (!problems.isEmpty()) {
        throw new RefusedException(problems);
      }
    });
    return new Result(reference, parsed.lines().size());
  }
}
