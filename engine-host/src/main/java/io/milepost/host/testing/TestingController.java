package io.milepost.host.testing;

import io.milepost.engine.AdjustableClock;
import io.milepost.engine.api.Engine;
import io.milepost.host.api.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Camunda Process Test drives on the monitoring address (here the API's own port): the engine's clock
 * ({@code /actuator/clock}) and the purge of all engine data between tests ({@code /actuator/cluster/purge}).
 * Both change the engine for everyone, so they exist only with {@code milepost.testing.enabled=true}; otherwise
 * these paths answer 404.
 */
@RestController
@ConditionalOnBooleanProperty("milepost.testing.enabled")
final class TestingController {

  private static final Logger LOG = LoggerFactory.getLogger(TestingController.class);

  private final Engine engine;
  private final AdjustableClock clock;
  private final ClusterChanges changes;

  TestingController(Engine engine, AdjustableClock clock, ClusterChanges changes) {
    this.engine = engine;
    this.clock = clock;
    this.changes = changes;
    LOG.warn("Testing endpoints are on (milepost.testing.enabled=true): /actuator/clock moves the engine's time and "
        + "/actuator/cluster/purge deletes every deployment and instance. Never in production.");
  }

  @GetMapping("/actuator/clock")
  ClockResponse clock() {
    return ClockResponse.of(clock.instant());
  }

  /** Moves the clock and fires what fell due at once, so a test's next look sees the timers that fired. */
  @PostMapping("/actuator/clock/add")
  ClockResponse add(@RequestBody AddClockRequest request) {
    if (request == null || request.offsetMilli() == null) {
      throw ApiException.invalidArgument("Expected 'offsetMilli' (milliseconds to move the clock by), but it was missing");
    }
    Instant now = clock.add(Duration.ofMillis(request.offsetMilli()));
    engine.processDueWork();
    return ClockResponse.of(now);
  }

  @DeleteMapping("/actuator/clock")
  ClockResponse reset() {
    clock.reset();
    return ClockResponse.of(clock.instant());
  }

  @PostMapping("/actuator/cluster/purge")
  ResponseEntity<PurgeResponse> purge() {
    long changeId = changes.run(engine::purge);
    LOG.info("Purged the engine (change {})", changeId);
    return ResponseEntity.ok(new PurgeResponse(changeId));
  }

  record AddClockRequest(Long offsetMilli) {}

  record ClockResponse(long epochMilli, String instant) {

    static ClockResponse of(Instant instant) {
      return new ClockResponse(instant.toEpochMilli(), instant.toString());
    }
  }

  record PurgeResponse(long changeId) {}
}
