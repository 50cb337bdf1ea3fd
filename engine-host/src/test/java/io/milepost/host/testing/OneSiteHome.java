package io.milepost.host.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A host's home for a Spring Boot test: a temporary directory that holds one test plugin, and the properties that
 * start the host on it with no process models and one sortable fulfillment center in the west running that plugin.
 */
public final class OneSiteHome {

  private final Path path;
  private final TestPluginJar plugin;

  private OneSiteHome(Path path, TestPluginJar plugin) {
    this.path = path;
    this.plugin = plugin;
  }

  /** A new home with {@code plugin} built into its plugins directory. */
  public static OneSiteHome running(TestPluginJar plugin) {
    try {
      Path path = Files.createTempDirectory("milepost-test-home");
      plugin.writeTo(path.resolve("plugins"));
      return new OneSiteHome(path, plugin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host's directories in this home, and its one site, {@code siteId}, running the plugin. */
  public void register(DynamicPropertyRegistry registry, String siteId, String siteName) {
    registry.add("milepost.data-dir", () -> path.resolve("data").toString());
    registry.add("milepost.plugins-dir", () -> path.resolve("plugins").toString());
    registry.add("milepost.bpmn-dir", () -> path.resolve("no-models-here").toString());
    registry.add("milepost.sites[0].id", () -> siteId);
    registry.add("milepost.sites[0].name", () -> siteName);
    registry.add("milepost.sites[0].building-type", () -> "SORTABLE_FC");
    registry.add("milepost.sites[0].region", () -> "west");
    registry.add("milepost.sites[0].plugins." + plugin.pluginId(), plugin::version);
  }
}
