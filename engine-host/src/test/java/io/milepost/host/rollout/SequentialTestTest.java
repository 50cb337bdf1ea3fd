package io.milepost.host.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SequentialTestTest {

  @Test
  void shouldKeepFalseAlarmsBelowAlphaThoughTheGuardrailPeeksAfterEveryJob() {
    // given two versions that fail equally often (10 %), compared after every pair of jobs up to 400
    Random random = new Random(42);
    int experiments = 300;
    int alarms = 0;

    // when
    for (int experiment = 0; experiment < experiments; experiment++) {
      long canaryFailures = 0;
      long controlFailures = 0;
      for (int n = 1; n <= 400; n++) {
        canaryFailures += random.nextDouble() < 0.10 ? 1 : 0;
        controlFailures += random.nextDouble() < 0.10 ? 1 : 0;
        if (n >= 20 && SequentialTest.proportionIncreaseExceeds(canaryFailures, n, controlFailures, n, 0.0, 0.05)) {
          alarms++;
          break;
        }
      }
    }

    // then: a fixed-sample z-test peeked at this often would alarm in roughly a third of the experiments
    assertThat((double) alarms / experiments).isLessThanOrEqualTo(0.05);
  }

  @Test
  void shouldFindACanaryThatFailsMostJobsWithinAFewJobs() {
    assertThat(SequentialTest.proportionIncreaseExceeds(8, 10, 0, 10, 0.05, 0.05)).isTrue();
    assertThat(SequentialTest.proportionIncreaseExceeds(1, 10, 0, 10, 0.05, 0.05)).isFalse();
  }

  @Test
  void shouldJudgeAMeanIncreaseAgainstThePracticalThreshold() {
    // void fill up from 1.0 to 1.1 litres is under a 0.2 litre limit, up to 2.1 is over it
    assertThat(SequentialTest.meanIncreaseExceeds(1.1, 0.01, 30, 1.0, 0.01, 30, 0.2, 0.05)).isFalse();
    assertThat(SequentialTest.meanIncreaseExceeds(2.1, 0.01, 30, 1.0, 0.01, 30, 0.2, 0.05)).isTrue();
  }
}
