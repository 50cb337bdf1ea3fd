package io.milepost.host.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.host.plugin.PluginCatalog;
import io.milepost.host.plugin.PluginVersion;
import io.milepost.host.step.StepInvoker.Invocation;
import io.milepost.host.testing.TestPluginJar;
import io.milepost.plugin.api.BuildingType;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepResult;
import io.milepost.plugin.context.JsonStepContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepInvokerTest {

  private static final Site SITE = new Site("fc-west-1", "Tracy Sortable FC", BuildingType.SORTABLE_FC, "west");
  private static final Duration BUDGET = Duration.ofMillis(300);

  @TempDir
  static Path plugins;

  private static final PluginCatalog CATALOG = new PluginCatalog();
  private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
  private static final StepInvoker INVOKER = new StepInvoker(8, METERS);
  private static PluginVersion plugin;
  private static PluginVersion hanging;
  private static PluginVersion healthy;

  @BeforeAll
  static void loadPlugin() {
    plugin = CATALOG.load(TestPluginJar.plugin("unruly", "1.0.0")
        .handler("step.throws", "throw new IllegalStateException(\"scale offline at dock 4\");")
        .handler("step.sleeps", "Thread.sleep(10_000); return StepResult.complete(Map.of());")
        .handler("step.spins", "long until = System.nanoTime() + 2_000_000_000L; while (System.nanoTime() < until) { } return StepResult.complete(Map.of());")
        .handler("step.overflows", "return handle(context);")
        // 64 MB of garbage, then the Error a heap that ran out throws (this JVM's own heap is left alone)
        .handler("step.runs-out", "long sum = 0; for (int i = 0; i < 64; i++) { sum += new byte[1 << 20].length; } "
            + "throw new OutOfMemoryError(\"Java heap space (\" + sum + \" bytes)\");")
        .handler("step.hoards-then-sleeps", "List<byte[]> hoard = new ArrayList<>(); "
            + "for (int i = 0; i < 32; i++) { hoard.add(new byte[1 << 20]); } "
            + "Thread.sleep(10_000); return StepResult.complete(Map.of(\"held\", hoard.size()));")
        .handler("step.reads", """
            record Order(String orderId, int lines) {}
            Order order = context.variables(Order.class);
            return StepResult.complete(Map.of("seen", order.orderId() + "/" + order.lines(),
                "loader", String.valueOf(Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()),
                "header", context.headers().get("zone"), "retries", context.retriesLeft()));""")
        .writeTo(plugins));
    hanging = CATALOG.load(TestPluginJar.plugin("hanging", "1.0.0")
        .handler("step.hangs", "long until = System.nanoTime() + 10_000_000_000L; while (System.nanoTime() < until) { "
            + "try { Thread.sleep(50); } catch (InterruptedException ignored) { } } return StepResult.complete(Map.of());")
        .writeTo(plugins));
    healthy = CATALOG.load(TestPluginJar.plugin("healthy", "1.0.0")
        .handler("step.answers", "return StepResult.complete(Map.of(\"ok\", true));")
        .writeTo(plugins));
  }

  @AfterAll
  static void unload() {
    INVOKER.close();
    CATALOG.close();
  }

  @Test
  void shouldConfineAPluginThatHangsToItsOwnThreadsAndCountItsStuckCalls() throws Exception {
    // given a plugin version with two threads whose handler ignores interrupts for seconds
    try (StepInvoker invoker = new StepInvoker(2, METERS); ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor()) {
      // when five of its jobs come at once
      var calls = java.util.stream.IntStream.range(0, 5).mapToObj(i -> jobs.submit(() -> invoker.invoke(
          hanging.handler("step.hangs").orElseThrow(), context(Map.of()), hanging, BUDGET))).toList();

      // then each times out, only its two threads are stuck (the queued calls were dropped, no thread each) ...
      for (var call : calls) {
        assertThat(call.get()).isInstanceOfSatisfying(Invocation.TimedOut.class,
            timedOut -> assertThat(timedOut.budget()).isEqualTo(BUDGET));
      }
      assertThat(invoker.stuck(hanging)).isEqualTo(2);
      assertThat(METERS.get(StepInvoker.STUCK_CALLS).tag("plugin", hanging.coordinates().toString()).gauge().value())
          .isEqualTo(2.0);
      // ... and another plugin still answers at once
      assertThat(invoker.invoke(healthy.handler("step.answers").orElseThrow(), context(Map.of()), healthy, BUDGET))
          .isEqualTo(new Invocation.Returned(StepResult.complete(Map.of("ok", true))));
    }
  }

  @Test
  void shouldReportAPluginExceptionWithItsMessage() {
    Invocation invocation = invoke("step.throws", Map.of());

    assertThat(invocation).isInstanceOfSatisfying(Invocation.Threw.class, threw ->
        assertThat(threw.failure()).isInstanceOf(IllegalStateException.class).hasMessage("scale offline at dock 4"));
  }

  @Test
  void shouldStopWaitingForAPluginThatSleepsPastItsBudget() {
    long started = System.nanoTime();

    Invocation invocation = invoke("step.sleeps", Map.of());

    assertThat(invocation).isInstanceOfSatisfying(Invocation.TimedOut.class,
        timedOut -> assertThat(timedOut.budget()).isEqualTo(BUDGET));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void shouldStopWaitingForAPluginThatSpinsOnTheCpuAndIgnoresInterrupts() {
    long started = System.nanoTime();

    Invocation invocation = invoke("step.spins", Map.of());

    assertThat(invocation).isInstanceOfSatisfying(Invocation.TimedOut.class,
        timedOut -> assertThat(timedOut.budget()).isEqualTo(BUDGET));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void shouldKeepTheHostsVirtualThreadsRunningWhilePluginsSpin() throws Exception {
    // given more spinning plugin calls than the virtual-thread scheduler has carrier threads
    int spinners = Runtime.getRuntime().availableProcessors() + 1;
    try (ExecutorService jobHandlers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < spinners; i++) {
        jobHandlers.submit(() -> invoke("step.spins", Map.of()));
      }
      Thread.sleep(100);

      // when the host needs a virtual thread (a web request, another job)
      Thread request = Thread.ofVirtual().start(() -> { });

      // then it runs at once, not after the plugins are done
      assertThat(request.join(Duration.ofMillis(500))).isTrue();
    }
  }

  @Test
  void shouldReportACallThatRanOutOfMemoryWithWhatItAllocated() {
    Invocation invocation = INVOKER.invoke(plugin.handler("step.runs-out").orElseThrow(), context(Map.of()),
        plugin, Duration.ofSeconds(20));

    assertThat(invocation).isInstanceOfSatisfying(Invocation.RanOutOfMemory.class, outOfMemory -> {
      assertThat(outOfMemory.error()).hasMessageStartingWith("Java heap space");
      assertThat(outOfMemory.allocatedBytes()).isBetween(64L << 20, 80L << 20);
    });
  }

  @Test
  void shouldTellWhatACallThatRanPastItsBudgetHadAllocated() {
    // a budget the 32 MB surely fit in, on a busy machine too
    Invocation invocation = INVOKER.invoke(plugin.handler("step.hoards-then-sleeps").orElseThrow(), context(Map.of()),
        plugin, Duration.ofSeconds(3));

    assertThat(invocation).isInstanceOfSatisfying(Invocation.TimedOut.class,
        timedOut -> assertThat(timedOut.allocatedBytes()).isBetween(32L << 20, 40L << 20));
  }

  @Test
  void shouldSurviveAStackOverflowInAPlugin() {
    Invocation invocation = INVOKER.invoke(plugin.handler("step.overflows").orElseThrow(), context(Map.of()),
        plugin, Duration.ofSeconds(20));

    assertThat(invocation).isInstanceOfSatisfying(Invocation.Threw.class, threw ->
        assertThat(threw.failure()).isInstanceOf(StackOverflowError.class));
  }

  @Test
  void shouldGiveThePluginItsVariablesHeadersAndClassLoader() {
    Invocation invocation = INVOKER.invoke(plugin.handler("step.reads").orElseThrow(),
        context(Map.of("orderId", "o-17", "lines", 3, "unrelated", true)), plugin, Duration.ofSeconds(20));

    assertThat(invocation).isEqualTo(new Invocation.Returned(StepResult.complete(
        Map.of("seen", "o-17/3", "loader", "true", "header", "A", "retries", 2))));
  }

  private static Invocation invoke(String jobType, Map<String, Object> variables) {
    return INVOKER.invoke(plugin.handler(jobType).orElseThrow(), context(variables), plugin, BUDGET);
  }

  private static JsonStepContext context(Map<String, Object> variables) {
    return new JsonStepContext(SITE, variables, Map.of("zone", "A"), 2, null,
        dataSet -> List.of());
  }
}
