package io.milepost.plugin.testkit;

import io.milepost.plugin.api.PluginApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Finds, copies and loads plugin jars the way the host does: with a real PF4J {@link JarPluginManager}.
 *
 * <p>The step plugins build their jar before their tests run (the jar is packaged right after
 * compilation), so a plugin's tests can load the very jar Maven ships.
 */
public final class PluginJars {

  /** The plugin-api version a host of this build reports to PF4J as its system version. */
  public static final String HOST_SYSTEM_VERSION = PluginApiVersion.VERSION;

  private PluginJars() {}

  /** The one plugin jar in a module's {@code target} directory (not a sources or tests jar). */
  public static Path builtJar(Path targetDirectory) {
    try (Stream<Path> files = Files.list(targetDirectory)) {
      List<Path> jars = files
          .filter(file -> file.getFileName().toString().endsWith(".jar"))
          .filter(file -> !file.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
          .toList();
      if (jars.size() != 1) {
        throw new IllegalStateException("Expected one plugin jar in " + targetDirectory + ", but found " + jars);
      }
      return jars.getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The main attributes of a jar's MANIFEST.MF. */
  public static Attributes manifest(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        throw new IllegalStateException("Expected a MANIFEST.MF in " + jar + ", but it had none");
      }
      return manifest.getMainAttributes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of all entries of a jar, e.g. to check it carries only the plugin's own classes. */
  public static List<String> entries(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = new ArrayList<>();
      file.stream().forEach(entry -> names.add(entry.getName()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a copy of {@code jar} into {@code directory} whose manifest says {@code Plugin-Version:
   * version}: a second version of the same plugin, as a regional leader would upload it.
   */
  public static Path withVersion(Path jar, String version, Path directory) {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-as-" + version + ".jar";
    Path copy = directory.resolve(name);
    try (JarFile source = new JarFile(jar.toFile());
        OutputStream out = Files.newOutputStream(copy)) {
      Manifest manifest = new Manifest(source.getManifest());
      manifest.getMainAttributes().putValue("Plugin-Version", version);
      try (JarOutputStream target = new JarOutputStream(out, manifest)) {
        Enumeration<JarEntry> entries = source.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            continue;
          }
          target.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(target);
          }
          target.closeEntry();
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads and starts the plugin in {@code jar} with a {@link JarPluginManager} rooted at a copy of the
   * jar in {@code pluginsRoot}, reporting {@link #HOST_SYSTEM_VERSION} as the system version.
   *
   * @throws IllegalStateException when PF4J does not start the plugin, with PF4J's reason
   */
  public static LoadedPlugin load(Path jar, Path pluginsRoot) {
    try {
      Files.createDirectories(pluginsRoot);
      Path copy = Files.copy(jar, pluginsRoot.resolve(jar.getFileName()));
      JarPluginManager manager = new JarPluginManager(pluginsRoot);
      manager.setSystemVersion(HOST_SYSTEM_VERSION);
      manager.loadPlugins();
      manager.startPlugins();
      List<PluginWrapper> plugins = manager.getPlugins();
      if (plugins.size() != 1 || plugins.getFirst().getPluginState() != PluginState.STARTED) {
        Throwable reason = plugins.isEmpty() ? null : plugins.getFirst().getFailedException();
        manager.unloadPlugins();
        throw new IllegalStateException(
            "Expected PF4J to start the plugin in " + copy + ", but it found "
                + plugins.stream().map(p -> p.getPluginId() + " " + p.getPluginState()).toList(),
            reason);
      }
      return new LoadedPlugin(manager, plugins.getFirst());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
