package io.milepost.host.rollout;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the {@link GuardrailMonitor} every {@code milepost.rollouts.check-interval} while the host runs. */
final class GuardrailScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(GuardrailScheduler.class);

  private final GuardrailMonitor monitor;
  private final Duration interval;
  private final Clock clock;
  private ScheduledExecutorService executor;

  GuardrailScheduler(GuardrailMonitor monitor, Duration interval, Clock clock) {
    this.monitor = monitor;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (interval.isZero() || interval.isNegative()) {
      LOG.info("Rollout guardrails are not checked: milepost.rollouts.check-interval is {}", interval);
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("rollout-guardrails")
        .factory());
    executor.scheduleWithFixedDelay(this::checkAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void checkAll() {
    try {
      monitor.checkAll(clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("Rollout guardrail check failed: {}", e.getMessage(), e);
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
