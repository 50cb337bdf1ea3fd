package io.milepost.host.rollout;

/**
 * A guardrail limit a baking wave broke.
 *
 * @param figure what was measured, e.g. {@code failureRateIncrease}, {@code p95IncreasePercent},
 *     {@code measure:voidFillLitres:increase}
 * @param observed its value (the canary's minus the baseline's)
 * @param threshold the limit it went past
 * @param description one sentence for people, with the numbers behind it
 */
public record Breach(String jobType, String figure, double observed, double threshold, String description) {}
