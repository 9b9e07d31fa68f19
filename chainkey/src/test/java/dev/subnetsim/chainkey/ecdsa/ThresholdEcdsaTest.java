package dev.subnetsim.chainkey.ecdsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgPresignatures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Threshold ECDSA over presignatures made by IDKG (no trusted dealer): signatures under derived
 * keys verify with Bouncy Castle's ECDSASigner, s is low, bad shares are attributed, too few shares
 * are refused, and two requests on one presignature key get different R.
 */
class ThresholdEcdsaTest {

  private static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  private static DerivedKey derived(IdkgPresignatures c) {
    return IcKeyDerivation.derive(c.keyTranscript().commitment().constantTerm(),
        DerivationPath.forCanister(new byte[] {0, 0, 0, 0, 0, 0, 0, 9, 1, 1},
            List.of("wallet".getBytes(StandardCharsets.UTF_8))));
  }

  /** Bouncy Castle's own ECDSA verification. */
  private static boolean bcVerifies(DerivedKey key, byte[] hash, byte[] sig) {
    X9ECParameters x9 = CustomNamedCurves.getByName(
        key.publicKey().curve() == EcCurve.SECP256K1 ? "secp256k1" : "secp256r1");
    ECDomainParameters d = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    ECDSASigner v = new ECDSASigner();
    v.init(false, new ECPublicKeyParameters(x9.getCurve().decodePoint(key.publicKey().encode()), d));
    return v.verifySignature(hash, new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32)),
        new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)));
  }

  @ParameterizedTest
  @EnumSource(value = EcCurve.class, names = {"SECP256K1", "P256"})
  void sharesCombineIntoALowSSignatureThatBouncyCastleVerifiesUnderTheDerivedKey(EcCurve curve)
      throws Exception {
    IdkgPresignatures c = new IdkgPresignatures(curve, 4, 11);
    var pre = c.ecdsa("p1");
    EcdsaRequest req = new EcdsaRequest(sha256("tx 1"), derived(c), sha256("beacon 1"));
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    pre.shares().forEach((i, s) -> shares.add(ThresholdEcdsa.createShare(pre.presignature(), req, i, s)));
    assertThat(shares).allSatisfy(s -> assertThat(ThresholdEcdsa.verifyShare(pre.presignature(), req, s)).isTrue());
    ThresholdEcdsa.Combined sig = ThresholdEcdsa.combine(pre.presignature(), req, shares);
    assertThat(sig.signature()).hasSize(64);
    assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(sig.signature(), 32, 64)))
        .isLessThanOrEqualTo(curve.order().shiftRight(1));
    assertThat(bcVerifies(req.derivedKey(), req.messageHash(), sig.signature())).isTrue();
    assertThat(bcVerifies(req.derivedKey(), sha256("tx 2"), sig.signature())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = EcCurve.class, names = {"SECP256K1", "P256"})
  void combiningPreVerifiedSharesGivesTheSameSignatureAsCombiningWithVerification(EcCurve curve)
      throws Exception {
    IdkgPresignatures c = new IdkgPresignatures(curve, 7, 13);
    var pre = c.ecdsa("p4");
    EcdsaRequest req = new EcdsaRequest(sha256("tx 4"), derived(c), sha256("beacon 4"));
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    pre.shares().forEach((i, s) -> shares.add(ThresholdEcdsa.createShare(pre.presignature(), req, i, s)));
    ThresholdEcdsa.Combined checked = ThresholdEcdsa.combine(pre.presignature(), req, shares);
    List<EcdsaSignatureShare> reversed = new ArrayList<>(shares);
    java.util.Collections.reverse(reversed);
    ThresholdEcdsa.Combined trusted = ThresholdEcdsa.combineVerified(pre.presignature(), req,
        reversed);
    assertThat(trusted.signature()).isEqualTo(checked.signature());
    assertThat(trusted.contributors()).isEqualTo(checked.contributors());
    assertThat(bcVerifies(req.derivedKey(), req.messageHash(), trusted.signature())).isTrue();
    assertThatThrownBy(() -> ThresholdEcdsa.combineVerified(pre.presignature(), req,
        shares.subList(0, pre.presignature().threshold() - 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valid shares");
    List<EcdsaSignatureShare> twice = new ArrayList<>(shares);
    twice.add(shares.get(0));
    assertThatThrownBy(() -> ThresholdEcdsa.combineVerified(pre.presignature(), req, twice))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two ECDSA shares");
  }

  @ParameterizedTest
  @EnumSource(value = EcCurve.class, names = {"SECP256K1", "P256"})
  void byzantineSharesAreAttributedAndTheHonestOnesStillSign(EcCurve curve) throws Exception {
    IdkgPresignatures c = new IdkgPresignatures(curve, 7, 12);
    var pre = c.ecdsa("p2");
    EcdsaRequest req = new EcdsaRequest(sha256("tx"), derived(c), sha256("beacon"));
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    pre.shares().forEach((i, s) -> {
      EcdsaSignatureShare share = ThresholdEcdsa.createShare(pre.presignature(), req, i, s);
      if (i == 0 || i == 3) { // f = 2 Byzantine nodes: a tampered value, a share under another index
        share = i == 0 ? new EcdsaSignatureShare(0, new CommitmentOpening.Pedersen(
            share.numerator().value().add(EcScalar.one(curve)), share.numerator().mask()),
            share.denominator()) : new EcdsaSignatureShare(3, shares.get(1).numerator(),
            shares.get(1).denominator());
      }
      shares.add(share);
    });
    ThresholdEcdsa.Combined sig = ThresholdEcdsa.combine(pre.presignature(), req, shares);
    assertThat(sig.rejected()).containsExactly(0, 3);
    assertThat(bcVerifies(req.derivedKey(), req.messageHash(), sig.signature())).isTrue();
    assertThatThrownBy(() -> ThresholdEcdsa.combine(pre.presignature(), req, shares.subList(0, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid shares from [0]");
  }

  @ParameterizedTest
  @EnumSource(value = EcCurve.class, names = {"SECP256K1"})
  void sharesSurviveTheirByteFormAndRequestsRerandomizeR(EcCurve curve) throws Exception {
    IdkgPresignatures c = new IdkgPresignatures(curve, 4, 13);
    var pre = c.ecdsa("p3");
    EcdsaRequest a = new EcdsaRequest(sha256("m"), derived(c), sha256("r1"));
    EcdsaRequest b = new EcdsaRequest(sha256("m"), derived(c), sha256("r2"));
    EcdsaSignatureShare s = ThresholdEcdsa.createShare(pre.presignature(), a, 2, pre.shares().get(2));
    assertThat(EcdsaSignatureShare.fromBytes(curve, s.toBytes())).isEqualTo(s);
    assertThat(a.rerandomizedR(pre.presignature())).isNotEqualTo(b.rerandomizedR(pre.presignature()));
    assertThat(a.rerandomizedR(pre.presignature())).isNotEqualTo(pre.presignature().r());
    assertThatThrownBy(() -> EcdsaSignatureShare.fromBytes(curve, new byte[10]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
