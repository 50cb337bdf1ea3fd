package io.milepost.host.plugin;

import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.StepHandler;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.PluginManager;

/**
 * One loaded and started version of a plugin with its step handlers, one per job type.
 *
 * <p>The handler instances are created once at load: the plugin contract says they are stateless and
 * thread-safe, and a job holds on to the instance it started with even if its site moves on.
 */
public final class PluginVersion {

  private final PluginCoordinates coordinates;
  private final Path jar;
  private final Map<String, StepHandler> handlersByJobType;
  private final ClassLoader classLoader;
  private final PluginManager manager;
  private final AtomicInteger running = new AtomicInteger();

  PluginVersion(PluginCoordinates coordinates, Path jar, Map<String, StepHandler> handlersByJobType,
      ClassLoader classLoader, PluginManager manager) {
    this.coordinates = coordinates;
    this.jar = jar;
    this.handlersByJobType = Map.copyOf(handlersByJobType);
    this.classLoader = classLoader;
    this.manager = manager;
  }

  public PluginCoordinates coordinates() {
    return coordinates;
  }

  public String pluginId() {
    return coordinates.pluginId();
  }

  public String version() {
    return coordinates.version();
  }

  public Path jar() {
    return jar;
  }

  public Set<String> jobTypes() {
    return handlersByJobType.keySet();
  }

  public Optional<StepHandler> handler(String jobType) {
    return Optional.ofNullable(handlersByJobType.get(jobType));
  }

  /**
   * Whether this version has a handler for {@code jobType} that may run at a site of {@code buildingType}.
   * A handler whose {@code buildingTypes()} throws serves none: the host cannot tell where it belongs.
   */
  public boolean serves(String jobType, BuildingType buildingType) {
    StepHandler handler = handlersByJobType.get(jobType);
    return handler != null && buildingTypesOf(handler).contains(buildingType);
  }

  /** Every building type some handler of this version serves. */
  public Set<BuildingType> buildingTypes() {
    Set<BuildingType> all = EnumSet.noneOf(BuildingType.class);
    handlersByJobType.values().forEach(handler -> all.addAll(buildingTypesOf(handler)));
    return all;
  }

  private static Set<BuildingType> buildingTypesOf(StepHandler handler) {
    try {
      Set<BuildingType> types = handler.buildingTypes();
      return types == null ? Set.of() : types;
    } catch (RuntimeException | LinkageError e) {
      return Set.of();
    }
  }

  /** The plugin's class loader: the context class loader while its handlers run. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  /** A handler of this version starts running a job. */
  public void enter() {
    running.incrementAndGet();
  }

  /** A handler of this version returned (or threw). */
  public void exit() {
    running.decrementAndGet();
  }

  /** How many calls of its handlers are running now; a version is not unloaded under them. */
  public int running() {
    return running.get();
  }

  void unload() {
    // unloadPlugin stops the plugin first; PF4J 3.15's stopPlugins() can throw a
    // ConcurrentModificationException, so the one plugin is unloaded by id.
    manager.unloadPlugin(coordinates.pluginId());
  }

  @Override
  public String toString() {
    return coordinates + " " + jobTypes();
  }
}
