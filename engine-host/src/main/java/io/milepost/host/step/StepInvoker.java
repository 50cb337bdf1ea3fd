package io.milepost.host.step;

import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.api.StepHandler;
import io.milepost.plugin.api.StepResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a plugin's handler on a thread of its own and waits at most the time budget.
 *
 * <p>Whatever the plugin does (throw, hang, overflow its stack) ends up as an {@link Invocation}: the
 * caller's thread is never the plugin's, so a plugin can delay only its own job. A plugin that ignores
 * the interrupt after its budget keeps its thread until it returns; its result is dropped.
 *
 * <p>A platform (daemon) thread rather than a virtual one: virtual threads are not time-sliced, so a
 * plugin spinning on the CPU would hold one of the few carrier threads that the host's own virtual
 * threads (web requests, job handling) share, and a handful of such jobs would stall the whole host.
 * The OS preempts a platform thread; a step costs far more than starting one.
 */
final class StepInvoker {

  /** How a handler call ended. */
  sealed interface Invocation {
    record Returned(StepResult result) implements Invocation {}

    record Threw(Throwable failure) implements Invocation {}

    record TimedOut(Duration budget) implements Invocation {}
  }

  private StepInvoker() {}

  static Invocation invoke(StepHandler handler, StepContext context, ClassLoader pluginClassLoader, Duration budget,
      String threadName) {
    CompletableFuture<StepResult> result = new CompletableFuture<>();
    Thread thread = Thread.ofPlatform().daemon().name(threadName).unstarted(() -> {
      // Libraries inside a plugin (ServiceLoader, JAXB, Jackson modules) look classes up here.
      Thread.currentThread().setContextClassLoader(pluginClassLoader);
      try {
        result.complete(handler.handle(context));
      } catch (Throwable failure) {
        result.completeExceptionally(failure);
      }
    });
    thread.start();
    try {
      StepResult returned = result.get(budget.toNanos(), TimeUnit.NANOSECONDS);
      if (returned == null) {
        return new Invocation.Threw(new IllegalStateException(
            "Expected handle() to return a StepResult, but it returned null"));
      }
      return new Invocation.Returned(returned);
    } catch (TimeoutException e) {
      thread.interrupt();
      return new Invocation.TimedOut(budget);
    } catch (ExecutionException e) {
      return new Invocation.Threw(e.getCause());
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      return new Invocation.Threw(new InterruptedException("The host stopped waiting for the step: it is shutting down"));
    }
  }
}
