package io.milepost.plugins.sortablefc;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.testkit.LoadedPlugin;
import io.milepost.plugin.testkit.PluginJars;
import io.milepost.plugin.testkit.StepResults;
import io.milepost.plugin.testkit.TestStepContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/** Loads the jar Maven built for this module with a real PF4J JarPluginManager, as the host does. */
class SortableFcPluginJarTest {

  private static final Path JAR = PluginJars.builtJar(Path.of("target"));

  @TempDir
  Path plugins;

  @Test
  void shouldDescribeThePluginInTheManifest() {
    var manifest = PluginJars.manifest(JAR);

    assertThat(manifest.getValue("Plugin-Id")).isEqualTo("sortable-fc");
    assertThat(manifest.getValue("Plugin-Version")).isEqualTo(System.getProperty("plugin.version"));
    assertThat(manifest.getValue("Plugin-Requires")).isEqualTo(">=0.1.0");
    assertThat(manifest.getValue("Plugin-Provider")).isEqualTo("Milepost");
  }

  @Test
  void shouldCarryOnlyItsOwnClassesAndTheExtensionIndex() {
    assertThat(PluginJars.entries(JAR))
        .contains("META-INF/extensions.idx", "io/milepost/plugins/sortablefc/slotting.csv")
        .noneMatch(entry -> entry.startsWith("io/milepost/plugin/api/") || entry.startsWith("org/pf4j/"));
  }

  @Test
  void shouldStartInPf4jAndRunItsHandlersFromThePluginClassLoader() throws Exception {
    try (LoadedPlugin plugin = PluginJars.load(JAR, plugins)) {
      assertThat(plugin.handlers()).extracting(StepHandler::jobType)
          .containsExactlyInAnyOrder("fulfillment.pick", "fulfillment.pack", "fulfillment.slam");

      StepHandler pack = plugin.handlers().stream().filter(h -> h.jobType().equals("fulfillment.pack")).findFirst().orElseThrow();
      assertThat(pack.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
      var result = pack.handle(TestStepContext.at("fc-west-1").variablesFromJson(Orders.README_ORDER).build());
      assertThat(StepResults.completed(result)).containsKey("package");
    }
  }

  @Test
  void shouldLoadASecondVersionOfTheSameJar() {
    Path next = PluginJars.withVersion(JAR, "1.1.0", plugins);

    try (LoadedPlugin plugin = PluginJars.load(next, plugins.resolve("v2"))) {
      assertThat(plugin.plugin().getDescriptor().getVersion()).isEqualTo("1.1.0");
      assertThat(plugin.handlers()).hasSize(3);
    }
  }
}
