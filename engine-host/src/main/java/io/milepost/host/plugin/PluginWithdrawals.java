package io.milepost.host.plugin;

import io.milepost.host.audit.AuditAction;
import io.milepost.host.audit.AuditEntry;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.site.AssignmentChanges;

/** Withdraws a plugin version: it can no longer be assigned, and optionally every site on it goes back. */
public final class PluginWithdrawals {

  private final PluginCatalog catalog;
  private final PluginRegistry registry;
  private final AssignmentChanges changes;
  private final AuditLog audit;

  PluginWithdrawals(PluginCatalog catalog, PluginRegistry registry, AssignmentChanges changes, AuditLog audit) {
    this.catalog = catalog;
    this.registry = registry;
    this.changes = changes;
    this.audit = audit;
  }

  /**
   * @param rollBack also move every site that runs the version back to its previous version
   * @return how many site job types moved back
   * @throws PluginRefusedException when the version is not known
   */
  public int withdraw(PluginCoordinates coordinates, boolean rollBack, String actor, String reason) {
    if (catalog.find(coordinates).isEmpty() && registry.upload(coordinates).isEmpty()) {
      throw PluginRefusedException.invalid("Expected a known plugin version, but " + coordinates + " is neither"
          + " loaded nor uploaded");
    }
    if (registry.withdraw(coordinates, actor)) {
      audit.record(AuditEntry.of(actor, AuditAction.WITHDRAW, coordinates.pluginId(), coordinates.version(), null,
          reason));
    }
    if (!rollBack) {
      return 0;
    }
    return changes.revertAllFrom(coordinates, AuditEntry.of(actor, AuditAction.ROLLBACK, coordinates.pluginId(),
        coordinates.version(), null, reason == null ? "withdrawal of " + coordinates : reason));
  }
}
