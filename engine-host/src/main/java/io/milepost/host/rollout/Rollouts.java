package io.milepost.host.rollout;

import io.milepost.host.audit.AuditAction;
import io.milepost.host.audit.AuditEntry;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.plugin.PluginCoordinates;
import io.milepost.host.rollout.Rollout.Target;
import io.milepost.host.rollout.RolloutRefusedException.Kind;
import io.milepost.host.site.AssignmentChanges;
import io.milepost.host.site.SiteDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates rollouts and moves them on: apply the next wave, pause, resume, roll back. Each action changes
 * the assignments, the rollout's state and the audit log in one transaction; a change takes effect for
 * the next job at each site.
 */
public final class Rollouts {

  private final RolloutStore store;
  private final RolloutPlanner planner;
  private final AssignmentChanges changes;
  private final SiteDirectory sites;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final LeaderRegions leaderRegions;

  Rollouts(RolloutStore store, RolloutPlanner planner, AssignmentChanges changes, SiteDirectory sites, AuditLog audit,
      TransactionTemplate transaction, Clock clock, LeaderRegions leaderRegions) {
    this.leaderRegions = leaderRegions;
    this.store = store;
    this.planner = planner;
    this.changes = changes;
    this.sites = sites;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Plans the rollout and applies its first wave (all target sites when it has no waves, and it is then
   * complete at once).
   *
   * @throws RolloutRefusedException INVALID for a bad request (nothing changes), CONFLICT when a target
   *     site's job type is in another active rollout
   */
  public synchronized Rollout create(RolloutRequest request, String actor) {
    String id = "ro-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = clock.instant();
    Rollout plan;
    try {
      plan = planner.plan(id, request, actor, now);
    } catch (IllegalArgumentException e) {
      throw new RolloutRefusedException(Kind.INVALID, e.getMessage());
    }
    leaderRegions.requireMaySteer(plan, "create");
    checkNoOtherActiveRollout(plan);
    transaction.executeWithoutResult(status -> {
      store.insert(plan);
      audit.record(AuditEntry.of(actor, AuditAction.ROLLOUT_CREATED, plan.plugin().pluginId(),
          plan.plugin().version(), id, request.reason()));
      apply(plan, 0, actor, request.reason(), now);
      if (request.waves().isEmpty()) {
        complete(plan, actor, now);
      }
    });
    return require(id);
  }

  /** The clock rollouts run on. */
  public Clock clock() {
    return clock;
  }

  public List<Rollout> all() {
    return store.all();
  }

  public Optional<Rollout> find(String id) {
    return store.find(id);
  }

  /** Applies the next wave (from RUNNING or PAUSED); after the last wave the rollout is COMPLETED. */
  public synchronized Rollout advance(String id, String actor, String reason) {
    Rollout rollout = requireState(id, "advance", RolloutState.RUNNING, RolloutState.PAUSED);
    Instant now = clock.instant();
    transaction.executeWithoutResult(status -> {
      int next = rollout.currentWave() + 1;
      if (next >= rollout.waves().size()) {
        complete(rollout, actor, now);
        return;
      }
      apply(rollout, next, actor, reason, now);
      store.updateState(id, RolloutState.RUNNING, next, null, now);
      audit.record(AuditEntry.of(actor, AuditAction.ROLLOUT_ADVANCED, rollout.plugin().pluginId(),
          rollout.plugin().version(), id, "wave " + (next + 1) + " of " + rollout.waves().size()
              + (reason == null ? "" : ": " + reason)));
    });
    return require(id);
  }

  public synchronized Rollout pause(String id, String actor, String reason) {
    return pause(id, actor, reason, null);
  }

  /** Pauses a running rollout; {@code breach} names the guardrail figure when a guardrail pauses it. */
  synchronized Rollout pause(String id, String actor, String reason, Breach breach) {
    Rollout rollout = requireState(id, "pause", RolloutState.RUNNING);
    transaction.executeWithoutResult(status -> {
      store.updateState(id, RolloutState.PAUSED, rollout.currentWave(), reason, clock.instant());
      audit.record(withBreach(AuditEntry.of(actor, AuditAction.ROLLOUT_PAUSED, rollout.plugin().pluginId(),
          rollout.plugin().version(), id, reason), breach));
    });
    return require(id);
  }

  public synchronized Rollout resume(String id, String actor, String reason) {
    Rollout rollout = requireState(id, "resume", RolloutState.PAUSED);
    transaction.executeWithoutResult(status -> {
      store.updateState(id, RolloutState.RUNNING, rollout.currentWave(), null, clock.instant());
      audit.record(AuditEntry.of(actor, AuditAction.ROLLOUT_RESUMED, rollout.plugin().pluginId(),
          rollout.plugin().version(), id, reason));
    });
    return require(id);
  }

  public synchronized Rollout rollback(String id, String actor, String reason) {
    return rollback(id, actor, reason, null);
  }

  /**
   * Points every site and job type the rollout moved back at the version it ran before (a site someone
   * has moved on since is left alone).
   */
  synchronized Rollout rollback(String id, String actor, String reason, Breach breach) {
    Rollout rollout = requireState(id, "roll back", RolloutState.RUNNING, RolloutState.PAUSED,
        RolloutState.COMPLETED);
    transaction.executeWithoutResult(status -> {
      for (Target target : rollout.targets()) {
        if (target.appliedAt() == null || target.from() == null) {
          continue;
        }
        PluginCoordinates from = target.from();
        changes.revert(target.siteId(), target.jobType(), rollout.plugin(), from, withBreach(AuditEntry.of(actor,
            AuditAction.ROLLBACK, from.pluginId(), from.version(), id, reason), breach));
      }
      store.updateState(id, RolloutState.ROLLED_BACK, rollout.currentWave(), reason, clock.instant());
      audit.record(withBreach(AuditEntry.of(actor, AuditAction.ROLLOUT_ROLLED_BACK, rollout.plugin().pluginId(),
          rollout.plugin().version(), id, reason), breach));
    });
    return require(id);
  }

  private void apply(Rollout rollout, int wave, String actor, String reason, Instant now) {
    for (Target target : rollout.targetsOf(wave)) {
      AuditEntry why = AuditEntry.of(actor, AuditAction.ASSIGN, rollout.plugin().pluginId(),
          rollout.plugin().version(), rollout.id(), reason);
      Optional<PluginCoordinates> before;
      try {
        before = changes.assign(sites.find(target.siteId()).orElseThrow(), target.jobType(), rollout.plugin(), why);
      } catch (IllegalArgumentException e) {
        // E.g. the version was withdrawn after the rollout began: the transaction undoes this wave.
        throw new RolloutRefusedException(Kind.CONFLICT, e.getMessage());
      }
      // A site that already ran this version has nothing to go back to.
      PluginCoordinates from = before.filter(version -> !version.equals(rollout.plugin())).orElse(null);
      store.targetApplied(rollout.id(), target.siteId(), target.jobType(), from, now);
    }
    store.waveStarted(rollout.id(), wave, now);
  }

  private void complete(Rollout rollout, String actor, Instant now) {
    store.updateState(rollout.id(), RolloutState.COMPLETED, rollout.waves().size() - 1, null, now);
    audit.record(AuditEntry.of(actor, AuditAction.ROLLOUT_COMPLETED, rollout.plugin().pluginId(),
        rollout.plugin().version(), rollout.id(), "every wave applied"));
  }

  private void checkNoOtherActiveRollout(Rollout plan) {
    for (Rollout other : store.all()) {
      if (!other.state().active()) {
        continue;
      }
      for (Target target : plan.targets()) {
        boolean clash = other.targets().stream().anyMatch(t -> t.siteId().equals(target.siteId())
            && t.jobType().equals(target.jobType()));
        if (clash) {
          throw new RolloutRefusedException(Kind.CONFLICT, "Expected no other active rollout for site '"
              + target.siteId() + "' and job type '" + target.jobType() + "', but rollout " + other.id() + " ("
              + other.plugin() + ") is " + other.state() + "; complete or roll it back first");
        }
      }
    }
  }

  private Rollout require(String id) {
    return store.find(id).orElseThrow(() -> new RolloutRefusedException(Kind.NOT_FOUND,
        "Expected a rollout with id '" + id + "', but there is none"));
  }

  private Rollout requireState(String id, String action, RolloutState... allowed) {
    Rollout rollout = require(id);
    leaderRegions.requireMaySteer(rollout, action);
    if (!List.of(allowed).contains(rollout.state())) {
      throw new RolloutRefusedException(Kind.CONFLICT, "Expected rollout " + id + " to be " + List.of(allowed)
          + " to " + action + " it, but it is " + rollout.state());
    }
    return rollout;
  }

  private static AuditEntry withBreach(AuditEntry entry, Breach breach) {
    return breach == null ? entry : entry.breach(breach.figure(), breach.observed(), breach.threshold());
  }
}
