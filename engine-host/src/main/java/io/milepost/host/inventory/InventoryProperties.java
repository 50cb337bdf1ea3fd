package io.milepost.host.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The stock settings ({@code milepost.inventory.*}).
 *
 * @param initialStock a CSV in the import format, imported at the first start (while the ledger is
 *     empty); none when unset
 * @param releaseTerminatedEvery how often the units that terminated instances held reserved are given back
 *     (default 1 s; zero turns it off)
 */
@ConfigurationProperties("milepost.inventory")
public record InventoryProperties(Resource initialStock, Duration releaseTerminatedEvery) {

  public InventoryProperties {
    releaseTerminatedEvery = releaseTerminatedEvery == null ? Duration.ofSeconds(1) : releaseTerminatedEvery;
  }
}
