package io.milepost.host.step;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The heap as the {@link HeapGuard} sees it, in the health details. UP even while the heap is critical: the
 * engine still applies commands and the API answers (a request that meets an exhausted heap gets a retryable
 * 503), and plugin jobs are only held back until the heap recovers. DOWN would make a load balancer or an
 * orchestrator drop or restart a host that serves on, losing the steps in flight, for a condition that
 * passes once the plugin that hoards memory has failed. Whether the engine's writer runs is the engine
 * health's business ({@code EngineHealthIndicator}).
 */
final class HeapHealthIndicator implements HealthIndicator {

  private final HeapGuard heap;

  HeapHealthIndicator(HeapGuard heap) {
    this.heap = heap;
  }

  @Override
  public Health health() {
    HeapGuard.HeapReading reading = heap.reading();
    return Health.up()
        .withDetail("critical", reading.critical())
        .withDetail("usedAfterGcPercent", reading.percentAfterGc())
        .withDetail("criticalPercent", reading.criticalPercent())
        .withDetail("maxMegabytes", reading.max() >> 20)
        .build();
  }
}
