package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.hash.ExpandMessageXmd;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashToCurveTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String G1_DST = "QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_";

  private static byte[] msg(String name) {
    return "empty".equals(name) ? new byte[0] : name.getBytes(StandardCharsets.US_ASCII);
  }

  /** RFC 9380 Appendix J.9.1, BLS12381G1_XMD:SHA-256_SSWU_RO_ (uncompressed x || y). */
  @ParameterizedTest
  @CsvSource({
    "empty, 052926add2207b76ca4fa57a8734416c8dc95e24501772c814278700eed6d1e4e8cf62d9c09db0fac349612b759e79a108ba738453bfed09cb546dbb0783dbb3a5f1f566ed67bb6be0e8c67e2e81a4cc68ee29813bb7994998f3eae0c9c6a265",
    "abc, 03567bc5ef9c690c2ab2ecdf6a96ef1c139cc0b2f284dca0a9a7943388a49a3aee664ba5379a7655d3c68900be2f69030b9c15f3fe6e5cf4211f346271d7b01c8f3b28be689c8429c85b67af215533311f0b8dfaaa154fa6b88176c229f2885d",
    "abcdef0123456789, 11e0b079dea29a68f0383ee94fed1b940995272407e3bb916bbf268c263ddd57a6a27200a784cbc248e84f357ce82d9803a87ae2caf14e8ee52e51fa2ed8eefe80f02457004ba4d486d6aa1f517c0889501dc7413753f9599b099ebcbbd2d709",
  })
  void hashToG1MatchesRfc9380AppendixJ91(String msgName, String expectedXy) {
    G1Point p = HashToCurve.hashToG1(msg(msgName), G1_DST);
    assertThat(HEX.formatHex(p.toUncompressedBytes())).isEqualTo(expectedXy);
  }

  @Test
  void hashToG1DependsOnTheDst() {
    byte[] m = msg("abc");
    assertThat(HashToCurve.hashToG1(m, G1_DST)).isNotEqualTo(HashToCurve.hashToG1(m, G1_DST + "x"));
  }

  @Test
  void hashToScalarIsExpandMessageOfFortyEightBytesReducedModR() {
    byte[] m = msg("abc");
    byte[] wide = ExpandMessageXmd.expand(m, "dst", 48);
    Scalar s = HashToCurve.hashToScalar("dst", m);
    assertThat(s.toBigInteger())
        .isEqualTo(new java.math.BigInteger(1, wide).mod(Scalar.ORDER));
    assertThat(HashToCurve.hashToScalar("dst2", m)).isNotEqualTo(s);
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> HashToCurve.hashToScalar("", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DST");
    assertThatThrownBy(() -> HashToCurve.hashToG1(new byte[0], "d\u00e9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
