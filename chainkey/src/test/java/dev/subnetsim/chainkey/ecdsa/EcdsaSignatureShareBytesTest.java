package dev.subnetsim.chainkey.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answer for an ECDSA signature share's bytes (a share message on the wire). */
class EcdsaSignatureShareBytesTest {

  private static EcScalar s(long v) {
    return EcScalar.of(EcCurve.SECP256K1, v);
  }

  private static String sx(int v) {
    return "00".repeat(31) + String.format("%02x", v);
  }

  @Test
  void aShareIsTheU32IndexThenNumeratorAndDenominatorValueAndMask() {
    EcdsaSignatureShare share = new EcdsaSignatureShare(5,
        new CommitmentOpening.Pedersen(s(1), s(2)), new CommitmentOpening.Pedersen(s(3), s(4)));
    String hex = "00000005" + sx(1) + sx(2) + sx(3) + sx(4);
    assertThat(HexFormat.of().formatHex(share.toBytes())).isEqualTo(hex);
    EcdsaSignatureShare back = EcdsaSignatureShare.fromBytes(EcCurve.SECP256K1,
        HexFormat.of().parseHex(hex));
    assertThat(back.index()).isEqualTo(5);
    assertThat(back.toBytes()).isEqualTo(share.toBytes());
  }

  @Test
  void aShareOfAnotherLengthIsAnIllegalArgument() {
    assertThatThrownBy(() -> EcdsaSignatureShare.fromBytes(EcCurve.SECP256K1, new byte[131]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ECDSA signature share must be 132 bytes, got 131");
  }
}
