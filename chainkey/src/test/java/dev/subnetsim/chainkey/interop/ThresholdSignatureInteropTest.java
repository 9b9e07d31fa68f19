package dev.subnetsim.chainkey.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import dev.subnetsim.chainkey.artifacts.EcdsaArtifact;
import dev.subnetsim.chainkey.artifacts.EcdsaCurve;
import dev.subnetsim.chainkey.artifacts.KeyDerivation;
import dev.subnetsim.chainkey.artifacts.SchnorrAlgorithm;
import dev.subnetsim.chainkey.artifacts.SchnorrArtifact;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdsa.EcdsaRequest;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.idkg.IdkgPresignatures;
import dev.subnetsim.chainkey.schnorr.SchnorrRequest;
import dev.subnetsim.chainkey.schnorr.SchnorrShare;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Threshold ECDSA and Schnorr signatures, from keys and presignatures made by IDKG, checked by the
 * Node harness: noble verifies each signature (ECDSA with lowS, BIP340, Ed25519) and
 * @dfinity/ic-pub-key re-derives each public key from the master key, canister and path.
 * Tampered copies fail.
 */
class ThresholdSignatureInteropTest {
  private static final byte[] CANISTER = {0, 0, 0, 0, 0, 0, 0, 9, 1, 1};
  private static final List<byte[]> PATH = List.of("wallet".getBytes(StandardCharsets.UTF_8),
      new byte[] {0, 0, 0, 7});

  private static DerivedKey derived(IdkgPresignatures c) {
    return IcKeyDerivation.derive(c.keyTranscript().commitment().constantTerm(),
        DerivationPath.forCanister(CANISTER, PATH));
  }

  private static KeyDerivation derivation(IdkgPresignatures c) {
    return new KeyDerivation(Bytes.of(c.keyTranscript().commitment().constantTerm().encode()),
        Bytes.of(IcKeyDerivation.masterChainCode()), Principal.fromBytes(CANISTER).toText(),
        Bytes.ofEach(PATH));
  }

  private static EcdsaArtifact ecdsa(EcCurve curve, long seed) throws Exception {
    IdkgPresignatures c = new IdkgPresignatures(curve, 4, seed);
    var pre = c.ecdsa("p");
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(("tx" + seed).getBytes(StandardCharsets.UTF_8));
    EcdsaRequest req = new EcdsaRequest(hash, derived(c), new byte[] {(byte) seed});
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    pre.shares().forEach((i, s) -> shares.add(ThresholdEcdsa.createShare(pre.presignature(), req, i, s)));
    byte[] sig = ThresholdEcdsa.combine(pre.presignature(), req, shares).signature();
    return new EcdsaArtifact(new ArtifactOrigin("signing", 1, "key_1"),
        curve == EcCurve.SECP256K1 ? EcdsaCurve.SECP256K1 : EcdsaCurve.P256, derivation(c),
        Bytes.of(req.derivedKey().publicKey().encode()), Bytes.of(hash), Bytes.of(sig));
  }

  private static SchnorrArtifact schnorr(ThresholdSchnorr.Algorithm alg, long seed) {
    EcCurve curve = alg == ThresholdSchnorr.Algorithm.BIP340 ? EcCurve.SECP256K1 : EcCurve.ED25519;
    IdkgPresignatures c = new IdkgPresignatures(curve, 4, seed);
    var pre = c.schnorr("s");
    byte[] msg = ("message " + seed).getBytes(StandardCharsets.UTF_8);
    SchnorrRequest req = new SchnorrRequest(msg, derived(c), new byte[] {(byte) seed}, Optional.empty());
    List<SchnorrShare> shares = new ArrayList<>();
    pre.nonces().forEach((i, k) -> shares.add(ThresholdSchnorr.createShare(alg, pre.presignature(),
        req, i, k, pre.keys().get(i))));
    byte[] sig = ThresholdSchnorr.combine(alg, pre.presignature(), req, shares).signature();
    EcPoint pk = req.derivedKey().publicKey();
    return new SchnorrArtifact(new ArtifactOrigin("signing", 1, "key_1"),
        alg == ThresholdSchnorr.Algorithm.BIP340 ? SchnorrAlgorithm.BIP340 : SchnorrAlgorithm.ED25519,
        derivation(c), Bytes.of(pk.encode()), Bytes.of(msg), Bytes.of(sig));
  }

  @Test
  void nobleAndIcPubKeyAcceptThresholdSignaturesAndRejectTamperedOnes() throws Exception {
    List<ChainKeyArtifact> valid = List.of(ecdsa(EcCurve.SECP256K1, 31), ecdsa(EcCurve.P256, 32),
        schnorr(ThresholdSchnorr.Algorithm.BIP340, 33), schnorr(ThresholdSchnorr.Algorithm.ED25519, 34));
    List<ChainKeyArtifact> all = new ArrayList<>(valid);
    EcdsaArtifact e = (EcdsaArtifact) valid.get(0);
    byte[] badSig = e.signature().toArray();
    badSig[40] ^= 1;
    all.add(new EcdsaArtifact(e.origin(), e.curve(), e.derivation(), e.publicKey(), e.messageHash(),
        Bytes.of(badSig)));
    SchnorrArtifact s = (SchnorrArtifact) valid.get(3);
    KeyDerivation otherPath = new KeyDerivation(s.derivation().masterPublicKey(),
        s.derivation().chainCode(), s.derivation().canisterId(), List.of(Bytes.fromHex("01")));
    all.add(new SchnorrArtifact(s.origin(), s.algorithm(), otherPath, s.publicKey(), s.message(),
        s.signature()));
    NodeHarness.Verification v = NodeHarness.locate().verify(all);
    for (int i = 1; i <= valid.size(); i++) {
      assertThat(v.line(i).ok()).as("line %d: %s", i, v.line(i).detail()).isTrue();
      assertThat(v.line(i).detail()).contains("derivation by");
    }
    assertThat(v.line(5).ok()).isFalse();
    assertThat(v.line(6).ok()).as("wrong derivation path").isFalse();
  }
}
