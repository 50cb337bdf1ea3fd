package io.milepost.host.rollout;

/**
 * The mixture sequential probability ratio test (mSPRT) of Johari, Pekelis and Walsh, "Always Valid
 * Inference" (2017), for a difference of two means with a normal approximation, as used for A/B tests
 * that are looked at again and again.
 *
 * <p>With an estimated difference {@code theta} whose variance is {@code v}, and a normal mixture of
 * alternatives with variance {@code tau2} around the null, the likelihood ratio is
 * {@code sqrt(v / (v + tau2)) * exp(tau2 * theta^2 / (2 v (v + tau2)))}. Rejecting once it reaches
 * {@code 1 / alpha} keeps the chance of a false alarm at most {@code alpha} however often the data is
 * checked, which is what a guardrail that runs every few seconds needs.
 */
final class SequentialTest {

  /** Floor on the variance so a deterministic difference (every canary job fails) still gives a finite ratio. */
  private static final double MIN_VARIANCE = 1e-12;

  private SequentialTest() {}

  /** The natural log of the mixture likelihood ratio. */
  static double logLikelihoodRatio(double theta, double variance, double tau2) {
    double v = Math.max(variance, MIN_VARIANCE);
    return 0.5 * Math.log(v / (v + tau2)) + tau2 * theta * theta / (2 * v * (v + tau2));
  }

  /** True when the evidence that the true difference is above zero is strong enough at level {@code alpha}. */
  static boolean rejects(double theta, double variance, double tau2, double alpha) {
    return theta > 0 && logLikelihoodRatio(theta, variance, tau2) >= Math.log(1 / alpha);
  }

  /**
   * Failure proportions: is the canary's rate ({@code x1} of {@code n1}) above the baseline's ({@code x0}
   * of {@code n0}) by more than {@code margin}? The variance uses add-one smoothed proportions so that
   * zero failures do not claim zero uncertainty. The mixture spreads over rises of about 20 points (or the
   * margin, if larger): a canary that breaks most jobs is found within a few dozen jobs, and the level
   * holds whatever the spread.
   */
  static boolean proportionIncreaseExceeds(long x1, long n1, long x0, long n0, double margin, double alpha) {
    double p1 = (double) x1 / n1;
    double p0 = (double) x0 / n0;
    double s1 = (x1 + 1.0) / (n1 + 2.0);
    double s0 = (x0 + 1.0) / (n0 + 2.0);
    double variance = s1 * (1 - s1) / n1 + s0 * (1 - s0) / n0;
    double tau = Math.max(margin, 0.2);
    return rejects(p1 - p0 - margin, variance, tau * tau, alpha);
  }

  /**
   * Means: is {@code mean1} (variance {@code var1}, {@code n1} values) above {@code mean0} by more than
   * {@code margin}? The mixture's scale follows the margin, or the data's spread when the margin is 0.
   */
  static boolean meanIncreaseExceeds(double mean1, double var1, long n1, double mean0, double var0, long n0,
      double margin, double alpha) {
    double variance = var1 / n1 + var0 / n0;
    double tau2 = Math.max(margin * margin, Math.max((var1 + var0) / 2, 1e-6));
    return rejects(mean1 - mean0 - margin, variance, tau2, alpha);
  }

  /**
   * A tail share: do more than {@code share} of the canary's values lie above a line that only {@code share}
   * of the baseline's values (estimated from {@code n0} of them) lie above? {@code x1} of the canary's
   * {@code n1} values do. For a p95 guardrail the line is the baseline's p95 raised by the practical
   * threshold, and {@code share} is 0.05: the canary's p95 is past the line exactly when more than 5 % of its
   * jobs are. The baseline's share is uncertain too, so its binomial variance is added. The mixture spreads
   * over rises of about 10 points.
   */
  static boolean shareAboveExceeds(long x1, long n1, double share, long n0, double alpha) {
    double s1 = (x1 + 1.0) / (n1 + 2.0);
    double variance = s1 * (1 - s1) / n1 + share * (1 - share) / n0;
    return rejects((double) x1 / n1 - share, variance, 0.01, alpha);
  }
}
