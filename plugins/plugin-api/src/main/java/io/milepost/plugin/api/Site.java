package io.milepost.plugin.api;

import java.util.Objects;

/**
 * A building of the network on whose behalf a step runs.
 *
 * @param id           the site id used in process variables, e.g. {@code fc-west-1}
 * @param name         a human readable name, e.g. {@code Tracy Sortable FC}
 * @param buildingType what kind of building it is
 * @param region       the region the site belongs to, e.g. {@code west}
 */
public record Site(String id, String name, BuildingType buildingType, String region) {

  /** Rejects a site without an id, building type or region: no step can run at such a site. */
  public Site {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(buildingType, "buildingType");
    Objects.requireNonNull(region, "region");
    if (id.isBlank()) {
      throw new IllegalArgumentException("Expected a site id, but it was blank");
    }
    name = name == null || name.isBlank() ? id : name;
  }
}
