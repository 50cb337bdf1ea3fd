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

  @Test
  void shouldKeepFalseAlarmsOfTheP95TestBelowAlphaThoughItPeeksAfterEveryJob() {
    // given canary and baseline durations from the same distribution (about a second), the line at the
    // baseline's p95 itself (no practical threshold, the hardest case), peeked at after every pair of jobs
    Random random = new Random(7);
    int experiments = 200;
    int alarms = 0;

    // when
    for (int experiment = 0; experiment < experiments; experiment++) {
      if (p95Alarm(random, 1.0, 0.0)) {
        alarms++;
      }
    }

    // then
    assertThat((double) alarms / experiments).isLessThanOrEqualTo(0.05);
  }

  @Test
  void shouldFindACanaryWhoseP95IsPastThePracticalThreshold() {
    // a canary 60 % slower, against a 20 % limit, is found; one 10 % slower is not
    Random random = new Random(11);
    int found = 0;
    int falselyFound = 0;
    for (int experiment = 0; experiment < 50; experiment++) {
      found += p95Alarm(random, 1.6, 20) ? 1 : 0;
      falselyFound += p95Alarm(random, 1.1, 20) ? 1 : 0;
    }
    assertThat(found).isGreaterThanOrEqualTo(48);
    assertThat(falselyFound).isLessThanOrEqualTo(2);
  }

  /** Runs up to 400 pairs of jobs; true if the p95 test alarmed after any of them (from the 20th). */
  private static boolean p95Alarm(Random random, double canarySlowdown, double limitPercent) {
    java.util.List<Double> baseline = new java.util.ArrayList<>();
    java.util.List<Double> canary = new java.util.ArrayList<>();
    for (int n = 1; n <= 400; n++) {
      baseline.add(1000 * Math.exp(random.nextGaussian() * 0.5));
      canary.add(1000 * canarySlowdown * Math.exp(random.nextGaussian() * 0.5));
      if (n < 20) {
        continue;
      }
      double[] sorted = baseline.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
      double line = Math.max(p95 * (1 + limitPercent / 100), p95 + 5);
      long slower = canary.stream().filter(ms -> ms > line).count();
      if (SequentialTest.shareAboveExceeds(slower, n, 0.05, n, 0.05)) {
        return true;
      }
    }
    return false;
  }
}
