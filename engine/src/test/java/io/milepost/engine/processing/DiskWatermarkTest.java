package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.engine.EngineConfiguration;
import io.milepost.engine.MilepostEngine;
import io.milepost.engine.api.CreateProcessInstance;
import io.milepost.engine.api.DeploymentResource;
import io.milepost.engine.api.DiskWatermark;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessInstanceFilter;
import io.milepost.engine.api.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Below the free-disk watermark commands are refused before anything is written, saying how much is free and what
 * is expected; reads keep answering, and commands are taken again by themselves once space is back. The usable
 * space comes from a source the test sets (the real disk's case is engine-host's H2DiskFullTest, root only).
 */
class DiskWatermarkTest {

  private static final long MB = 1024 * 1024;
  /** A hang guard: an idle writer measures the disk every 100 ms. */
  private static final Duration NOTICED = Duration.ofSeconds(10);

  @TempDir
  Path dataDir;

  @Test
  void shouldRefuseCommandsBelowTheWatermarkAndTakeThemAgainOnceSpaceIsBack() {
    AtomicLong usable = new AtomicLong(1024 * MB);
    try (MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(h2File())
        .withDiskWatermark(new DiskWatermark(16 * MB, usable::get)))) {
      // given an engine that took commands while there was room
      deploy(engine);
      long before = create(engine);

      // when the disk falls below the watermark
      usable.set(2 * MB);

      // then the engine says so by itself, and commands are refused retryably, saying what is free and expected
      waitUntil(() -> engine.status().diskShortage().isPresent());
      String expected = "The data disk has 2 MB free, below milepost.engine.min-free-disk (16 MB): commands are "
          + "refused until space is freed";
      assertThat(engine.status().diskShortage()).contains(expected);
      assertThatThrownBy(() -> create(engine)).isInstanceOf(StoreUnavailableException.class).hasMessage(expected);
      assertThatThrownBy(() -> deploy(engine)).isInstanceOf(StoreUnavailableException.class).hasMessage(expected);
      // and reads answer, the store holding only what was acknowledged
      assertThat(instanceKeys(engine)).containsExactly(before);

      // when space is freed, then the engine takes commands again without a restart
      usable.set(17 * MB);
      waitUntil(() -> engine.status().diskShortage().isEmpty());
      long after = create(engine);
      assertThat(instanceKeys(engine)).containsExactlyInAnyOrder(before, after);
    }
  }

  @Test
  void shouldMeasureTheDiskOfTheH2FileByDefault() {
    // given a watermark above any real disk's free space and no source of its own
    try (MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(h2File())
        .withDiskWatermark(new DiskWatermark(Long.MAX_VALUE, null)))) {
      // then the data directory's disk is measured and commands are refused
      waitUntil(() -> engine.status().diskShortage().isPresent());
      assertThatThrownBy(() -> deploy(engine)).isInstanceOf(StoreUnavailableException.class)
          .hasMessageStartingWith("The data disk has ").hasMessageContaining("free, below milepost.engine.min-free-disk");
    }
  }

  @Test
  void shouldWatchNoDiskForAStoreInMemory() {
    // given an H2 store in memory (like PostgreSQL's, its disk is not the engine's to watch)
    JdbcDataSource memory = new JdbcDataSource();
    memory.setURL("jdbc:h2:mem:watermark-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (MilepostEngine engine = MilepostEngine.start(EngineConfiguration.of(memory)
        .withDiskWatermark(new DiskWatermark(Long.MAX_VALUE, null)))) {
      // then commands are taken whatever the watermark
      deploy(engine);
      create(engine);
      assertThat(engine.status().diskShortage()).isEmpty();
    }
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + NOTICED.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("the engine noticed within " + NOTICED).isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private JdbcDataSource h2File() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("milepost") + ";DB_CLOSE_ON_EXIT=FALSE");
    return dataSource;
  }

  private static void deploy(MilepostEngine engine) {
    engine.deploy(List.of(new DeploymentResource("p.bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess("p")
        .startEvent().serviceTask("task", t -> t.zeebeJobType("work")).endEvent().done())
        .getBytes(StandardCharsets.UTF_8))));
  }

  private static long create(MilepostEngine engine) {
    return engine.createProcessInstance(CreateProcessInstance.latest("p", Map.of())).processInstanceKey();
  }

  private static List<Long> instanceKeys(MilepostEngine engine) {
    return engine.queries().searchProcessInstances(ProcessInstanceFilter.all(), PageRequest.first(100)).items()
        .stream().map(instance -> instance.key()).toList();
  }
}
