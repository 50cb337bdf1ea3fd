package io.milepost.engine;

import io.milepost.engine.api.StoreUnavailableException;
import io.milepost.engine.job.JobCommands;
import io.milepost.engine.processing.CommandExecutor;
import io.milepost.engine.message.MessageCommands;
import io.milepost.engine.timer.TimerCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires what is due by the engine's clock: timers, message expiry, job time-outs, ends of retry back-offs (so long polls
 * wake up), and the deletion of history past its retention. Runs on its own thread when an interval is configured;
 * tests call {@link #runOnce()}.
 */
final class DueWorkScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DueWorkScheduler.class);
  private static final int BATCH = 500;

  private final CommandExecutor executor;
  private final Clock clock;
  private final Listeners listeners;
  private final HistoryRetention history;
  private ScheduledExecutorService thread;

  DueWorkScheduler(CommandExecutor executor, Clock clock, Listeners listeners, HistoryRetention history) {
    this.executor = executor;
    this.clock = clock;
    this.listeners = listeners;
    this.history = history;
  }

  void start(Duration interval) {
    if (interval == null) {
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "milepost-due-work");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (StoreUnavailableException e) {
      // the store takes no writes now (its disk below the watermark, its database away): health and the refused
      // commands say so; a stack trace every interval would only fill the log (on that same disk, often)
      LOG.debug("Due work refused; will try again", e);
    } catch (RuntimeException e) {
      LOG.error("Due work failed; will try again", e);
    }
  }

  synchronized void runOnce() {
    while (executor.executeDraining(b -> new JobCommands(b).timeOut(BATCH)) == BATCH) {
      // more expired jobs than one batch: keep going
    }
    while (executor.executeDraining(b -> new TimerCommands(b).fireDue(BATCH)) == BATCH) {
      // more due timers than one batch: keep going
    }
    while (executor.executeDraining(b -> new MessageCommands(b).expire(BATCH)) == BATCH) {
      // more expired messages than one batch: keep going
    }
    long now = clock.millis();
    executor.executeDraining(b -> b.context().state().jobs().takeEndedBackOffs(now)).forEach(listeners::jobsAvailable);
    // last, and a few small batches per run: a backlog of old history holds back the timers and time-outs above by
    // a few batches at most
    history.sweepIfDue();
  }

  /** Stops the thread and waits for a run in progress, so nothing is submitted to a closed engine. */
  void stop() {
    if (thread != null) {
      thread.shutdownNow();
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
