package dev.subnetsim.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.SubnetId;
import org.junit.jupiter.api.Test;

class ObservationTest {
  private static final SubnetId APP = new SubnetId("app");

  @Test
  void observationsOfEqualBytesAreEqualWhicheverArrayTheyCameFrom() {
    byte[] hash = {1, 2, 3};
    Observation a = new Observation.Finalized(APP, 4, Bytes.of(hash));
    hash[0] = 9; // the observation holds its own copy
    Observation b = new Observation.Finalized(APP, 4, Bytes.of(new byte[] {1, 2, 3}));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(
        new Observation.StateCertified(APP, 4, Bytes.of(new byte[] {1, 2, 3})));
    assertThat(new Observation.IngressCompleted(APP, 1, Bytes.of(new byte[] {7}), true,
        Bytes.of(new byte[] {8}), 0, "")).isEqualTo(new Observation.IngressCompleted(APP, 1,
        Bytes.of(new byte[] {7}), true, Bytes.of(new byte[] {8}), 0, ""));
  }

  @Test
  void hashesPrintAsLowercaseHexAsBefore() {
    assertThat(new Observation.Finalized(APP, 4, Bytes.of(new byte[] {(byte) 0xab, 1})))
        .hasToString("Finalized[app h=4 ab01]");
    assertThat(new Observation.StateCertified(APP, 5, Bytes.of(new byte[] {(byte) 0xff})))
        .hasToString("StateCertified[app h=5 ff]");
    assertThat(new Observation.CombinedSignature(APP, "notarization", 6, Bytes.empty(),
        Bytes.empty(), Bytes.of(new byte[] {0x0c}))).hasToString(
        "CombinedSignature[app notarization h=6 sig=0c]");
  }

  @Test
  void aMissingHashIsRefused() {
    assertThatThrownBy(() -> new Observation.Finalized(APP, 1, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("blockHash");
  }
}
