package dev.subnetsim.chainkey.schnorr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.IdkgPresignatures;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr.Algorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threshold Schnorr over IDKG presignatures: BIP340 (checked against BIP340's published test
 * vector and by the independent verifier of the Node harness elsewhere), with and without a BIP341
 * taproot tweak, and Ed25519 (checked by Bouncy Castle's Ed25519Signer); bad shares attributed.
 */
class ThresholdSchnorrTest {
  private static final HexFormat HEX = HexFormat.of();

  private static DerivedKey derived(IdkgPresignatures c, String path) {
    return IcKeyDerivation.derive(c.keyTranscript().commitment().constantTerm(),
        DerivationPath.forCanister(new byte[] {0, 0, 0, 0, 0, 0, 0, 9, 1, 1},
            List.of(path.getBytes(StandardCharsets.UTF_8))));
  }

  private static byte[] sign(Algorithm alg, IdkgPresignatures c, SchnorrRequest req, String id,
      int corrupt) {
    var pre = c.schnorr(id);
    List<SchnorrShare> shares = new ArrayList<>();
    pre.nonces().forEach((i, k) -> {
      SchnorrShare s = ThresholdSchnorr.createShare(alg, pre.presignature(), req, i, k,
          pre.keys().get(i));
      if (i == corrupt) {
        s = new SchnorrShare(i, s.s().add(EcScalar.one(c.keyTranscript().curve())));
      }
      shares.add(s);
    });
    var combined = ThresholdSchnorr.combine(alg, pre.presignature(), req, shares);
    if (corrupt >= 0) {
      assertThat(combined.rejected()).containsExactly(corrupt);
    }
    return combined.signature();
  }

  @Test
  void ourBip340VerifierAcceptsBip340TestVectorZeroAndRejectsATamperedCopy() {
    byte[] pk = HEX.parseHex("f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9");
    byte[] msg = new byte[32];
    byte[] sig = HEX.parseHex("e907831f80848d1069a5371b402410364bdf1c5f8307b0084c55f1ce2dca8215"
        + "25f66a4a85ea8b71e482a74f382d2ce5ebeee8fdb2172f477df4900d310536c0");
    assertThat(ThresholdSchnorr.verify(Algorithm.BIP340, pk, msg, sig)).isTrue();
    sig[63] ^= 1;
    assertThat(ThresholdSchnorr.verify(Algorithm.BIP340, pk, msg, sig)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void bip340SignaturesVerifyUnderTheDerivedXOnlyKeyWithAndWithoutTaproot(boolean taproot) {
    IdkgPresignatures c = new IdkgPresignatures(EcCurve.SECP256K1, 4, 21);
    byte[] msg = "spend output 0".getBytes(StandardCharsets.UTF_8);
    SchnorrRequest req = new SchnorrRequest(msg, derived(c, "btc"), new byte[] {1},
        taproot ? Optional.of(new byte[0]) : Optional.empty());
    byte[] sig = sign(Algorithm.BIP340, c, req, "s1", -1);
    byte[] key = ThresholdSchnorr.verificationKey(Algorithm.BIP340, req);
    assertThat(ThresholdSchnorr.verify(Algorithm.BIP340, key, msg, sig)).isTrue();
    assertThat(ThresholdSchnorr.verify(Algorithm.BIP340, key, "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    if (taproot) {
      byte[] untweaked = ThresholdSchnorr.verificationKey(Algorithm.BIP340,
          new SchnorrRequest(msg, req.derivedKey(), new byte[] {1}, Optional.empty()));
      assertThat(ThresholdSchnorr.verify(Algorithm.BIP340, untweaked, msg, sig)).isFalse();
    }
  }

  @Test
  void ed25519SignaturesVerifyWithBouncyCastleAndAByzantineShareIsAttributed() {
    IdkgPresignatures c = new IdkgPresignatures(EcCurve.ED25519, 7, 22);
    byte[] msg = "sign in".getBytes(StandardCharsets.UTF_8);
    SchnorrRequest req = new SchnorrRequest(msg, derived(c, "id"), new byte[] {2}, Optional.empty());
    byte[] sig = sign(Algorithm.ED25519, c, req, "e1", 4);
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(ThresholdSchnorr.verificationKey(Algorithm.ED25519, req)));
    v.update(msg, 0, msg.length);
    assertThat(v.verifySignature(sig)).isTrue();
    Ed25519Signer w = new Ed25519Signer();
    w.init(false, new Ed25519PublicKeyParameters(ThresholdSchnorr.verificationKey(Algorithm.ED25519, req)));
    w.update(new byte[] {9}, 0, 1);
    assertThat(w.verifySignature(sig)).isFalse();
  }

  @Test
  void tooFewValidSharesAreRefusedAndAWrongCurveIsRejected() {
    IdkgPresignatures c = new IdkgPresignatures(EcCurve.SECP256K1, 4, 23);
    var pre = c.schnorr("x");
    SchnorrRequest req = new SchnorrRequest(new byte[] {1}, derived(c, "x"), new byte[0], Optional.empty());
    SchnorrShare one = ThresholdSchnorr.createShare(Algorithm.BIP340, pre.presignature(), req, 0,
        pre.nonces().get(0), pre.keys().get(0));
    assertThatThrownBy(() -> ThresholdSchnorr.combine(Algorithm.BIP340, pre.presignature(), req,
        List.of(one))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2");
    assertThatThrownBy(() -> ThresholdSchnorr.createShare(Algorithm.ED25519, pre.presignature(), req,
        0, pre.nonces().get(0), pre.keys().get(0))).isInstanceOf(IllegalArgumentException.class);
    assertThat(SchnorrShare.fromBytes(EcCurve.SECP256K1, one.toBytes())).isEqualTo(one);
  }
}
