package io.milepost.host;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a piece of the host's housekeeping on its own daemon thread at a fixed delay while the host runs (stopped
 * and started again with the context). A failed run is logged and the next one comes as planned.
 */
public final class PeriodicTask implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration every;
  private final Runnable work;
  private final String whyOff;
  private ScheduledExecutorService executor;

  /**
   * @param name the thread's name, and what a failure's log line calls the work
   * @param every the delay between runs; zero or negative turns the task off
   * @param whyOff logged at start when the task is off, naming the setting that turned it off
   */
  public PeriodicTask(String name, Duration every, Runnable work, String whyOff) {
    this.name = name;
    this.every = every;
    this.work = work;
    this.whyOff = whyOff;
  }

  @Override
  public synchronized void start() {
    if (every.isZero() || every.isNegative()) {
      LOG.info(whyOff);
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
    executor.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnce() {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed: {}", name, e.getMessage(), e);
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
