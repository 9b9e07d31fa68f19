package dev.subnetsim.chainkey.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.BlsArtifact;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import dev.subnetsim.chainkey.bls.BlsSignatures;
import dev.subnetsim.chainkey.bls.BlsTestVectors;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.CombinedSignature;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * BLS artifacts of the Java code (chainkey.bls, chainkey.threshold) verified by noble's
 * bls12_381 min-sig in Node: plain signatures (BlsTestVectors), threshold signatures combined from
 * shares with Byzantine shares among them, at the low (f+1, random beacon) and high (n-f,
 * certification) thresholds, and multi-signatures (notarization). Tampered copies are rejected.
 */
class ThresholdBlsInteropTest {
  private static final String DST = DomainSeparators.BLS_SIG_DST;

  private static BlsArtifact artifact(String keyId, long height, byte[] pk, byte[] msg, byte[] sig) {
    return new BlsArtifact(new ArtifactOrigin("subnet-a", height, keyId), Bytes.of(pk), Bytes.of(msg),
        Bytes.of(sig), DST);
  }

  @Test
  void blsTestVectorsVerifyInNoble() {
    List<ChainKeyArtifact> artifacts = new ArrayList<>();
    for (long seed = 1; seed <= 5; seed++) {
      BlsTestVectors.Vector v = BlsTestVectors.fromSeed(seed);
      assertThat(v.dst()).isEqualTo(DST);
      artifacts.add(new BlsArtifact(new ArtifactOrigin("vectors", seed, "bls"),
          Bytes.of(v.publicKey()), Bytes.of(v.message()), Bytes.of(v.signature()), v.dst()));
    }
    NodeHarness.Verification v = NodeHarness.locate().verify(artifacts);
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  @Test
  void thresholdSignaturesWithByzantineSharesVerifyInNobleAtBothThresholds() {
    SeededRandom rng = SeededRandom.fromSeed(7);
    ThresholdBls tbls = ThresholdBls.ic();
    int n = 13;
    int f = Thresholds.faultsTolerated(n);
    List<ChainKeyArtifact> valid = new ArrayList<>();
    List<ChainKeyArtifact> tampered = new ArrayList<>();
    for (int threshold : List.of(Thresholds.low(n), Thresholds.high(n))) {
      ThresholdKeySet keys = ThresholdBls.generateKeys(n, threshold, rng.fork("keys-" + threshold));
      byte[] msg = ("state root at height " + threshold).getBytes(StandardCharsets.UTF_8);
      Map<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        G1Point share = tbls.signShare(keys.secretKeyShare(i), msg);
        // The f lowest-index nodes are Byzantine: they send a share of another message.
        shares.put(i, i < f ? tbls.signShare(keys.secretKeyShare(i), "forged".getBytes(StandardCharsets.UTF_8)) : share);
      }
      CombinedSignature combined = tbls.combineVerified(keys.publicCoefficients(), msg, shares, rng.fork("batch-" + threshold));
      assertThat(combined.invalidIndices()).hasSize(f);
      byte[] pk = keys.publicKey().toBytes();
      byte[] sig = combined.signature().toBytes();
      valid.add(artifact("threshold-" + threshold, threshold, pk, msg, sig));
      tampered.add(artifact("flipped", threshold, pk, msg, Tamper.flipBit(sig, 40, 2)));
      tampered.add(artifact("wrong-message", threshold, pk, "other".getBytes(StandardCharsets.UTF_8), sig));
      tampered.add(artifact("wrong-key", threshold, keys.publicCoefficients().publicKeyShare(0).toBytes(), msg, sig));
      // A combination that includes the Byzantine shares is not a signature under the key.
      G1Point unchecked = tbls.combine(threshold, shares);
      tampered.add(artifact("byzantine-combination", threshold, pk, msg, unchecked.toBytes()));
    }
    NodeHarness.Verification ok = NodeHarness.locate().verify(valid);
    assertThat(ok.allOk()).as(ok.output()).isTrue();
    NodeHarness.Verification bad = NodeHarness.locate().verify(tampered);
    assertThat(bad.lines()).as(bad.output()).noneMatch(NodeHarness.LineResult::ok);
    assertThat(bad.exitCode()).isEqualTo(1);
  }

  @Test
  void notarizationMultiSignatureVerifiesInNobleUnderTheAggregatedKey() {
    SeededRandom rng = SeededRandom.fromSeed(11);
    BlsSignatures bls = new JblstBlsSignatures();
    int n = 7;
    byte[] block = "notarize block 0xabc at height 3".getBytes(StandardCharsets.UTF_8);
    List<PublicKey> signers = new ArrayList<>();
    List<Signature> signatures = new ArrayList<>();
    for (int i = 0; i < Thresholds.high(n); i++) {
      KeyPair kp = bls.generateKeyPair(rng.fork("node-" + i));
      signers.add(kp.publicKey());
      signatures.add(bls.sign(kp.secretKey(), block));
    }
    Signature multi = bls.aggregate(signatures);
    assertThat(bls.verifyMultiSignature(signers, block, multi)).isTrue();
    byte[] aggregatedKey = bls.aggregatePublicKeys(signers).toBytes();
    byte[] missingOne = bls.aggregatePublicKeys(signers.subList(1, signers.size())).toBytes();
    NodeHarness.Verification v = NodeHarness.locate().verify(List.of(
        artifact("notarization", 3, aggregatedKey, block, multi.toBytes()),
        artifact("notarization-missing-signer", 3, missingOne, block, multi.toBytes())));
    assertThat(v.lines()).extracting(NodeHarness.LineResult::ok).as(v.output()).containsExactly(true, false);
  }
}
