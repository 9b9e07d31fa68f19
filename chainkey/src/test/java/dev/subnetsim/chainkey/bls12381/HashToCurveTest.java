package dev.subnetsim.chainkey.bls12381;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashToCurveTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String XMD_DST = "QUUX-V01-CS02-with-expander-SHA256-128";
  private static final String G1_DST = "QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_";

  private static byte[] msg(String name) {
    return switch (name) {
      case "q128" -> ("q128_" + "q".repeat(128)).getBytes(StandardCharsets.US_ASCII);
      case "a512" -> ("a512_" + "a".repeat(512)).getBytes(StandardCharsets.US_ASCII);
      case "empty" -> new byte[0];
      default -> name.getBytes(StandardCharsets.US_ASCII);
    };
  }

  /** RFC 9380 Appendix K.1, expand_message_xmd(SHA-256), DST QUUX-V01-CS02-with-expander-SHA256-128. */
  @ParameterizedTest
  @CsvSource({
    "empty, 32, 68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235",
    "abc, 32, d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615",
    "abcdef0123456789, 32, eff31487c770a893cfb36f912fbfcbff40d5661771ca4b2cb4eafe524333f5c1",
    "q128, 32, b23a1d2b4d97b2ef7785562a7e8bac7eed54ed6e97e29aa51bfe3f12ddad1ff9",
    "a512, 32, 4623227bcc01293b8c130bf771da8c298dede7383243dc0993d2d94823958c4c",
    "empty, 128, af84c27ccfd45d41914fdff5df25293e221afc53d8ad2ac06d5e3e29485dadbee0d121587713a3e0dd4d5e69e93eb7cd4f5df4cd103e188cf60cb02edc3edf18eda8576c412b18ffb658e3dd6ec849469b979d444cf7b26911a08e63cf31f9dcc541708d3491184472c2c29bb749d4286b004ceb5ee6b9a7fa5b646c993f0ced",
    "abc, 128, abba86a6129e366fc877aab32fc4ffc70120d8996c88aee2fe4b32d6c7b6437a647e6c3163d40b76a73cf6a5674ef1d890f95b664ee0afa5359a5c4e07985635bbecbac65d747d3d2da7ec2b8221b17b0ca9dc8a1ac1c07ea6a1e60583e2cb00058e77b7b72a298425cd1b941ad4ec65e8afc50303a22c0f99b0509b4c895f40",
    "abcdef0123456789, 128, ef904a29bffc4cf9ee82832451c946ac3c8f8058ae97d8d629831a74c6572bd9ebd0df635cd1f208e2038e760c4994984ce73f0d55ea9f22af83ba4734569d4bc95e18350f740c07eef653cbb9f87910d833751825f0ebefa1abe5420bb52be14cf489b37fe1a72f7de2d10be453b2c9d9eb20c7e3f6edc5a60629178d9478df",
    "q128, 128, 80be107d0884f0d881bb460322f0443d38bd222db8bd0b0a5312a6fedb49c1bbd88fd75d8b9a09486c60123dfa1d73c1cc3169761b17476d3c6b7cbbd727acd0e2c942f4dd96ae3da5de368d26b32286e32de7e5a8cb2949f866a0b80c58116b29fa7fabb3ea7d520ee603e0c25bcaf0b9a5e92ec6a1fe4e0391d1cdbce8c68a",
    "a512, 128, 546aff5444b5b79aa6148bd81728704c32decb73a3ba76e9e75885cad9def1d06d6792f8a7d12794e90efed817d96920d728896a4510864370c207f99bd4a608ea121700ef01ed879745ee3e4ceef777eda6d9e5e38b90c86ea6fb0b36504ba4a45d22e86f6db5dd43d98a294bebb9125d5b794e9d2a81181066eb954966a487",
  })
  void expandMessageXmdMatchesRfc9380AppendixK1(String msgName, int len, String expectedHex) {
    assertThat(HEX.formatHex(HashToCurve.expandMessageXmd(msg(msgName), XMD_DST, len)))
        .isEqualTo(expectedHex);
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
    byte[] wide = HashToCurve.expandMessageXmd(m, "dst", 48);
    Scalar s = HashToCurve.hashToScalar("dst", m);
    assertThat(s.toBigInteger())
        .isEqualTo(new java.math.BigInteger(1, wide).mod(Scalar.ORDER));
    assertThat(HashToCurve.hashToScalar("dst2", m)).isNotEqualTo(s);
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> HashToCurve.expandMessageXmd(new byte[0], "d", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashToCurve.expandMessageXmd(new byte[0], "d", 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashToCurve.expandMessageXmd(new byte[0], "d".repeat(256), 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HashToCurve.hashToG1(new byte[0], "d\u00e9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
