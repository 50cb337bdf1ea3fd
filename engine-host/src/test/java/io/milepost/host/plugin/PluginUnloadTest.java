package io.milepost.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.testing.TestPluginJar;
import io.milepost.plugin.api.BuildingType;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Unloading a version frees its class loader: load, run and unload a plugin many times, and the loaded
 * classes and the metaspace stop growing.
 */
class PluginUnloadTest {

  @Test
  void shouldFreeTheClassLoaderOfAnUnloadedVersion() throws Exception {
    // a handler that sees no job here: loading and starting the version creates the instances
    Path jar = TestPluginJar.plugin("cycler", "1.0.0")
        .handler("test.cycle", "return StepResult.complete(Map.of());")
        .handler("test.other", "return StepResult.complete(Map.of());")
        .writeTo(Files.createTempDirectory("unload"));
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    try (PluginCatalog catalog = new PluginCatalog()) {
      cycle(catalog, jar, 20);
      WeakReference<ClassLoader> lastLoader = cycle(catalog, jar, 1);
      awaitCollected(lastLoader);
      long loadedBefore = classes.getLoadedClassCount();
      long unloadedBefore = classes.getUnloadedClassCount();
      long metaspaceBefore = metaspaceUsed();

      awaitCollected(cycle(catalog, jar, 100));

      // every cycle defines the plugin's classes anew; they are unloaded, not piling up
      assertThat(classes.getUnloadedClassCount() - unloadedBefore).isGreaterThanOrEqualTo(100);
      assertThat((long) classes.getLoadedClassCount()).isLessThan(loadedBefore + 100);
      assertThat(metaspaceUsed()).isLessThan(metaspaceBefore + 4 * 1024 * 1024);
    }
  }

  /** Loads, runs and unloads the plugin {@code times} times; returns a weak reference to the last class loader. */
  private static WeakReference<ClassLoader> cycle(PluginCatalog catalog, Path jar, int times) throws Exception {
    WeakReference<ClassLoader> last = null;
    for (int i = 0; i < times; i++) {
      PluginVersion version = catalog.load(jar);
      assertThat(version.handler("test.cycle").orElseThrow().buildingTypes()).contains(BuildingType.SORT_CENTER);
      last = new WeakReference<>(version.classLoader());
      assertThat(catalog.unload(version.coordinates())).isTrue();
    }
    return last;
  }

  private static void awaitCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(loader.get()).as("the unloaded version's class loader, after GC").isNull();
  }

  private static long metaspaceUsed() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().equals("Metaspace"))
        .mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }
}
