package io.milepost.host.rollout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rollouts ({@code milepost.rollouts.*}).
 *
 * @param checkInterval how often the guardrails of baking waves are checked; zero turns the checks off
 */
@ConfigurationProperties("milepost.rollouts")
public record RolloutProperties(@DefaultValue("30s") Duration checkInterval) {}
