package io.milepost.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.host.testing.TestPluginJar;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCatalogTest {

  private static final Site SITE = new Site("fc-west-1", "Tracy Sortable FC", BuildingType.SORTABLE_FC, "west");

  @TempDir
  Path plugins;

  private final PluginCatalog catalog = new PluginCatalog();

  @AfterEach
  void unload() {
    catalog.close();
  }

  @Test
  void shouldRunTwoVersionsOfOnePluginSideBySide() throws Exception {
    // given two versions that define the same class names with different behaviour
    Path v1 = TestPluginJar.plugin("acme", "1.0.0")
        .handler("fulfillment.pick", "return StepResult.complete(Map.of(\"pickedBy\", \"one\"));")
        .writeTo(plugins.resolve("a"));
    Path v2 = TestPluginJar.plugin("acme", "1.1.0")
        .handler("fulfillment.pick", "return StepResult.complete(Map.of(\"pickedBy\", \"two\"));")
        .writeTo(plugins.resolve("b"));

    // when
    catalog.load(v1);
    catalog.load(v2);

    // then each version runs its own class
    PluginVersion one = catalog.find(new PluginCoordinates("acme", "1.0.0")).orElseThrow();
    PluginVersion two = catalog.find(new PluginCoordinates("acme", "1.1.0")).orElseThrow();
    assertThat(handle(one, "fulfillment.pick")).isEqualTo(StepResult.complete(Map.of("pickedBy", "one")));
    assertThat(handle(two, "fulfillment.pick")).isEqualTo(StepResult.complete(Map.of("pickedBy", "two")));
    assertThat(one.classLoader()).isNotSameAs(two.classLoader());
    assertThat(one.handler("fulfillment.pick").orElseThrow().getClass().getName())
        .isEqualTo(two.handler("fulfillment.pick").orElseThrow().getClass().getName());
    assertThat(catalog.latest("acme")).contains(two);
    assertThat(catalog.versions()).extracting(PluginVersion::coordinates)
        .containsExactly(one.coordinates(), two.coordinates());
  }

  @Test
  void shouldLoadThePluginApiFromTheHostEvenWhenAPluginBundlesIt() throws Exception {
    // given a plugin that packs its own copy of io.milepost.plugin.api (a wrong Maven scope)
    Path jar = TestPluginJar.plugin("bundler", "1.0.0")
        .handler("fulfillment.pack", "return StepResult.complete(Map.of(\"loader\", String.valueOf(StepResult.class.getClassLoader())));")
        .bundlingPluginApi()
        .writeTo(plugins);

    // when
    PluginVersion plugin = catalog.load(jar);

    // then its handler is the host's StepHandler and returns the host's StepResult
    StepResult result = handle(plugin, "fulfillment.pack");
    assertThat(result).isInstanceOf(StepResult.Complete.class);
    assertThat(((StepResult.Complete) result).variables())
        .containsEntry("loader", String.valueOf(StepResult.class.getClassLoader()));
  }

  @Test
  void shouldRefuseASecondCopyOfALoadedVersion() {
    Path jar = TestPluginJar.plugin("acme", "1.0.0").handler("a", "return null;").writeTo(plugins.resolve("a"));
    Path copy = TestPluginJar.plugin("acme", "1.0.0").handler("a", "return null;").writeTo(plugins.resolve("b"));
    catalog.load(jar);

    assertThatThrownBy(() -> catalog.load(copy))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("acme@1.0.0 is already loaded from " + jar.toAbsolutePath());
  }

  @Test
  void shouldRefuseAPluginWithoutStepHandlers() {
    Path jar = TestPluginJar.plugin("empty", "1.0.0").writeTo(plugins);

    assertThatThrownBy(() -> catalog.load(jar))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("Expected at least one StepHandler extension")
        .hasMessageContaining("empty@1.0.0");
    assertThat(catalog.versions()).isEmpty();
  }

  @Test
  void shouldRefuseAPluginThatHandlesOneJobTypeTwice() {
    Path jar = TestPluginJar.plugin("twice", "1.0.0")
        .handler("fulfillment.pick", "return null;")
        .handler("fulfillment.pick", "return null;")
        .writeTo(plugins);

    assertThatThrownBy(() -> catalog.load(jar))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("Expected one StepHandler per job type in plugin twice@1.0.0")
        .hasMessageContaining("handle 'fulfillment.pick'");
  }

  @Test
  void shouldRefuseAPluginThatNeedsANewerPluginApi() {
    Path jar = TestPluginJar.plugin("future", "1.0.0").requires(">=9.0.0")
        .handler("fulfillment.pick", "return null;").writeTo(plugins);

    assertThatThrownBy(() -> catalog.load(jar))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("requires plugin-api '>=9.0.0', this host implements 0.2.0");
  }

  @Test
  void shouldLoadTheRestOfADirectoryWhenOneJarIsBroken() throws Exception {
    TestPluginJar.plugin("good", "1.0.0").handler("fulfillment.sort", "return null;").writeTo(plugins);
    Files.writeString(plugins.resolve("broken.jar"), "not a jar");

    List<PluginVersion> loaded = catalog.loadDirectory(plugins);

    assertThat(loaded).extracting(PluginVersion::coordinates).containsExactly(new PluginCoordinates("good", "1.0.0"));
    assertThat(catalog.jobTypes()).containsExactly("fulfillment.sort");
  }

  @Test
  void shouldTellListenersAboutNewVersions() {
    List<PluginCoordinates> told = new ArrayList<>();
    catalog.onLoaded(version -> told.add(version.coordinates()));

    catalog.load(TestPluginJar.plugin("acme", "2.0.0").handler("fulfillment.stow", "return null;").writeTo(plugins));

    assertThat(told).containsExactly(new PluginCoordinates("acme", "2.0.0"));
  }

  @Test
  void shouldExtractAndLoadTheBundledPluginsTheBuildProduced() {
    // given the jars the Maven build copied from plugins/*/target into bundled-plugins/
    List<Path> extracted = BundledPlugins.extractInto(plugins, getClass().getClassLoader());

    // when
    List<PluginVersion> loaded = catalog.loadDirectory(plugins);

    // then
    assertThat(extracted).extracting(path -> path.getFileName().toString())
        .contains("sortable-fc-1.0.0.jar", "receive-center-1.0.0.jar");
    assertThat(loaded).extracting(PluginVersion::pluginId).contains("sortable-fc", "receive-center");
    assertThat(catalog.jobTypes()).contains("fulfillment.pick", "fulfillment.pack", "fulfillment.allocate");
    // and a second start leaves the extracted jars alone
    assertThat(BundledPlugins.extractInto(plugins, getClass().getClassLoader())).isEmpty();
  }

  private static StepResult handle(PluginVersion plugin, String jobType) throws Exception {
    StepHandler handler = plugin.handler(jobType).orElseThrow();
    return handler.handle(new StepContext() {
      @Override
      public Site site() {
        return SITE;
      }

      @Override
      public Map<String, Object> variables() {
        return Map.of();
      }

      @Override
      public <T> T variables(Class<T> type) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Map<String, String> headers() {
        return Map.of();
      }

      @Override
      public int retriesLeft() {
        return 3;
      }
    });
  }
}
