package io.milepost.host.inventory;

import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.Reservation;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StockPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link Inventory} one job's plugin sees: every change is made on behalf of that job ({@link JobScope}). */
final class JobInventory implements Inventory {

  private final JobScope job;
  private final StockPositions positions;
  private final StockChanges changes;
  private final Reservations reservations;
  private final SiteDirectory sites;

  JobInventory(JobScope job, StockPositions positions, StockChanges changes, Reservations reservations,
      SiteDirectory sites) {
    this.job = job;
    this.positions = positions;
    this.changes = changes;
    this.reservations = reservations;
    this.sites = sites;
  }

  @Override
  public List<StockPosition> positions(String sku) {
    return positions.ofSku(require("sku", sku));
  }

  @Override
  public StockPosition position(String siteId, String sku) {
    return positions.find(site(siteId), require("sku", sku)).orElse(new StockPosition(siteId, sku, 0, 0, 0));
  }

  @Override
  public boolean reserve(String siteId, String reference, Map<String, Integer> unitsBySku) {
    if (unitsBySku == null || unitsBySku.isEmpty()) {
      throw new IllegalArgumentException("Expected units of at least one SKU to reserve for " + reference
          + ", but found none");
    }
    unitsBySku.forEach((sku, units) -> units(require("sku", sku), units));
    return changes.reserve(job, site(siteId), require("reference", reference), unitsBySku);
  }

  @Override
  public Optional<Reservation> reservation(String reference) {
    return reservations.find(job.processInstanceKey(), require("reference", reference));
  }

  @Override
  public Optional<Reservation> ship(String siteId, String reference) {
    return changes.ship(job, site(siteId), require("reference", reference));
  }

  @Override
  public Optional<Reservation> release(String reference) {
    return changes.release(job, require("reference", reference));
  }

  @Override
  public void addInTransit(String siteId, String sku, int units, String reference) {
    changes.addInTransit(job, site(siteId), require("sku", sku), units(sku, units), require("reference", reference));
  }

  @Override
  public void arrive(String siteId, String sku, int units, String reference) {
    changes.arrive(job, site(siteId), require("sku", sku), units(sku, units), require("reference", reference));
  }

  private String site(String siteId) {
    require("siteId", siteId);
    if (sites.find(siteId).isEmpty()) {
      throw new IllegalArgumentException("Expected a site of the network, but found '" + siteId + "'; the sites are "
          + sites.all().stream().map(Site::id).toList());
    }
    return siteId;
  }

  private static int units(String sku, Integer units) {
    if (units == null || units < 1) {
      throw new IllegalArgumentException("Expected 1 or more units of " + sku + ", but found " + units);
    }
    return units;
  }

  private static String require(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected a " + what + ", but it was " + (value == null ? "missing" : "blank"));
    }
    return value;
  }
}
