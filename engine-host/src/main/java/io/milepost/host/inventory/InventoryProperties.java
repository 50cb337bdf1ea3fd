package io.milepost.host.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The stock settings ({@code milepost.inventory.*}).
 *
 * @param initialStock a CSV in the import format, imported at the first start (while the ledger is
 *     empty); none when unset
 */
@ConfigurationProperties("milepost.inventory")
public record InventoryProperties(Resource initialStock) {}
