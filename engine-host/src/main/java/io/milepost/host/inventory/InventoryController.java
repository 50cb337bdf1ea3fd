package io.milepost.host.inventory;

import io.milepost.host.api.ApiException;
import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StockPosition;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network's stock: positions ({@code GET /api/inventory}, {@code GET /api/sites/{siteId}/inventory}),
 * the ledger of changes ({@code GET /api/inventory/movements}) and the import of units on hand
 * ({@code POST /api/inventory/import}, {@code text/csv} with the header {@code siteId,sku,onHand}).
 */
@RestController
final class InventoryController {

  private static final int MAX_PAGE_SIZE = 1000;

  private final StockPositions positions;
  private final MovementLedger ledger;
  private final StockImport stockImport;
  private final SiteDirectory sites;

  InventoryController(StockPositions positions, MovementLedger ledger, StockImport stockImport, SiteDirectory sites) {
    this.positions = positions;
    this.ledger = ledger;
    this.stockImport = stockImport;
    this.sites = sites;
  }

  /** A position with what an order can still reserve. */
  record PositionResponse(String siteId, String sku, int onHand, int reserved, int inTransit, int available) {
    static PositionResponse of(StockPosition position) {
      return new PositionResponse(position.siteId(), position.sku(), position.onHand(), position.reserved(),
          position.inTransit(), position.available());
    }
  }

  /** A ledger entry; keys as strings, like the Camunda 8 API. */
  record MovementResponse(long id, String siteId, String sku, MovementKind kind, int onHandChange, int reservedChange,
      int inTransitChange, String reference, String processInstanceKey, String jobKey, String step, String actor,
      String createdAt) {
    static MovementResponse of(Movement m) {
      return new MovementResponse(m.id(), m.siteId(), m.sku(), m.kind(), m.onHandChange(), m.reservedChange(),
          m.inTransitChange(), m.reference(), text(m.processInstanceKey()), text(m.jobKey()), m.step(), m.actor(),
          m.createdAt().toString());
    }

    private static String text(Long key) {
      return key == null ? null : key.toString();
    }
  }

  @GetMapping("/api/inventory")
  Page<PositionResponse> positions(@RequestParam(required = false) String siteId,
      @RequestParam(required = false) String sku, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    checkPage(page, size);
    return map(positions.page(blankToNull(siteId), blankToNull(sku), page, size));
  }

  @GetMapping("/api/sites/{siteId}/inventory")
  Page<PositionResponse> ofSite(@PathVariable String siteId, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (sites.find(siteId).isEmpty()) {
      throw ApiException.notFound("Expected a site with id '" + siteId + "', but there is none; the sites are "
          + sites.all().stream().map(Site::id).toList());
    }
    checkPage(page, size);
    return map(positions.page(siteId, null, page, size));
  }

  @GetMapping("/api/inventory/movements")
  Page<MovementResponse> movements(@RequestParam(required = false) String reference,
      @RequestParam(required = false) String siteId, @RequestParam(required = false) String sku,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    checkPage(page, size);
    Page<Movement> found = ledger.page(blankToNull(reference), blankToNull(siteId), blankToNull(sku), page, size);
    return new Page<>(found.items().stream().map(MovementResponse::of).toList(), found.page(), found.size(),
        found.total());
  }

  @PostMapping(path = "/api/inventory/import", consumes = "text/csv")
  StockImport.Result importStock(@RequestBody String csv, Principal principal) {
    try {
      return stockImport.apply(csv, principal == null ? "anonymous" : principal.getName());
    } catch (StockImport.RefusedException refused) {
      throw ApiException.invalidArgument(refused.getMessage());
    }
  }

  private static Page<PositionResponse> map(Page<StockPosition> page) {
    return new Page<>(page.items().stream().map(PositionResponse::of).toList(), page.page(), page.size(), page.total());
  }

  private static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.invalidArgument("Expected page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE + ", but found page "
          + page + " and size " + size);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
