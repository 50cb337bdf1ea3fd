package io.milepost.host.site;

import io.milepost.plugin.api.BuildingType;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The network's sites ({@code milepost.sites}); application.yaml declares the demo network.
 *
 * @param sites every site the host runs steps for
 */
@ConfigurationProperties("milepost")
public record SiteProperties(List<SiteDefinition> sites) {

  public SiteProperties {
    sites = sites == null ? List.of() : List.copyOf(sites);
  }

  /**
   * One site and the plugins it starts with. Without {@code plugins} and {@code steps} a site runs the
   * latest loaded version of the plugin named after its building type ({@code SORTABLE_FC} runs
   * {@code sortable-fc}).
   *
   * @param plugins plugin id to version ({@code latest} or empty for the highest loaded): the site runs
   *     that version for every job type it provides
   * @param steps job type to {@code pluginId} or {@code pluginId@version}, overriding {@code plugins}
   *     for that one step; in YAML write the key in brackets, {@code "[fulfillment.pick]"}, so Spring
   *     keeps its dots
   */
  public record SiteDefinition(String id, String name, BuildingType buildingType, String region,
      Map<String, String> plugins, Map<String, String> steps) {

    public SiteDefinition {
      plugins = plugins == null ? Map.of() : Map.copyOf(plugins);
      steps = steps == null ? Map.of() : Map.copyOf(steps);
    }
  }
}
