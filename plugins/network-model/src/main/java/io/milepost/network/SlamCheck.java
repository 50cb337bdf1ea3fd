package io.milepost.network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every building's {@code fulfillment.slam} step reads, and the weight check they share. The rules
 * (which carrier service, how much tolerance) are not here: they are the process engineer's decisions
 * {@code carrier-service} and {@code slam-weight-tolerance} ({@code bpmn/slam-weight-tolerance.dmn}), which a
 * business rule task evaluates before SLAM into {@code slamRules}. A building's plugin only says what it
 * expects the package to weigh.
 *
 * @param scaleWeightKg    what the SLAM line's scale read, when it reported one (else the declared weight counts)
 * @param verifiedWeightKg the weight a problem-solve associate confirmed for this package; replaces the
 *                         expected weight, so a re-SLAM after a corrected weight ships with the measured weight
 */
public record SlamCheck(Order order, Double scaleWeightKg, Double verifiedWeightKg, SlamRules slamRules) {

  /** The result of the decision {@code slam-weight-tolerance}. */
  public record SlamRules(String carrierService, Double toleranceShare, Double minimumToleranceKg) {}

  public Order requireOrder() {
    return Objects.requireNonNull(order, "Expected the variable 'order', but the job has none");
  }

  private SlamRules requireRules() {
    if (slamRules == null || slamRules.carrierService() == null || slamRules.toleranceShare() == null
        || slamRules.minimumToleranceKg() == null) {
      throw new IllegalArgumentException("Expected the variable 'slamRules' {carrierService, toleranceShare, "
          + "minimumToleranceKg} (the result of the decision slam-weight-tolerance, evaluated by a business rule task "
          + "before SLAM), but found " + slamRules);
    }
    return slamRules;
  }

  /**
   * Weighs the package against the weight the building expects and labels it: {@code weightMismatch} and
   * {@code slam} {@code {trackingId, expectedWeightKg, measuredWeightKg, toleranceKg, carrierService}}.
   */
  public Map<String, Object> weigh(String siteId, double expectedWeightKg, double declaredWeightKg) {
    SlamRules rules = requireRules();
    double expected = verifiedWeightKg != null ? verifiedWeightKg : expectedWeightKg;
    double measured = scaleWeightKg != null ? scaleWeightKg : declaredWeightKg;
    double tolerance = Math.max(rules.minimumToleranceKg(), expected * rules.toleranceShare());

    Map<String, Object> slam = new LinkedHashMap<>();
    slam.put("trackingId", Labels.trackingId(siteId, requireOrder().orderId()));
    slam.put("expectedWeightKg", Rounding.round2(expected));
    slam.put("measuredWeightKg", Rounding.round2(measured));
    slam.put("toleranceKg", Rounding.round2(tolerance));
    slam.put("carrierService", rules.carrierService());
    return Map.of("weightMismatch", Math.abs(measured - expected) > tolerance, "slam", slam);
  }

  /** How far the weight {@link #weigh} compares is off what is expected, in kg: the step's measure for insights. */
  public double mismatchKg(double expectedWeightKg, double declaredWeightKg) {
    double expected = verifiedWeightKg != null ? verifiedWeightKg : expectedWeightKg;
    double measured = scaleWeightKg != null ? scaleWeightKg : declaredWeightKg;
    return Rounding.round2(Math.abs(measured - expected));
  }
}
