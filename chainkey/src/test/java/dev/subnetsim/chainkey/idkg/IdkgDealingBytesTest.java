package dev.subnetsim.chainkey.idkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Known answers for a dealing's bytes (signed and hashed) and for how malformed ones fail. */
class IdkgDealingBytesTest {

  private static final EcCurve CURVE = EcCurve.SECP256K1;
  private static final HexFormat HEX = HexFormat.of();
  private static final TranscriptKind KIND = TranscriptKind.RESHARE_OF_MASKED;

  private static EcScalar s(long v) {
    return EcScalar.of(CURVE, v);
  }

  private static String p(long v) {
    return HEX.formatHex(EcPoint.mulGenerator(s(v)).encode());
  }

  private static String sx(long v) {
    return HEX.formatHex(s(v).toBytes());
  }

  private static IdkgDealing dealing() {
    TreeMap<Integer, EcScalar[]> cts = new TreeMap<>();
    cts.put(0, new EcScalar[] {s(6), s(7)});
    cts.put(3, new EcScalar[] {s(8), s(9)});
    return new IdkgDealing("t/1", 2, new PolynomialCommitment.Simple(List.of(
        EcPoint.mulGenerator(s(3)), EcPoint.mulGenerator(s(4)))), EcPoint.mulGenerator(s(5)), cts,
        Optional.of(new DealingProof.EqualOpening(s(10), s(11))));
  }

  private static final String HEADER = "00000003" + "742f31" + "00000002" + "00" + "00000002";

  @Test
  void aDealingIsIdDealerFlagCommitmentEphemeralCiphertextsAndLengthPrefixedProof() {
    byte[] b = dealing().toBytes();
    assertThat(HEX.formatHex(b)).isEqualTo(HEADER + p(3) + p(4) + p(5) + "00000002"
        + "00000000" + sx(6) + sx(7) + "00000003" + sx(8) + sx(9) + "00000040" + sx(10) + sx(11));
    assertThat(IdkgDealing.fromBytes(KIND, CURVE, b).toBytes()).isEqualTo(b);
  }

  @Test
  void eachDefectOfADealingIsAMalformedIdkgBytesExceptionNamingIt() {
    byte[] b = dealing().toBytes();
    expect(Arrays.copyOf(b, 2), "truncated dealing");
    expect(Arrays.copyOf(b, 40), "commitment point of 33 bytes overruns the dealing");
    expect(HEX.parseHex("7fffffff"), "transcript id of 2147483647 bytes exceeds 1024");
    expect(HEX.parseHex("ffffffff"), "transcript id of -1 bytes overruns the dealing");
    expect(HEX.parseHex("00000003742f310000000202"), "dealing commitment flag 2 (must be 0 or 1)");
    expect(HEX.parseHex("00000003742f3100000002ff"),
        "dealing commitment flag -1 (must be 0 or 1)");
    expect(HEX.parseHex("00000003742f3100000002" + "00" + "00000000"),
        "dealing with 0 coefficients");
    expect(Arrays.copyOf(b, b.length + 1), "trailing bytes after dealing");
    expect(Arrays.copyOf(b, b.length - 1), "proof of 64 bytes overruns the dealing");
    expect(Arrays.copyOf(b, b.length - 64 - 2), "truncated dealing");
    byte[] noProof = Arrays.copyOf(b, b.length - 64);
    noProof[noProof.length - 1] = 0;
    expect(noProof, "RESHARE_OF_MASKED proof must be 64 bytes, got 0");
  }

  private static void expect(byte[] bytes, String message) {
    assertThatThrownBy(() -> IdkgDealing.fromBytes(KIND, CURVE, bytes))
        .isExactlyInstanceOf(MalformedIdkgBytesException.class).hasMessage(message);
  }

  @Test
  void proofsAreTheirScalarsConcatenated() {
    assertThat(HEX.formatHex(new DealingProof.EqualOpening(s(1), s(2)).toBytes()))
        .isEqualTo(sx(1) + sx(2));
    assertThat(HEX.formatHex(new DealingProof.Product(s(1), s(2), s(3)).toBytes()))
        .isEqualTo(sx(1) + sx(2) + sx(3));
    assertThat(sx(258)).isEqualTo("00".repeat(30) + "0102");
  }
}
