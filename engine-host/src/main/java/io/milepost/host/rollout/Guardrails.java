package io.milepost.host.rollout;

import java.util.List;
import java.util.Locale;

/**
 * What a baking wave must hold to go on; null limits are not checked.
 *
 * @param minJobs the fewest jobs the canary and the baseline each need before anything is judged (default 20)
 * @param maxFailureRateIncrease the largest tolerated rise in failure rate, as a fraction (0.05 = 5 points)
 * @param maxP95IncreasePercent the largest tolerated rise of the p95 duration, in percent: breached when a
 *     sequential test finds more than 5 % of the canary's jobs slower than the baseline's p95 raised by it
 * @param measures limits on the mean of reported measures
 * @param action {@code pause} (default) or {@code rollback} when a limit is breached
 * @param alpha the false-alarm rate of the sequential test (default 0.05), however often it is checked
 */
public record Guardrails(Integer minJobs, Double maxFailureRateIncrease, Double maxP95IncreasePercent,
    List<MeasureLimit> measures, String action, Double alpha) {

  public static final int DEFAULT_MIN_JOBS = 20;
  public static final double DEFAULT_ALPHA = 0.05;

  public Guardrails {
    measures = measures == null ? List.of() : List.copyOf(measures);
    action = action == null ? "pause" : action.trim().toLowerCase(Locale.ROOT);
    if (!action.equals("pause") && !action.equals("rollback")) {
      throw new IllegalArgumentException("Expected guardrails.action 'pause' or 'rollback', but it was '" + action + "'");
    }
    if (minJobs != null && minJobs < 1) {
      throw new IllegalArgumentException("Expected guardrails.minJobs of 1 or more, but it was " + minJobs);
    }
    if (alpha != null && (alpha <= 0 || alpha >= 1)) {
      throw new IllegalArgumentException("Expected guardrails.alpha between 0 and 1, but it was " + alpha);
    }
    if (maxFailureRateIncrease != null && (maxFailureRateIncrease < 0 || maxFailureRateIncrease >= 1)) {
      throw new IllegalArgumentException("Expected guardrails.maxFailureRateIncrease as a fraction from 0 to 1,"
          + " but it was " + maxFailureRateIncrease);
    }
  }

  public int minJobsOrDefault() {
    return minJobs == null ? DEFAULT_MIN_JOBS : minJobs;
  }

  public double alphaOrDefault() {
    return alpha == null ? DEFAULT_ALPHA : alpha;
  }

  public boolean rollsBack() {
    return action.equals("rollback");
  }

  /**
   * A limit on one measure's mean: at most {@code maxIncrease} above the baseline, or at most
   * {@code maxDecrease} below it, in the measure's own unit.
   */
  public record MeasureLimit(String name, Double maxIncrease, Double maxDecrease) {

    public MeasureLimit {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("Expected a name on every guardrails.measures entry, but one had none");
      }
      if ((maxIncrease == null) == (maxDecrease == null)) {
        throw new IllegalArgumentException("Expected exactly one of maxIncrease and maxDecrease on measure '" + name
            + "', but found " + (maxIncrease == null ? "neither" : "both"));
      }
      if ((maxIncrease != null && maxIncrease < 0) || (maxDecrease != null && maxDecrease < 0)) {
        throw new IllegalArgumentException("Expected a limit of 0 or more on measure '" + name + "'");
      }
    }
  }
}
