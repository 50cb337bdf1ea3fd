package io.milepost.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.plugin.api.PluginApiVersion;
import io.milepost.plugin.api.StepHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/**
 * What every step plugin jar must satisfy, checked on the jar Maven built into {@code target/}: the
 * MANIFEST describes the plugin, the jar carries only the plugin's own classes and extension index, a
 * real PF4J {@code JarPluginManager} starts it and finds exactly the expected handlers (loaded by the
 * plugin's class loader), and a copy relabelled as another version loads too.
 *
 * <p>Extend it in each plugin:
 * <pre>{@code
 * class SortCenterPluginJarTest extends PluginJarContract {
 *   SortCenterPluginJarTest() { super("sort-center", Map.of("fulfillment.sort", Set.of(SORT_CENTER))); }
 * }
 * }</pre>
 * The expected {@code Plugin-Version} comes from the {@code plugin.version} system property the plugin
 * parent's surefire configuration sets.
 */
public abstract class PluginJarContract {

  private final String pluginId;
  private final Map<String, Set<io.milepost.plugin.api.BuildingType>> expectedHandlers;

  @TempDir
  protected Path plugins;

  /**
   * @param pluginId         the expected {@code Plugin-Id}
   * @param expectedHandlers job type to the building types its handler declares
   */
  protected PluginJarContract(String pluginId, Map<String, Set<io.milepost.plugin.api.BuildingType>> expectedHandlers) {
    this.pluginId = pluginId;
    this.expectedHandlers = Map.copyOf(expectedHandlers);
  }

  protected Path jar() {
    return PluginJars.builtJar(Path.of("target"));
  }

  @Test
  void shouldDescribeThePluginInTheManifest() {
    var manifest = PluginJars.manifest(jar());

    assertThat(manifest.getValue("Plugin-Id")).isEqualTo(pluginId);
    assertThat(manifest.getValue("Plugin-Version")).isEqualTo(System.getProperty("plugin.version"));
    assertThat(manifest.getValue("Plugin-Requires")).as("plugin.requires in step-plugin-parent").isEqualTo(">=" + PluginApiVersion.VERSION);
    assertThat(manifest.getValue("Plugin-Provider")).isEqualTo("Milepost");
    assertThat(manifest.getValue("Plugin-Description")).isNotBlank();
  }

  @Test
  void shouldCarryOnlyItsOwnClassesAndTheExtensionIndex() {
    assertThat(PluginJars.entries(jar()))
        .contains("META-INF/extensions.idx")
        .noneMatch(entry -> entry.startsWith("io/milepost/plugin/api/") || entry.startsWith("org/pf4j/")
            || entry.startsWith("tools/jackson/") || entry.startsWith("org/slf4j/"));
  }

  @Test
  void shouldStartInPf4jWithHandlersFromThePluginClassLoader() {
    try (LoadedPlugin plugin = PluginJars.load(jar(), plugins.resolve("current"))) {
      Map<String, Set<io.milepost.plugin.api.BuildingType>> found = plugin.handlers().stream()
          .collect(Collectors.toMap(StepHandler::jobType, StepHandler::buildingTypes));

      assertThat(found).isEqualTo(expectedHandlers);
      assertThat(plugin.handlers()).allSatisfy(handler ->
          assertThat(handler.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class));
    }
  }

  @Test
  void shouldLoadACopyRelabelledAsAnotherVersion() {
    Path next = PluginJars.withVersion(jar(), "9.9.9", plugins);

    try (LoadedPlugin plugin = PluginJars.load(next, plugins.resolve("next"))) {
      assertThat(plugin.plugin().getDescriptor().getVersion()).isEqualTo("9.9.9");
      assertThat(plugin.handlers()).hasSameSizeAs(expectedHandlers.keySet());
    }
  }
}
