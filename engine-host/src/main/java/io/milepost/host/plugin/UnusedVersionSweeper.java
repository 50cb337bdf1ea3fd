package io.milepost.host.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs {@link UnusedVersions#sweep} while the host runs, a few times per grace period (at most every minute). */
public final class UnusedVersionSweeper implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(UnusedVersionSweeper.class);

  private final UnusedVersions unused;
  private final Duration grace;
  private final Clock clock;
  private ScheduledExecutorService executor;

  public UnusedVersionSweeper(UnusedVersions unused, Duration grace, Clock clock) {
    this.unused = unused;
    this.grace = grace;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (grace.isZero() || grace.isNegative()) {
      LOG.info("Unused plugin versions stay loaded: milepost.rollouts.unload-unused-after is {}", grace);
      return;
    }
    long every = Math.max(1000, Math.min(grace.toMillis() / 4, 60_000));
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("plugin-unloader")
        .factory());
    executor.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    try {
      unused.sweep(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Looking for unused plugin versions failed: {}", e.getMessage(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
