package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Known-answer tests: SEC 2 generators, RFC 8032 public keys, RFC 7748 X25519, JCA keys. */
class EcCurveVectorsTest {

  @Test
  void generatorsAreTheSec2AndRfc8032BasePoints() {
    assertThat(Hex.toHexString(EcCurve.SECP256K1.generator().encode()))
        .isEqualTo("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
    assertThat(Hex.toHexString(EcCurve.P256.generator().encode()))
        .isEqualTo("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
    assertThat(Hex.toHexString(EcCurve.ED25519.generator().encode()))
        .isEqualTo("5866666666666666666666666666666666666666666666666666666666666666");
    assertThat(Hex.toHexString(EcCurve.ED25519.generator().montgomeryU()))
        .isEqualTo("0900000000000000000000000000000000000000000000000000000000000000");
  }

  @Test
  void ordersAreTheStandardOnes() {
    assertThat(EcCurve.SECP256K1.order().toString(16))
        .isEqualTo("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    assertThat(EcCurve.P256.order().toString(16))
        .isEqualTo("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    assertThat(EcCurve.ED25519.order())
        .isEqualTo(BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493")));
  }

  /** RFC 8032 section 5.1.5 key generation: clamp SHA-512(seed)[0..32], A = s*B. */
  private static byte[] ed25519PublicKey(byte[] seed) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
    byte[] s = java.util.Arrays.copyOf(h, 32);
    s[0] &= (byte) 0xf8;
    s[31] &= 0x7f;
    s[31] |= 0x40;
    return EcPoint.mulGenerator(EcScalar.fromBytesLittleEndianReduced(EcCurve.ED25519, s)).encode();
  }

  @Test
  void ed25519PublicKeysMatchRfc8032TestVectors() throws Exception {
    assertThat(Hex.toHexString(ed25519PublicKey(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(Hex.toHexString(ed25519PublicKey(Hex.decode("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"))))
        .isEqualTo("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025");
  }

  @Test
  void ed25519PublicKeysAgreeWithBouncyCastleRfc8032Code() throws Exception {
    SeededRandom rng = SeededRandom.fromSeed(8032);
    for (int i = 0; i < 20; i++) {
      byte[] seed = new byte[32];
      rng.nextBytes(seed);
      byte[] expected = new byte[32];
      Ed25519.generatePublicKey(seed, 0, expected, 0);
      byte[] ours = ed25519PublicKey(seed);
      assertThat(ours).isEqualTo(expected);
      assertThat(EcPoint.decode(EcCurve.ED25519, expected).encode()).isEqualTo(expected);
    }
  }

  private static EcScalar clampedX25519Scalar(byte[] k) {
    byte[] c = k.clone();
    c[0] &= (byte) 0xf8;
    c[31] &= 0x7f;
    c[31] |= 0x40;
    return EcScalar.fromBytesLittleEndianReduced(EcCurve.ED25519, c);
  }

  /** RFC 7748 section 6.1. */
  @Test
  void x25519MatchesRfc7748DiffieHellmanVector() {
    byte[] alicePriv = Hex.decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] bobPriv = Hex.decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    EcPoint alicePub = EcPoint.mulGenerator(clampedX25519Scalar(alicePriv));
    EcPoint bobPub = EcPoint.mulGenerator(clampedX25519Scalar(bobPriv));
    assertThat(Hex.toHexString(alicePub.montgomeryU()))
        .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(Hex.toHexString(bobPub.montgomeryU()))
        .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    EcPoint bobFromU = EcPoint.fromMontgomeryU(Hex.decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    assertThat(Hex.toHexString(bobFromU.mul(clampedX25519Scalar(alicePriv)).montgomeryU()))
        .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }

  @Test
  void x25519AgreesWithBouncyCastleRfc7748Code() {
    SeededRandom rng = SeededRandom.fromSeed(7748);
    for (int i = 0; i < 10; i++) {
      byte[] k = new byte[32];
      byte[] j = new byte[32];
      rng.nextBytes(k);
      rng.nextBytes(j);
      byte[] peerU = new byte[32];
      X25519.scalarMultBase(j, 0, peerU, 0);
      byte[] expected = new byte[32];
      X25519.scalarMult(k, 0, peerU, 0, expected, 0);
      assertThat(EcPoint.fromMontgomeryU(peerU).mul(clampedX25519Scalar(k)).montgomeryU()).isEqualTo(expected);
    }
  }

  @Test
  void jcaKeyPairsHaveTheSamePublicPointAsOurGeneratorMultiple() throws Exception {
    String[][] curves = {{"secp256r1", "P256"}};
    for (String[] c : curves) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(c[0]), SeededRandom.fromSeed(256));
      var kp = g.generateKeyPair();
      BigInteger s = ((ECPrivateKey) kp.getPrivate()).getS();
      var w = ((ECPublicKey) kp.getPublic()).getW();
      EcCurve curve = EcCurve.valueOf(c[1]);
      EcPoint ours = EcPoint.mulGenerator(EcScalar.of(curve, s));
      assertThat(ours).isEqualTo(EcPoint.fromAffine(curve, w.getAffineX(), w.getAffineY()));
    }
  }

  @Test
  void secp256k1SmallMultiplesMatchKnownValues() {
    // 2G and 3G of secp256k1 (well-known values).
    EcPoint g = EcCurve.SECP256K1.generator();
    assertThat(Hex.toHexString(g.add(g).encode()))
        .isEqualTo("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
    assertThat(Hex.toHexString(g.mul(EcScalar.of(EcCurve.SECP256K1, 3)).encode()))
        .isEqualTo("02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9");
  }
}
