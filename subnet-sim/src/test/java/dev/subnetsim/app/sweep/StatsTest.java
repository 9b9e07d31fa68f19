package dev.subnetsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void studentTQuantilesMatchTheTables() {
    // Two-sided 95% critical values, from any t table.
    assertThat(Stats.tQuantile(0.975, 1)).isCloseTo(12.7062, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 2)).isCloseTo(4.3027, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 4)).isCloseTo(2.7764, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 9)).isCloseTo(2.2622, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 29)).isCloseTo(2.0452, within(1e-4));
    assertThat(Stats.tQuantile(0.975, 100_000)).isCloseTo(1.9600, within(1e-3));
  }

  @Test
  void theIntervalIsTheMeanPlusMinusTTimesTheStandardError() {
    // mean 3, sample sd sqrt(2.5), se sqrt(0.5), t(4) = 2.776445: half-width 1.963243.
    Stats s = Stats.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.low()).isCloseTo(3 - 1.963243, within(1e-5));
    assertThat(s.high()).isCloseTo(3 + 1.963243, within(1e-5));
  }

  @Test
  void twoSeedsGiveTheWideIntervalOfOneDegreeOfFreedom() {
    // mean 11, sd sqrt(2), se 1, t(1) = 12.7062.
    Stats s = Stats.of(List.of(10.0, 12.0));
    assertThat(s.high() - s.mean()).isCloseTo(12.7062, within(1e-4));
  }

  @Test
  void aSingleValueHasNoInterval() {
    assertThat(Stats.of(List.of(7.5))).isEqualTo(new Stats(1, 7.5, 7.5, 7.5));
  }

  @Test
  void identicalValuesHaveAnIntervalOfZeroWidth() {
    Stats s = Stats.of(List.of(4.0, 4.0, 4.0));
    assertThat(s.low()).isEqualTo(4.0);
    assertThat(s.high()).isEqualTo(4.0);
  }
}
