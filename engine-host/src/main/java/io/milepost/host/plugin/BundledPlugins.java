package io.milepost.host.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The plugin jars the build puts into the host jar under {@code bundled-plugins/}, written into the
 * plugins directory as {@code <Plugin-Id>-<Plugin-Version>.jar}.
 *
 * <p>A version already there is left alone (it may be the very jar a site runs), so a first start
 * fills the directory and a newer distribution adds its newer versions beside the old ones.
 */
final class BundledPlugins {

  static final String LOCATION = "classpath*:bundled-plugins/*.jar";

  private static final Logger LOG = LoggerFactory.getLogger(BundledPlugins.class);

  private BundledPlugins() {}

  /** Writes the bundled versions missing from {@code pluginsDir}; returns the files written. */
  static List<Path> extractInto(Path pluginsDir, ClassLoader classLoader) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(pluginsDir);
      for (Resource jar : new PathMatchingResourcePatternResolver(classLoader).getResources(LOCATION)) {
        byte[] bytes;
        try (InputStream in = jar.getInputStream()) {
          bytes = in.readAllBytes();
        }
        String fileName = fileName(bytes, jar);
        if (fileName == null) {
          continue;
        }
        Path target = pluginsDir.resolve(fileName);
        if (Files.exists(target)) {
          continue;
        }
        // Write beside the target and move, so a crash never leaves a truncated jar to load.
        Path partial = Files.createTempFile(pluginsDir, fileName, ".partial");
        Files.write(partial, bytes);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Extracted bundled plugin {} into {}", jar.getFilename(), target);
        written.add(target);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to extract the bundled plugins into " + pluginsDir.toAbsolutePath()
          + ", but could not", e);
    }
  }

  private static String fileName(byte[] jar, Resource resource) throws IOException {
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
      Manifest manifest = in.getManifest();
      Attributes attributes = manifest == null ? null : manifest.getMainAttributes();
      String id = attributes == null ? null : attributes.getValue("Plugin-Id");
      String version = attributes == null ? null : attributes.getValue("Plugin-Version");
      if (id == null || version == null || !id.matches("[A-Za-z0-9._-]+") || !version.matches("[A-Za-z0-9._+-]+")) {
        LOG.error("Did not extract bundled plugin {}: expected Plugin-Id and Plugin-Version in its MANIFEST, but found"
            + " id '{}' and version '{}'", resource.getDescription(), id, version);
        return null;
      }
      return id + "-" + version + ".jar";
    }
  }
}
