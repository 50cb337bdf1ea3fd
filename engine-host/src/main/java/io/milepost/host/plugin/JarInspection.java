package io.milepost.host.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pf4j.DefaultVersionManager;

/**
 * The checks an uploaded jar passes before the host writes it anywhere or loads it: a zip, no entry that
 * escapes its folder, a PF4J descriptor in the MANIFEST, a plugin-api range this host meets.
 */
final class JarInspection {

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final String MANIFEST = "META-INF/MANIFEST.MF";
  private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
  private static final String VERSION_PATTERN = "[A-Za-z0-9][A-Za-z0-9._+-]{0,99}";

  /** What the MANIFEST says of the plugin. */
  record Descriptor(String pluginId, String version, String requires) {}

  private JarInspection() {}

  static Descriptor inspect(byte[] jar) {
    if (jar.length < ZIP_MAGIC.length || !startsWithZipMagic(jar)) {
      throw PluginRefusedException.invalid("Expected a PF4J plugin jar (a zip file), but the upload is not a jar"
          + " (" + jar.length + " bytes, it does not start with a zip header)");
    }
    Manifest manifest = null;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries++;
        checkStaysInside(entry.getName());
        if (entry.getName().equals(MANIFEST)) {
          manifest = new Manifest(zip);
        }
      }
    } catch (IOException e) {
      throw PluginRefusedException.invalid("Expected a PF4J plugin jar, but the upload is not a readable jar: "
          + e.getMessage());
    }
    if (entries == 0) {
      throw PluginRefusedException.invalid("Expected a PF4J plugin jar, but the upload is not a jar (no zip entries)");
    }
    return descriptor(manifest);
  }

  private static boolean startsWithZipMagic(byte[] jar) {
    for (int i = 0; i < ZIP_MAGIC.length; i++) {
      if (jar[i] != ZIP_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** A name such as {@code ../../etc/cron.d/x} or {@code /tmp/x} would write outside the plugin's folder if unpacked. */
  private static void checkStaysInside(String name) {
    Path root = Path.of("plugin-root");
    boolean escapes = name.startsWith("/") || name.contains("\\") || name.contains(":")
        || !root.resolve(name).normalize().startsWith(root);
    if (escapes) {
      throw PluginRefusedException.invalid("Expected every jar entry to stay inside the plugin's folder, but entry '"
          + name + "' is a path-escaping entry");
    }
  }

  private static Descriptor descriptor(Manifest manifest) {
    Attributes attributes = manifest == null ? null : manifest.getMainAttributes();
    String id = attributes == null ? null : attributes.getValue("Plugin-Id");
    String version = attributes == null ? null : attributes.getValue("Plugin-Version");
    if (id == null || version == null) {
      throw PluginRefusedException.invalid("Expected a plugin descriptor (Plugin-Id and Plugin-Version in"
          + " META-INF/MANIFEST.MF), but found no descriptor: id '" + id + "', version '" + version + "'");
    }
    if (!id.matches(ID_PATTERN) || !version.matches(VERSION_PATTERN)) {
      throw PluginRefusedException.invalid("Expected a plugin id and version of letters, digits, '.', '_', '-'"
          + " (and '+' in versions), but the descriptor has id '" + id + "', version '" + version + "'");
    }
    String requires = attributes.getValue("Plugin-Requires");
    checkRequires(requires);
    return new Descriptor(id, version, requires);
  }

  private static void checkRequires(String requires) {
    if (requires == null || requires.isBlank() || requires.trim().equals("*")) {
      return;
    }
    boolean met;
    try {
      met = new DefaultVersionManager().checkVersionConstraint(PluginCatalog.PLUGIN_API_VERSION, requires.trim());
    } catch (RuntimeException e) {
      throw PluginRefusedException.invalid("Expected Plugin-Requires to be a version range such as '>=0.1.0', but it"
          + " was '" + requires + "': " + e.getMessage());
    }
    if (!met) {
      throw PluginRefusedException.invalid("Expected a plugin compatible with plugin-api "
          + PluginCatalog.PLUGIN_API_VERSION + ", but it requires an incompatible API range '" + requires + "'");
    }
  }
}
