package io.milepost.host.plugin;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.PluginApiVersion;
import io.milepost.plugin.api.StepHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin version the host has loaded, keyed by id and version, each in its own PF4J manager and
 * class loader. Loading a version never replaces another: which version a site runs is decided by the
 * site's assignment, so a new version can take effect for the next job while running jobs finish on
 * the one they started with.
 */
public final class PluginCatalog implements AutoCloseable {

  /** The plugin-api version this host implements: PF4J's system version, checked against {@code Plugin-Requires}. */
  public static final String PLUGIN_API_VERSION = PluginApiVersion.VERSION;

  private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

  private final Map<PluginCoordinates, PluginVersion> versions = new ConcurrentHashMap<>();
  private final Map<PluginCoordinates, Resting> resting = new ConcurrentHashMap<>();
  private final List<Consumer<PluginVersion>> listeners = new CopyOnWriteArrayList<>();
  private final VersionManager versionOrder = new DefaultVersionManager();
  private final PluginSignatures signatures;

  /** A catalog that loads jars whether or not they are signed. */
  public PluginCatalog() {
    this(PluginSignatures.unchecked());
  }

  /** A catalog that loads only jars {@code signatures} accepts. */
  public PluginCatalog(PluginSignatures signatures) {
    this.signatures = signatures;
  }

