package dev.subnetsim.replica.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answer for the 8-byte labels and values of the certified tree. */
class ReplicatedStateBe64Test {

  @Test
  void be64IsTheLongAsEightBigEndianBytes() {
    assertThat(HexFormat.of().formatHex(ReplicatedState.be64(0x0102030405060708L)))
        .isEqualTo("0102030405060708");
    assertThat(HexFormat.of().formatHex(ReplicatedState.be64(-1))).isEqualTo("ffffffffffffffff");
  }

  @Test
  void fromBe64ReadsBe64AndRejectsAnyOtherLength() {
    assertThat(ReplicatedState.fromBe64(ReplicatedState.be64(-7), "r")).isEqualTo(-7);
    assertThatThrownBy(() -> ReplicatedState.fromBe64(new byte[7], "r"))
        .isExactlyInstanceOf(MalformedBytesException.class);
    assertThatThrownBy(() -> ReplicatedState.fromBe64(new byte[9], "r"))
        .isExactlyInstanceOf(MalformedBytesException.class);
  }
}
