package io.milepost.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A due-work interval the scheduler cannot run is refused when the engine is configured, saying what was expected,
 * rather than failing the start after the store and the writer are running.
 */
class DueWorkIntervalSettingTest {

  @Test
  void shouldRefuseAnIntervalOfLessThanAMillisecond() {
    assertThatThrownBy(() -> new EngineConfiguration(null, Clock.systemUTC(), Duration.ZERO, "node"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a due-work interval of at least 1 ms (or none), but it was PT0S");
    assertThatThrownBy(() -> new EngineConfiguration(null, Clock.systemUTC(), Duration.ofNanos(500_000), "node"))
        .hasMessageContaining("but it was PT0.0005S");
    assertThatThrownBy(() -> new EngineConfiguration(null, Clock.systemUTC(), Duration.ofSeconds(-1), "node"))
        .hasMessageContaining("but it was PT-1S");
  }

  @Test
  void shouldTakeNoIntervalOrOneOfAMillisecondOrMore() {
    assertThat(new EngineConfiguration(null, Clock.systemUTC(), null, "node").dueWorkInterval()).isNull();
    assertThat(new EngineConfiguration(null, Clock.systemUTC(), Duration.ofMillis(1), "node").dueWorkInterval())
        .isEqualTo(Duration.ofMillis(1));
  }
}
