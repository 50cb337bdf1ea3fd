package io.milepost.host.rollout;

import io.milepost.plugin.api.BuildingType;
import java.util.List;

/**
 * {@code POST /api/rollouts}: a plugin version for some sites, named or selected by region and building
 * type (top level or under {@code selector}), optionally in waves with guardrails.
 */
public record RolloutRequest(String pluginId, String version, List<String> sites, List<String> regions,
    List<BuildingType> buildingTypes, Selector selector, List<WaveRequest> waves, Guardrails guardrails,
    String reason) {

  public RolloutRequest {
    sites = sites == null ? List.of() : List.copyOf(sites);
    regions = regions == null ? List.of() : List.copyOf(regions);
    buildingTypes = buildingTypes == null ? List.of() : List.copyOf(buildingTypes);
    waves = waves == null ? List.of() : List.copyOf(waves);
    if (selector != null) {
      regions = selector.regions() == null ? regions : List.copyOf(selector.regions());
      buildingTypes = selector.buildingTypes() == null ? buildingTypes : List.copyOf(selector.buildingTypes());
    }
  }

  public record Selector(List<String> regions, List<BuildingType> buildingTypes) {}

  /** One wave: named sites or a cumulative percentage of the target sites, baked {@code bakeMinutes}. */
  public record WaveRequest(List<String> sites, Integer percent, Integer bakeMinutes) {}
}
