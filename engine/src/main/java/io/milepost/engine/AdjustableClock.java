package io.milepost.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs with a base clock, moved ahead by an offset that can be changed while the engine runs. It lets
 * process tests jump to a timer's due date (Camunda's controlled clock); the offset is zero unless someone moves it.
 */
public final class AdjustableClock extends Clock {

  private final Clock base;
  private final AtomicLong offsetMillis;

  public AdjustableClock(Clock base) {
    this(base, new AtomicLong());
  }

  private AdjustableClock(Clock base, AtomicLong offsetMillis) {
    this.base = base;
    this.offsetMillis = offsetMillis;
  }

  /** Moves the clock by {@code duration} (backwards when negative); returns the new time. */
  public Instant add(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
    return instant();
  }

  /** Back to the base clock's time. */
  public void reset() {
    offsetMillis.set(0);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new AdjustableClock(base.withZone(zone), offsetMillis);
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }
}
