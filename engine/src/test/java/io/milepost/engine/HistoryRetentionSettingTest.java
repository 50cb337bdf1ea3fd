package io.milepost.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The history retention keeps something: a retention of nothing is refused when the engine is configured. */
class HistoryRetentionSettingTest {

  @Test
  void shouldKeepAMonthUnlessToldOtherwise() {
    assertThat(EngineConfiguration.of(null).historyRetention()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void shouldRefuseARetentionThatKeepsNothing() {
    assertThatThrownBy(() -> EngineConfiguration.of(null).withHistoryRetention(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Expected a history retention of more than 0 (e.g. 30d or P30D), but it was PT0S");
    assertThatThrownBy(() -> EngineConfiguration.of(null).withHistoryRetention(Duration.ofHours(-1)))
        .hasMessageContaining("but it was PT-1H");
  }
}