  /**
   * Loads, starts and registers the plugin in {@code jar}; then tells the listeners.
   *
   * @throws PluginLoadException when the jar is no plugin, is not signed as milepost.plugins.trusted-certificates
   *     asks, the version is already loaded, PF4J does not
   *     start it, or its handlers are missing or ambiguous; nothing stays loaded then
   */
  public synchronized PluginVersion load(Path jar) {
    Path path = jar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new PluginLoadException("Expected a plugin jar at " + path + ", but there is no such file");
    }
    signatures.verify(path);
    SingleJarPluginManager manager = new SingleJarPluginManager(path.getParent(), PLUGIN_API_VERSION);
    String pluginId;
    try {
      pluginId = manager.loadPlugin(path);
    } catch (RuntimeException e) {
      throw new PluginLoadException("Expected a PF4J plugin jar (MANIFEST with Plugin-Id and Plugin-Version) at "
          + path + ", but PF4J could not load it: " + e.getMessage(), e);
    }
    PluginWrapper wrapper = manager.getPlugin(pluginId);
    PluginCoordinates coordinates = new PluginCoordinates(pluginId, wrapper.getDescriptor().getVersion());
    try {
      PluginVersion existing = versions.get(coordinates);
      if (existing != null) {
        throw new PluginLoadException("Expected a plugin version that is not loaded yet in " + path + ", but "
            + coordinates + " is already loaded from " + existing.jar());
      }
      start(manager, wrapper, coordinates, path);
      PluginVersion version = new PluginVersion(coordinates, path, handlers(manager, coordinates, path),
          wrapper.getPluginClassLoader(), manager);
      versions.put(coordinates, version);
      LOG.info("Loaded plugin {} from {}: job types {}", coordinates, path, new TreeSet<>(version.jobTypes()));
      notifyListeners(version);
      return version;
    } catch (RuntimeException e) {
      manager.unloadPlugin(pluginId);
      throw e;
    }
  }

  /**
   * Loads every {@code *.jar} in {@code directory}, in name order. A jar that fails is logged and left
   * out: one broken plugin must not keep the host or the other plugins from starting.
   */
  public List<PluginVersion> loadDirectory(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> jars = files.filter(file -> file.getFileName().toString().endsWith(".jar"))
          .filter(Files::isRegularFile).sorted().toList();
      return jars.stream().flatMap(jar -> {
        try {
          return Stream.of(load(jar));
        } catch (PluginLoadException e) {
          LOG.error("Did not load plugin {}: {}", jar, e.getMessage(), e.getCause());
          return Stream.empty();
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to list the plugin jars in " + directory.toAbsolutePath() + ", but could not", e);
    }
  }

  /**
   * A version that was loaded and rested unused ({@link #rest}): what it was, without its class loader.
   *
   * @param jar where it loads from again
   */
  public record Resting(PluginCoordinates coordinates, Path jar, Set<String> jobTypes,
      Set<BuildingType> buildingTypes) {}

  /** The loaded version; a resting one is loaded again first (on demand: a site was assigned to it again). */
  public Optional<PluginVersion> find(PluginCoordinates coordinates) {
    PluginVersion loaded = versions.get(coordinates);
    return loaded != null || !resting.containsKey(coordinates) ? Optional.ofNullable(loaded) : wake(coordinates);
  }

  /** The versions unloaded because nothing used them; they load again when {@link #find} asks for one. */
  public List<Resting> resting() {
    return resting.values().stream().sorted(Comparator.comparing((Resting r) -> r.coordinates().pluginId())
        .thenComparing(r -> r.coordinates().version(), versionOrder::compareVersions)).toList();
  }

  /** The resting version, without loading it. */
  public Optional<Resting> findResting(PluginCoordinates coordinates) {
    return Optional.ofNullable(resting.get(coordinates));
  }

  /**
   * Unloads a version nothing uses (the caller checked that no site runs it and no rollout targets it) and
   * frees its class loader, but remembers its jar so that {@link #find} loads it again when it is needed.
   *
   * @return false if it is not loaded or a call of its handlers is still running
   */
  public synchronized boolean rest(PluginCoordinates coordinates) {
    PluginVersion version = versions.get(coordinates);
    if (version == null || version.running() > 0) {
      return false;
    }
    resting.put(coordinates, new Resting(coordinates, version.jar(), Set.copyOf(version.jobTypes()),
        version.buildingTypes()));
    versions.remove(coordinates);
    version.unload();
    LOG.info("Unloaded plugin {}: no site runs it, no rollout targets it, no job holds it", coordinates);
    return true;
  }

  private synchronized Optional<PluginVersion> wake(PluginCoordinates coordinates) {
    PluginVersion loaded = versions.get(coordinates);
    Resting rested = resting.get(coordinates);
    if (loaded != null || rested == null) {
      return Optional.ofNullable(loaded);
    }
    try {
      PluginVersion version = load(rested.jar());
      resting.remove(coordinates);
      return Optional.of(version);
    } catch (PluginLoadException e) {
      LOG.error("Could not load resting plugin {} again from {}: {}", coordinates, rested.jar(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The highest loaded version of a plugin (semantic version order). */
  public Optional<PluginVersion> latest(String pluginId) {
    return versions.values().stream()
        .filter(version -> version.pluginId().equals(pluginId))
        .max((a, b) -> versionOrder.compareVersions(a.version(), b.version()));
  }

  /** All loaded versions, by plugin id then version. */
  public List<PluginVersion> versions() {
    return versions.values().stream()
        .sorted(Comparator.comparing(PluginVersion::pluginId)
            .thenComparing(PluginVersion::version, versionOrder::compareVersions))
        .toList();
  }

  /** Every job type some loaded plugin version provides. */
  public Set<String> jobTypes() {
    Set<String> jobTypes = new TreeSet<>();
    versions.values().forEach(version -> jobTypes.addAll(version.jobTypes()));
    resting.values().forEach(version -> jobTypes.addAll(version.jobTypes()));
    return jobTypes;
  }

  /**
   * Stops and unloads one version and closes its class loader, so its classes can be collected once no
   * running job holds one of its handlers. The caller makes sure no site runs it any more.
   *
   * @return false if that version was not loaded
   */
  public synchronized boolean unload(PluginCoordinates coordinates) {
    PluginVersion version = versions.remove(coordinates);
    if (version == null) {
      return false;
    }
    version.unload();
    LOG.info("Unloaded plugin {}", coordinates);
    return true;
  }

  /** Calls {@code listener} for every version loaded from now on (not for those already loaded). */
  public void onLoaded(Consumer<PluginVersion> listener) {
    listeners.add(listener);
  }

  /** Stops and unloads every plugin version; the host is shutting down. */
  @Override
  public synchronized void close() {
    versions.values().forEach(version -> {
      try {
        version.unload();
      } catch (RuntimeException e) {
        LOG.warn("Failed to unload plugin {}: {}", version.coordinates(), e.toString());
      }
    });
    versions.clear();
    resting.clear();
  }

  private static void start(SingleJarPluginManager manager, PluginWrapper wrapper, PluginCoordinates coordinates,
      Path path) {
    PluginState state;
    try {
      state = manager.startPlugin(coordinates.pluginId());
    } catch (RuntimeException e) {
      throw new PluginLoadException("Expected plugin " + coordinates + " from " + path + " to start, but it failed: "
          + e.getMessage(), e);
    }
    if (state != PluginState.STARTED) {
      Throwable reason = wrapper.getFailedException();
      throw new PluginLoadException("Expected plugin " + coordinates + " from " + path + " to start, but PF4J left it "
          + state + " (it requires plugin-api '" + wrapper.getDescriptor().getRequires() + "', this host implements "
          + PLUGIN_API_VERSION + ")" + (reason == null ? "" : ": " + reason), reason);
    }
  }

  private static Map<String, StepHandler> handlers(SingleJarPluginManager manager, PluginCoordinates coordinates,
      Path path) {
    List<StepHandler> extensions;
    try {
      extensions = manager.getExtensions(StepHandler.class, coordinates.pluginId());
    } catch (RuntimeException | LinkageError e) {
      throw new PluginLoadException("Expected the StepHandler extensions of " + coordinates + " to load, but: " + e, e);
    }
    if (extensions.isEmpty()) {
      throw new PluginLoadException("Expected at least one StepHandler extension (@Extension, listed in"
          + " META-INF/extensions.idx) in plugin " + coordinates + " from " + path + ", but found none");
    }
    Map<String, StepHandler> byJobType = new LinkedHashMap<>();
    for (StepHandler handler : extensions) {
      String jobType = jobTypeOf(handler, coordinates);
      StepHandler other = byJobType.putIfAbsent(jobType, handler);
      if (other != null) {
        throw new PluginLoadException("Expected one StepHandler per job type in plugin " + coordinates + ", but both "
            + other.getClass().getName() + " and " + handler.getClass().getName() + " handle '" + jobType + "'");
      }
    }
    return byJobType;
  }

  private static String jobTypeOf(StepHandler handler, PluginCoordinates coordinates) {
    String jobType;
    try {
      jobType = handler.jobType();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginLoadException("Expected " + handler.getClass().getName() + " of plugin " + coordinates
          + " to name its job type, but jobType() threw " + e, e);
    }
    if (jobType == null || jobType.isBlank()) {
      throw new PluginLoadException("Expected " + handler.getClass().getName() + " of plugin " + coordinates
          + " to name its job type, but jobType() returned '" + jobType + "'");
    }
    return jobType;
  }

  private void notifyListeners(PluginVersion version) {
    for (Consumer<PluginVersion> listener : listeners) {
      try {
        listener.accept(version);
      } catch (RuntimeException e) {
        LOG.error("A listener failed on the loading of plugin {}", version.coordinates(), e);
      }
    }
  }
}
