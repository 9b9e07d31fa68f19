package dev.subnetsim.scenarios.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesKeyTest {
  @Test
  void aSeriesNameIsTheKeysPrefixFollowedByTheSubject() {
    assertThat(SeriesKey.FINALIZED_HEIGHT.of("root")).isEqualTo("finalized_height/root");
    assertThat(SeriesKey.STASH.of("signing ecdsa/secp256k1"))
        .isEqualTo("stash/signing ecdsa/secp256k1");
    assertThat(SeriesKey.THROUGHPUT.of("vetkd")).isEqualTo("throughput/vetkd");
  }

  @Test
  void theSubjectOfASeriesNameIsWhatItWasBuiltFrom() {
    assertThat(SeriesKey.STASH.subject(SeriesKey.STASH.of("signing schnorr/bip340")))
        .isEqualTo("signing schnorr/bip340");
  }

  @Test
  void aKeyDoesNotClaimAnotherKeysSeries() {
    assertThat(SeriesKey.STASH.matches(SeriesKey.THROUGHPUT.of("ecdsa"))).isFalse();
    assertThatThrownBy(() -> SeriesKey.FINALIZED_HEIGHT.subject("stash/app x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stash/app x");
  }
}
