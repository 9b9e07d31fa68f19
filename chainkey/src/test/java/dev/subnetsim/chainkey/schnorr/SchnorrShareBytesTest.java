package dev.subnetsim.chainkey.schnorr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answer for a Schnorr share's bytes (a share message on the wire). */
class SchnorrShareBytesTest {

  @Test
  void aShareIsTheU32IndexThenTheScalar() {
    SchnorrShare share = new SchnorrShare(7, EcScalar.of(EcCurve.SECP256K1, 258));
    String hex = "00000007" + "00".repeat(30) + "0102";
    assertThat(HexFormat.of().formatHex(share.toBytes())).isEqualTo(hex);
    SchnorrShare back = SchnorrShare.fromBytes(EcCurve.SECP256K1, HexFormat.of().parseHex(hex));
    assertThat(back.index()).isEqualTo(7);
    assertThat(back.s()).isEqualTo(share.s());
  }

  @Test
  void aShareOfAnotherLengthIsAnIllegalArgument() {
    assertThatThrownBy(() -> SchnorrShare.fromBytes(EcCurve.SECP256K1, new byte[35]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Schnorr share must be 36 bytes, got 35");
  }
}
