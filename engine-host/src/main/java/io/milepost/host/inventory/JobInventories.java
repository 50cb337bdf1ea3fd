package io.milepost.host.inventory;

import io.milepost.host.site.SiteDirectory;
import io.milepost.plugin.api.Inventory;

/** Hands each job the {@link Inventory} its plugin changes stock through. */
public final class JobInventories {

  private final StockPositions positions;
  private final StockChanges changes;
  private final Reservations reservations;
  private final SiteDirectory sites;

  JobInventories(StockPositions positions, StockChanges changes, Reservations reservations, SiteDirectory sites) {
    this.positions = positions;
    this.changes = changes;
    this.reservations = reservations;
    this.sites = sites;
  }

  /** The stock as the job of this key, type and process instance changes it. */
  public Inventory forJob(long processInstanceKey, long jobKey, String jobType) {
    return new JobInventory(new JobScope(processInstanceKey, jobKey, jobType), positions, changes, reservations, sites);
  }
}
