package io.milepost.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.milepost.engine.api.CommandAdmission;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionLimitTest {

  private static final CommandAdmission SETTINGS = new CommandAdmission(64, 16, 128, Duration.ofMillis(250));
  private static final long SLOW = Duration.ofMillis(400).toNanos();
  private static final long FAST = Duration.ofMillis(5).toNanos();

  @Test
  void shouldShrinkToItsFloorWhileCommandsWaitLongerThanTheTarget() {
    AdmissionLimit limit = new AdmissionLimit(SETTINGS);

    batches(limit, 50, SLOW, 40);

    assertThat(limit.limit()).isEqualTo(16);
    assertThat(limit.admits(15)).isTrue();
    assertThat(limit.admits(16)).isFalse();
  }

  @Test
  void shouldGrowBackToItsInitialValueAfterAStallAtLightLoad() {
    AdmissionLimit limit = new AdmissionLimit(SETTINGS);
    batches(limit, 50, SLOW, 40); // one stall of the store: down to the floor

    batches(limit, 200, FAST, 0); // then light load: nothing queued, commands fast again

    assertThat(limit.limit()).isEqualTo(64);
    assertThat(limit.admits(63)).isTrue();
  }

  @Test
  void shouldGrowPastItsInitialValueOnlyWhileTheLimitHoldsTheQueue() {
    AdmissionLimit limit = new AdmissionLimit(SETTINGS);

    batches(limit, 20, FAST, 3);
    assertThat(limit.limit()).isEqualTo(64);

    batches(limit, 30, FAST, 40);
    assertThat(limit.limit()).isEqualTo(82); // one past where 40 queued is no longer half of the limit

    batches(limit, 100, FAST, 100);
    assertThat(limit.limit()).isEqualTo(128);
  }

  private static void batches(AdmissionLimit limit, int count, long longestLatencyNanos, int queued) {
    for (int i = 0; i < count; i++) {
      limit.observed(longestLatencyNanos, queued);
    }
  }
}
