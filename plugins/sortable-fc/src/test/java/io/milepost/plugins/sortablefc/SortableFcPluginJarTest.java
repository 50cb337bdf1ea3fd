package io.milepost.plugins.sortablefc;

import static io.milepost.plugin.api.BuildingType.SORTABLE_FC;
import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.testkit.LoadedPlugin;
import io.milepost.plugin.testkit.PluginJarContract;
import io.milepost.plugin.testkit.PluginJars;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Loads the jar Maven built for this module with a real PF4J JarPluginManager, as the host does. */
class SortableFcPluginJarTest extends PluginJarContract {

  SortableFcPluginJarTest() {
    super("sortable-fc", Map.of(
        "fulfillment.pick", Set.of(SORTABLE_FC),
        "fulfillment.pack", Set.of(SORTABLE_FC),
        "fulfillment.slam", Set.of(SORTABLE_FC)));
  }

  @Test
  void shouldPackWithTheHandlerLoadedFromTheJarIncludingItsCsvResources() throws Exception {
    try (LoadedPlugin plugin = PluginJars.load(jar(), plugins.resolve("run"))) {
      StepHandler pick = plugin.handlers().stream().filter(h -> h.jobType().equals("fulfillment.pick")).findFirst().orElseThrow();

      var result = pick.handle(TestStepContext.at("fc-west-1").variablesFromJson(Orders.README_ORDER).build());

      assertThat(StepResults.completed(result)).containsKey("pick");
    }
  }
}
