package io.milepost.host.rollout;

import io.milepost.host.audit.Actors;
import io.milepost.host.rollout.Rollout.Wave;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at every running rollout's baking wave: a breached guardrail pauses or rolls the rollout back;
 * once the bake time has passed the rollout advances, or pauses when there was too little data to judge.
 * Time is passed in, so a test can look at a wave as it would be an hour later without waiting an hour.
 */
public final class GuardrailMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(GuardrailMonitor.class);

  private final RolloutStore store;
  private final Rollouts rollouts;
  private final GuardrailEvaluator evaluator;

  GuardrailMonitor(RolloutStore store, Rollouts rollouts, GuardrailEvaluator evaluator) {
    this.store = store;
    this.rollouts = rollouts;
    this.evaluator = evaluator;
  }

  /** Checks every running rollout as of {@code now}. */
  public void checkAll(Instant now) {
    for (Rollout rollout : store.inState(RolloutState.RUNNING)) {
      try {
        check(rollout, now);
      } catch (RuntimeException e) {
        // One rollout whose state moved meanwhile (or whose check failed) must not stop the others.
        LOG.warn("Could not check the guardrails of rollout {}: {}", rollout.id(), e.getMessage(), e);
      }
    }
  }

  private void check(Rollout rollout, Instant now) {
    Wave wave = rollout.current();
    if (wave.startedAt() == null) {
      return;
    }
    boolean baked = !now.isBefore(wave.startedAt().plus(Duration.ofMinutes(wave.bakeMinutes())));
    if (rollout.guardrails() == null) {
      if (baked) {
        rollouts.advance(rollout.id(), Actors.GUARDRAIL, "wave " + (wave.index() + 1) + " baked "
            + wave.bakeMinutes() + " min");
      }
      return;
    }
    GuardrailVerdict verdict = evaluator.evaluate(rollout, now);
    if (verdict.breach().isPresent()) {
      Breach breach = verdict.breach().get();
      LOG.warn("Rollout {} of {} breached a guardrail: {}", rollout.id(), rollout.plugin(), breach.description());
      if (rollout.guardrails().rollsBack()) {
        rollouts.rollback(rollout.id(), Actors.GUARDRAIL, "guardrail breached: " + breach.description(), breach);
      } else {
        rollouts.pause(rollout.id(), Actors.GUARDRAIL, "guardrail breached: " + breach.description(), breach);
      }
      return;
    }
    if (!baked) {
      return;
    }
    if (!verdict.enoughData()) {
      rollouts.pause(rollout.id(), Actors.GUARDRAIL, "too little data after the bake time of wave "
          + (wave.index() + 1) + " (" + wave.bakeMinutes() + " min): " + verdict.summary(), null);
      return;
    }
    rollouts.advance(rollout.id(), Actors.GUARDRAIL, "wave " + (wave.index() + 1) + " baked " + wave.bakeMinutes()
        + " min and the guardrails held: " + verdict.summary());
  }
}
