package io.milepost.host.plugin;

import io.milepost.host.audit.AuditAction;
import io.milepost.host.audit.AuditEntry;
import io.milepost.host.audit.AuditLog;
import io.milepost.host.plugin.JarInspection.Descriptor;
import io.milepost.host.plugin.PluginStoreProblems.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes plugin jars in at run time: checks them, stores them content-addressed ({@code <sha256>.jar} in
 * the store directory, never overwritten), loads them beside the versions already loaded and registers
 * them, so they load again at the next start. A refused upload leaves nothing behind: no file, no
 * loaded version, no row.
 */
public final class PluginUploads {

  private static final Logger LOG = LoggerFactory.getLogger(PluginUploads.class);

  /** An accepted upload; {@code created} is false when exactly these bytes were uploaded before. */
  public record Uploaded(PluginVersion version, String sha256, boolean created) {}

  private final PluginCatalog catalog;
  private final PluginRegistry registry;
  private final AuditLog audit;
  private final PluginStoreProblems problems;
  private final Path storeDir;

  PluginUploads(PluginCatalog catalog, PluginRegistry registry, AuditLog audit, PluginStoreProblems problems,
      Path storeDir) {
    this.catalog = catalog;
    this.registry = registry;
    this.audit = audit;
    this.problems = problems;
    this.storeDir = storeDir.toAbsolutePath().normalize();
  }

  /**
   * Checks, stores and loads one uploaded jar.
   *
   * @param expectedSha256 the checksum the uploader states, or null
   * @throws PluginRefusedException with the reason; a conflict when the id and version exist with other bytes
   */
  public synchronized Uploaded upload(byte[] jar, String expectedSha256, String actor) {
    String sha256 = Sha256.of(jar);
    if (expectedSha256 != null && !expectedSha256.isBlank()
        && !expectedSha256.trim().toLowerCase(Locale.ROOT).equals(sha256)) {
      throw PluginRefusedException.invalid("Expected the upload to have the SHA-256 given in field sha256 ('"
          + expectedSha256.trim() + "'), but its bytes have the checksum " + sha256 + " (wrong checksum)");
    }
    Descriptor descriptor = JarInspection.inspect(jar);
    PluginCoordinates coordinates = new PluginCoordinates(descriptor.pluginId(), descriptor.version());
    Optional<PluginVersion> loaded = catalog.find(coordinates);
    if (loaded.isPresent()) {
      String stored = storedSha256(coordinates, loaded.get().jar());
      if (stored.equals(sha256)) {
        return new Uploaded(loaded.get(), sha256, false);
      }
      throw PluginRefusedException.conflict("Expected a new version or the same bytes, but " + coordinates
          + " is already stored with SHA-256 " + stored + " and the upload has " + sha256
          + "; give the changed plugin a new Plugin-Version");
    }
    // Registered but not loaded: its jar was missing or corrupted at start; the same bytes restore it.
    Optional<UploadRecord> registered = registry.upload(coordinates);
    if (registered.isPresent() && !registered.get().sha256().equals(sha256)) {
      throw PluginRefusedException.conflict("Expected a new version or the same bytes, but " + coordinates
          + " was uploaded with SHA-256 " + registered.get().sha256() + " and the upload has " + sha256
          + "; give the changed plugin a new Plugin-Version");
    }
    Path target = storeDir.resolve(sha256 + ".jar");
    boolean written = write(target, jar);
    PluginVersion version;
    try {
      version = catalog.load(target);
      if (registered.isEmpty()) {
        registry.addUpload(coordinates, sha256, actor);
      }
    } catch (RuntimeException e) {
      catalog.unload(coordinates);
      if (written) {
        deleteQuietly(target);
      }
      if (e instanceof PluginLoadException) {
        throw PluginRefusedException.invalid(e.getMessage());
      }
      throw e;
    }
    problems.resolved(coordinates);
    audit.record(AuditEntry.of(actor, AuditAction.UPLOAD, coordinates.pluginId(), coordinates.version(), null,
        (registered.isPresent() ? "restored " : "uploaded ") + sha256 + ".jar, job types " + version.jobTypes()));
    return new Uploaded(version, sha256, true);
  }

  /** The SHA-256 of a loaded version's jar: recorded at upload, or read from a bundled jar. */
  public String storedSha256(PluginCoordinates coordinates, Path jar) {
    return registry.upload(coordinates).map(UploadRecord::sha256).orElseGet(() -> {
      try {
        return Sha256.of(Files.readAllBytes(jar));
      } catch (IOException e) {
        throw new UncheckedIOException("Expected to read the jar of " + coordinates + " at " + jar
            + ", but could not", e);
      }
    });
  }

  /**
   * Loads every registered upload again (at start). A jar that is missing, whose bytes no longer match
   * its checksum, or that PF4J refuses is logged and reported in {@code problems}; the rest load.
   */
  void reloadAll() {
    for (UploadRecord upload : registry.uploads()) {
      if (catalog.find(upload.coordinates()).isPresent()) {
        continue;
      }
      String reason = reload(upload);
      if (reason != null) {
        LOG.error("Did not load uploaded plugin {}: {}; its sites fall back to their previous version",
            upload.coordinates(), reason);
        problems.add(new Problem(upload.coordinates(), upload.sha256(), reason));
      }
    }
  }

  private String reload(UploadRecord upload) {
    Path jar = storeDir.resolve(upload.sha256() + ".jar");
    try {
      if (!Files.isRegularFile(jar)) {
        return "its jar is missing: expected " + jar;
      }
      String found = Sha256.of(Files.readAllBytes(jar));
      if (!found.equals(upload.sha256())) {
        return "its jar is corrupted: expected " + jar + " to have SHA-256 " + upload.sha256() + ", but it has " + found;
      }
      catalog.load(jar);
      return null;
    } catch (IOException | RuntimeException e) {
      return "it did not load from " + jar + ": " + e.getMessage();
    }
  }

  private boolean write(Path target, byte[] jar) {
    try {
      Files.createDirectories(storeDir);
      boolean exists = Files.exists(target);
      if (exists && Sha256.of(Files.readAllBytes(target)).equals(Sha256.of(jar))) {
        return false;
      }
      // Written beside the target and moved, so a crash never leaves a truncated jar under a checksum name.
      // A file there already is corrupted (its bytes do not match its name): the upload restores it.
      Path partial = Files.createTempFile(storeDir, "upload-", ".partial");
      try {
        Files.write(partial, jar);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return !exists;
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to store the uploaded jar at " + target + ", but could not", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete the refused upload {}: {}", file, e.toString());
    }
  }
}
