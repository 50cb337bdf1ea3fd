package io.milepost.host.web.rollout;

import io.milepost.host.rollout.Guardrails;
import io.milepost.host.rollout.RolloutRequest;
import io.milepost.plugin.api.BuildingType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The "start a rollout" form as submitted: a plugin version ({@code pluginId@version}), the target sites (named,
 * or by region and building type), an optional canary site for the first wave, the later waves as cumulative
 * percentages, the bake time, the guardrails and the reason.
 *
 * @param percents e.g. "50, 100"
 * @param maxFailureRateIncreasePoints in percentage points (2 = the failure rate may rise by 0.02)
 */
public record RolloutForm(String plugin, List<String> sites, List<String> regions, List<BuildingType> buildingTypes,
    String canary, String percents, Integer bakeMinutes, Double maxFailureRateIncreasePoints,
    Double maxP95IncreasePercent, String action, String reason) {

  public RolloutForm {
    sites = sites == null ? List.of() : sites;
    regions = regions == null ? List.of() : regions;
    buildingTypes = buildingTypes == null ? List.of() : buildingTypes;
  }

  public static RolloutForm empty() {
    return new RolloutForm(null, null, null, null, null, "100", 30, 5.0, 50.0, "pause", null);
  }

  /** The API's request; throws IllegalArgumentException saying what was expected when a field is malformed. */
  RolloutRequest toRequest() {
    if (plugin == null || !plugin.contains("@")) {
      throw new IllegalArgumentException("Expected a plugin version to roll out, but none was chosen");
    }
    String pluginId = plugin.substring(0, plugin.indexOf('@'));
    String version = plugin.substring(plugin.indexOf('@') + 1);
    int bake = bakeMinutes == null ? 0 : bakeMinutes;
    List<RolloutRequest.WaveRequest> waves = new ArrayList<>();
    if (canary != null && !canary.isBlank()) {
      waves.add(new RolloutRequest.WaveRequest(List.of(canary), null, bake));
    }
    if (percents != null && !percents.isBlank()) {
      for (String part : Arrays.stream(percents.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList()) {
        try {
          waves.add(new RolloutRequest.WaveRequest(null, Integer.parseInt(part), bake));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Expected the waves as percentages separated by commas (e.g. 50, 100),"
              + " but found '" + part + "'");
        }
      }
    }
    Guardrails guardrails = new Guardrails(null,
        maxFailureRateIncreasePoints == null ? null : maxFailureRateIncreasePoints / 100.0, maxP95IncreasePercent,
        List.of(), action, null);
    return new RolloutRequest(pluginId, version, sites, regions, buildingTypes, null, waves, guardrails, reason);
  }
}
