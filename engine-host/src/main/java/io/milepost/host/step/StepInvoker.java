package io.milepost.host.step;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a plugin's handler on its plugin version's own threads (a bulkhead) and waits at most the time budget.
 *
 * <p>Whatever the plugin does (throw, hang, overflow its stack) ends up as an {@link Invocation}: the
 * caller's thread is never the plugin's, so a plugin can delay only its own jobs. Each plugin version has a
 * fixed number of threads: one that hangs, or ignores the interrupt after its budget, uses up its own
 * threads and its further jobs time out (and are retried), while other plugins and the API keep serving.
 * The calls still running past their budget are the gauge {@code milepost.step.stuck} per plugin version.
 *
 * <p>Each call's allocation is counted on its thread ({@code ThreadMXBean#getThreadAllocatedBytes}): when the
 * heap runs out, or a call runs past its budget, the outcome says how much this call allocated, which tells
 * the plugin that hoards memory from the ones that only happened to allocate when it ran out.
 *
 * <p>Platform (daemon) threads rather than virtual ones: virtual threads are not time-sliced, so a plugin
 * spinning on the CPU would hold one of the few carrier threads that the host's own virtual threads (web
 * requests, job handling) share, and a handful of such jobs would stall the whole host.
 */
final class StepInvoker implements AutoCloseable {

  static final String STUCK_CALLS = "milepost.step.stuck";
  private static final Logger LOG = LoggerFactory.getLogger(StepInvoker.class);
  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int STUCK = 2;
  private static final int DONE = 3;

  /** How a handler call ended. */
  sealed interface Invocation {
    record Returned(StepResult result) implements Invocation {}

    record Threw(Throwable failure) implements Invocation {}

    record TimedOut(Duration budget, long allocatedBytes) implements Invocation {}

    /** The call, or the heap it ran in, ran out of memory; the call had allocated this much. */
    record RanOutOfMemory(OutOfMemoryError error, long allocatedBytes) implements Invocation {}
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final int threadsPerPlugin;
  private final MeterRegistry meters;
  private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();

  StepInvoker(int threadsPerPlugin, MeterRegistry meters) {
    this.threadsPerPlugin = threadsPerPlugin;
    this.meters = meters;
  }

  Invocation invoke(StepHandler handler, StepContext context, PluginVersion plugin, Duration budget) {
    Bulkhead bulkhead = bulkheads.computeIfAbsent(plugin.coordinates().toString(), Bulkhead::new);
    Call call = new Call();
    Future<StepResult> result = bulkhead.threads.submit(() -> {
      if (!call.state.compareAndSet(QUEUED, RUNNING)) {
        return null; // its caller gave up while it waited for a thread
      }
      call.started();
      // Libraries inside a plugin (ServiceLoader, JAXB, Jackson modules) look classes up here.
      Thread.currentThread().setContextClassLoader(plugin.classLoader());
      plugin.enter(); // held until the call returns, even past its budget: the version stays loaded
      try {
        return handler.handle(context);
      } catch (OutOfMemoryError e) {
        if (call.state.get() == STUCK) {
          // nobody waits for it any more: the log is the only place that names the call that hoarded memory
          LOG.warn("A call of plugin {} abandoned past its budget ran out of memory ({}) after allocating {} MB",
              plugin.coordinates(), e.getMessage(), call.allocatedBytes() >> 20);
        }
        throw e;
      } finally {
        call.ended();
        plugin.exit();
        if (call.state.getAndSet(DONE) == STUCK) {
          bulkhead.stuck.decrementAndGet();
        }
      }
    });
    try {
      StepResult returned = result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
      if (returned == null) {
        return new Invocation.Threw(new IllegalStateException(
            "Expected handle() to return a StepResult, but it returned null"));
      }
      return new Invocation.Returned(returned);
    } catch (TimeoutException e) {
      long allocated = call.allocatedBytes();
      // still running past its budget: stuck (counted down when it ends); still waiting for a thread: never runs
      bulkhead.stuck.incrementAndGet();
      if (!call.state.compareAndSet(RUNNING, STUCK)) {
        bulkhead.stuck.decrementAndGet();
        call.state.compareAndSet(QUEUED, DONE);
      }
      result.cancel(true); // interrupts it, or drops it if it waits for a thread
      return new Invocation.TimedOut(budget, allocated);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof OutOfMemoryError outOfMemory) {
        return new Invocation.RanOutOfMemory(outOfMemory, call.allocatedBytes());
      }
      return new Invocation.Threw(e.getCause());
    } catch (InterruptedException e) {
      result.cancel(true);
      Thread.currentThread().interrupt();
      return new Invocation.Threw(new InterruptedException("The host stopped waiting for the step: it is shutting down"));
    }
  }

  /** Calls of a plugin version still running past their budget. */
  int stuck(PluginVersion plugin) {
    Bulkhead bulkhead = bulkheads.get(plugin.coordinates().toString());
    return bulkhead == null ? 0 : bulkhead.stuck.get();
  }

  @Override
  public void close() {
    bulkheads.values().forEach(bulkhead -> bulkhead.threads.shutdownNow());
  }

  /** One call: where it is, and the allocation counter of the thread that runs it. */
  private static final class Call {
    final AtomicInteger state = new AtomicInteger(QUEUED);
    private volatile Thread thread;
    private volatile long allocatedAtStart;
    private volatile long allocatedAtEnd = -1;

    void started() {
      allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
      thread = Thread.currentThread();
    }

    void ended() {
      allocatedAtEnd = THREADS.getCurrentThreadAllocatedBytes();
    }

    /** What the call has allocated so far (0 if it never started). */
    long allocatedBytes() {
      Thread running = thread;
      if (running == null) {
        return 0;
      }
      long end = allocatedAtEnd;
      // the thread goes on to other calls after this one: read its counter only while this call runs
      long now = end >= 0 ? end : THREADS.getThreadAllocatedBytes(running.threadId());
      return Math.max(0, now - allocatedAtStart);
    }
  }

  /** The threads of one plugin version and how many of them are stuck. */
  private final class Bulkhead {
    final AtomicInteger stuck = new AtomicInteger();
    final ThreadPoolExecutor threads;

    Bulkhead(String coordinates) {
      AtomicInteger next = new AtomicInteger();
      threads = new ThreadPoolExecutor(threadsPerPlugin, threadsPerPlugin, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), task -> Thread.ofPlatform().daemon()
              .name("step-" + coordinates + "-" + next.incrementAndGet()).unstarted(task));
      threads.allowCoreThreadTimeOut(true);
      Gauge.builder(STUCK_CALLS, stuck, AtomicInteger::get)
          .description("Plugin calls still running past their time budget")
          .tag("plugin", coordinates)
          .register(meters);
    }
  }
}
