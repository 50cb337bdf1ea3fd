package io.milepost.host.rollout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rollouts ({@code milepost.rollouts.*}).
 *
 * @param checkInterval how often the guardrails of baking waves are checked; zero turns the checks off
 * @param unloadUnusedAfter how long a plugin version stays loaded once no site runs it, no active rollout
 *     needs it and no job holds it; it loads again when assigned; zero keeps every version loaded. Longer
 *     than milepost.worker.step-timeout.
 */
@ConfigurationProperties("milepost.rollouts")
public record RolloutProperties(@DefaultValue("30s") Duration checkInterval,
    @DefaultValue("10m") Duration unloadUnusedAfter) {}
