package dev.subnetsim.chainkey.ic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answer for the canister-id principal form {@code u64 index || 0x01 0x01}. */
class CanisterIdsBytesTest {

  @Test
  void aCanisterIdIsTheU64IndexThenOneOne() {
    Principal p = CanisterIds.fromIndex(258);
    assertThat(HexFormat.of().formatHex(p.toBytes())).isEqualTo("0000000000000102" + "0101");
    assertThat(CanisterIds.index(p)).isEqualTo(258);
  }

  @Test
  void aPrincipalOfAnotherShapeHasNoIndex() {
    Principal p = Principal.fromBytes(HexFormat.of().parseHex("00000000000001020102"));
    assertThatThrownBy(() -> CanisterIds.index(p)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a canister id of the form u64 · 0x0101: ");
  }
}
