package io.milepost.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.testing.TestPluginJar;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A version no site runs, no rollout needs and no job holds is unloaded after the grace period (its class
 * loader freed) and loads again, from its jar, when a site is assigned to it later.
 */
class UnusedVersionsTest {

  private static final Duration GRACE = Duration.ofMinutes(10);
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final PluginCoordinates NAPPER = new PluginCoordinates("napper", "1.0.0");

  @Test
  void shouldUnloadAVersionUnusedForTheGracePeriodAndLoadItAgainOnDemand() throws Exception {
    Path jar = TestPluginJar.plugin("napper", "1.0.0").handler("test.nap", "return StepResult.complete(Map.of());")
        .writeTo(Files.createTempDirectory("unused"));
    Set<PluginCoordinates> wanted = new HashSet<>();
    try (PluginCatalog catalog = new PluginCatalog()) {
      UnusedVersions unused = new UnusedVersions(catalog, wanted::contains, GRACE);
      PluginVersion loaded = catalog.load(jar);
      WeakReference<ClassLoader> firstLoader = new WeakReference<>(loaded.classLoader());

      // a site runs it: it stays however long
      wanted.add(NAPPER);
      assertThat(unused.sweep(T0)).isEmpty();
      assertThat(unused.sweep(T0.plus(GRACE.multipliedBy(3)))).isEmpty();

      // no site runs it, but a job still holds it past the grace period: it stays
      wanted.clear();
      assertThat(unused.sweep(T0.plus(GRACE.multipliedBy(3)))).isEmpty();
      loaded.enter();
      assertThat(unused.sweep(T0.plus(GRACE.multipliedBy(4)))).isEmpty();
      loaded.exit();

      // unused, but not yet for the whole grace period since the job ended: it stays
      Instant jobEnded = T0.plus(GRACE.multipliedBy(5));
      assertThat(unused.sweep(jobEnded)).isEmpty();
      assertThat(unused.sweep(jobEnded.plus(GRACE).minusSeconds(1))).isEmpty();
      assertThat(catalog.versions()).extracting(PluginVersion::coordinates).contains(NAPPER);

      // when the grace period has passed
      assertThat(unused.sweep(jobEnded.plus(GRACE))).containsExactly(NAPPER);

      // then it is unloaded, resting, and its class loader is collected
      assertThat(catalog.versions()).extracting(PluginVersion::coordinates).doesNotContain(NAPPER);
      assertThat(catalog.resting()).extracting(PluginCatalog.Resting::coordinates).containsExactly(NAPPER);
      assertThat(catalog.resting().getFirst().jobTypes()).containsExactly("test.nap");
      assertThat(catalog.jobTypes()).contains("test.nap");
      loaded = null;
      awaitCollected(firstLoader);

      // when a site is assigned to it again, the lookup loads it from its jar
      PluginVersion again = catalog.find(NAPPER).orElseThrow();

      // then it runs in a class loader of its own again
      assertThat(again.handler("test.nap").orElseThrow().jobType()).isEqualTo("test.nap");
      assertThat(again.classLoader()).isNotSameAs(firstLoader.get());
      assertThat(catalog.resting()).isEmpty();
      assertThat(catalog.versions()).extracting(PluginVersion::coordinates).contains(NAPPER);
    }
  }

  private static void awaitCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
    for (int i = 0; i < 50 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(loader.get()).as("the unloaded version's class loader, after GC").isNull();
  }
}
