package dev.subnetsim.chainkey.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.BlsArtifact;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import dev.subnetsim.chainkey.artifacts.VetKdArtifact;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.ShareOpening;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import dev.subnetsim.chainkey.vetkd.CombinedEncryptedKey;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyShare;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.chainkey.vetkd.VetKdNode;
import dev.subnetsim.chainkey.vetkd.VetKdRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * vetKD encrypted keys of the Java code (chainkey.vetkd) decrypted and verified by
 * {@code EncryptedVetKey.decryptAndVerify} of @dfinity/vetkeys 0.4.0, with the derived key computed
 * by @dfinity/vetkeys from the master key (not taken from Java); master keys dealt by threshold
 * key generation and by the DKG without a trusted dealer; Byzantine shares excluded. Tampered
 * copies are rejected, and the Java derivation matches @dfinity/vetkeys for the published
 * production master keys.
 */
class VetKdInteropTest {
  private static final String CANISTER = "rdmx6-jaaaa-aaaaa-aaadq-cai";
  private static final byte[] CANISTER_BYTES = HexFormat.of().parseHex("00000000000000070101");
  private static final String OTHER_CANISTER = "ryjl3-tyaaa-aaaaa-aaaba-cai";
  private static final byte[] INPUT = "alice@example.org".getBytes(StandardCharsets.UTF_8);

  private static VetKdArtifact encryptedKey(String keyId, PublicCoefficients pc,
      Function<Integer, Scalar> keyShare, byte[] context, SeededRandom rng, int byzantine) {
    TransportSecretKey tsk = TransportSecretKey.random(rng.fork("client"));
    VetKdRequest request =
        new VetKdRequest(DerivationContext.of(CANISTER_BYTES, context), INPUT, tsk.publicKey());
    VetKdRequest.Prepared prepared = request.prepare(pc.publicKey());
    Map<Integer, EncryptedKeyShare> shares = new TreeMap<>();
    for (int i = 0; i < pc.threshold() + byzantine; i++) {
      // The first `byzantine` nodes answer with a share for another key (their share + 1).
      Scalar share = i < byzantine ? keyShare.apply(i).add(Scalar.ONE) : keyShare.apply(i);
      shares.put(i, VetKdNode.createShare(prepared, share, rng.fork("node-" + i)));
    }
    CombinedEncryptedKey combined = EncryptedKeyCombiner.combineVerified(prepared, pc, shares);
    assertThat(combined.invalidIndices()).hasSize(byzantine);
    return new VetKdArtifact(new ArtifactOrigin("vetkd-subnet", 5, keyId),
        Bytes.of(pc.publicKey().toBytes()), CANISTER, Bytes.of(context), Bytes.of(INPUT),
        Bytes.of(tsk.toBytes()), Bytes.of(combined.encryptedKey().toBytes()));
  }

  @Test
  void thresholdEncryptedKeysWithAByzantineNodeDecryptAndVerifyInVetkeys() {
    SeededRandom rng = SeededRandom.fromSeed(101);
    int n = 13;
    ThresholdKeySet keys = ThresholdBls.generateKeys(n, Thresholds.high(n), rng.fork("keys"));
    List<ChainKeyArtifact> valid = List.of(
        encryptedKey("key_1", keys.publicCoefficients(), keys::secretKeyShare,
            "notes".getBytes(StandardCharsets.UTF_8), rng.fork("with-context"), 1),
        encryptedKey("key_1", keys.publicCoefficients(), keys::secretKeyShare, new byte[0],
            rng.fork("empty-context"), 2));
    NodeHarness.Verification v = NodeHarness.locate().verify(valid);
    assertThat(v.allOk()).as(v.output()).isTrue();
    assertThat(v.line(1).detail()).contains("vetkeys");
  }

  @Test
  void tamperedEncryptedKeysAndMismatchedRequestsAreRejectedByVetkeys() {
    SeededRandom rng = SeededRandom.fromSeed(102);
    ThresholdKeySet keys = ThresholdBls.generateKeys(4, 3, rng.fork("keys"));
    VetKdArtifact a = encryptedKey("key_1", keys.publicCoefficients(), keys::secretKeyShare,
        "ctx".getBytes(StandardCharsets.UTF_8), rng.fork("request"), 0);
    byte[] ek = a.encryptedKey().toArray();
    G1Point c3 = G1Point.fromBytes(java.util.Arrays.copyOfRange(ek, 144, 192));
    byte[] shiftedC3 = ek.clone();
    System.arraycopy(c3.add(G1Point.generator()).toBytes(), 0, shiftedC3, 144, 48);
    byte[] otherC2 = ek.clone();
    System.arraycopy(G2Point.generator().toBytes(), 0, otherC2, 48, 96);
    List<ChainKeyArtifact> tampered = List.of(
        with(a, Tamper.flipBit(ek, 191, 0), a.input(), a.context(), a.canisterId(), a.transportSecretKey()),
        with(a, shiftedC3, a.input(), a.context(), a.canisterId(), a.transportSecretKey()),
        with(a, otherC2, a.input(), a.context(), a.canisterId(), a.transportSecretKey()),
        with(a, ek, Bytes.of("bob".getBytes(StandardCharsets.UTF_8)), a.context(), a.canisterId(),
            a.transportSecretKey()),
        with(a, ek, a.input(), Bytes.empty(), a.canisterId(), a.transportSecretKey()),
        with(a, ek, a.input(), a.context(), OTHER_CANISTER, a.transportSecretKey()),
        with(a, ek, a.input(), a.context(), a.canisterId(),
            Bytes.of(TransportSecretKey.random(rng.fork("eve")).toBytes())));
    NodeHarness.Verification v = NodeHarness.locate().verify(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(a), tampered.stream()).toList());
    assertThat(v.line(1).ok()).as(v.output()).isTrue();
    assertThat(v.lines().subList(1, v.lines().size())).as(v.output())
        .hasSize(tampered.size()).noneMatch(NodeHarness.LineResult::ok);
  }

  @Test
  void keyFromTheDkgWithoutATrustedDealerServesVetKdAndThresholdSignaturesVerifiedInNode() {
    SeededRandom rng = SeededRandom.fromSeed(103);
    int n = 4;
    List<ReceiverKeyPair> receiverKeys = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      receiverKeys.add(ReceiverKeyPair.random(rng.fork("enc-" + j)));
    }
    DkgConfig config = DkgConfig.fresh("vetkd-interop".getBytes(StandardCharsets.UTF_8), n,
        receiverKeys.stream().map(ReceiverKeyPair::publicKey).toList(), Thresholds.high(n));
    List<Dealing> dealings = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      dealings.add(new DkgDealer(config, d).createDealing(rng.fork("dealer-" + d)));
    }
    List<DkgReceiver> receivers = new ArrayList<>();
    List<Complaint> complaints = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      DkgReceiver r = new DkgReceiver(config, j, receiverKeys.get(j));
      receivers.add(r);
      for (Dealing d : dealings) {
        if (r.open(d, rng.fork("open-" + j + "-" + d.dealerIndex())) instanceof ShareOpening.Invalid inv) {
          complaints.add(inv.complaint());
        }
      }
    }
    assertThat(complaints).isEmpty();
    Transcript transcript = TranscriptBuilder.build(config, dealings, complaints);
    PublicCoefficients pc = transcript.publicCoefficients();
    Map<Integer, Scalar> keyShares = new TreeMap<>();
    receivers.forEach(r -> keyShares.put(r.receiverIndex(), r.computeKeyShare(transcript)));

    VetKdArtifact vetkd = encryptedKey("dkg", pc, keyShares::get,
        "dkg-context".getBytes(StandardCharsets.UTF_8), rng.fork("vetkd"), 0);
    ThresholdBls tbls = ThresholdBls.ic();
    byte[] msg = "certified state root".getBytes(StandardCharsets.UTF_8);
    Map<Integer, G1Point> sigShares = new TreeMap<>();
    keyShares.forEach((i, s) -> sigShares.put(i, tbls.signShare(s, msg)));
    byte[] sig = tbls.combineVerified(pc, msg, sigShares, rng.fork("batch")).signature().toBytes();
    BlsArtifact bls = new BlsArtifact(new ArtifactOrigin("dkg-subnet", 1, "dkg"),
        Bytes.of(pc.publicKey().toBytes()), Bytes.of(msg), Bytes.of(sig), tbls.dst());
    NodeHarness.Verification v = NodeHarness.locate().verify(List.of(vetkd, bls));
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  @Test
  void javaDerivationOfThePublishedProductionKeysMatchesVetkeys() {
    NodeHarness harness = NodeHarness.locate();
    List<PublishedMasterKey> masters = harness.publishedMasterKeys().stream()
        .filter(k -> k.scheme().equals("vetkd")).toList();
    assertThat(masters).extracting(PublishedMasterKey::keyId).contains("key_1", "test_key_1");
    List<byte[]> contexts = List.of(new byte[0], "ctx".getBytes(StandardCharsets.UTF_8), new byte[300]);
    List<DerivationRequest> requests = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (PublishedMasterKey m : masters) {
      G2Point mpk = G2Point.fromBytes(m.publicKey());
      for (byte[] context : contexts) {
        requests.add(new DerivationRequest("vetkd", m.publicKey(), new byte[0], CANISTER, List.of(context)));
        expected.add(DerivationContext.of(CANISTER_BYTES, context).derive(mpk).publicKeyBytes());
      }
    }
    List<NodeDerivedKey> derived = harness.derive(requests);
    for (int i = 0; i < requests.size(); i++) {
      assertThat(HexFormat.of().formatHex(derived.get(i).publicKey()))
          .as("request %d", i).isEqualTo(HexFormat.of().formatHex(expected.get(i)));
    }
    assertThat(derived.get(0).source()).isEqualTo("@dfinity/vetkeys");
  }

  private static VetKdArtifact with(VetKdArtifact a, byte[] encryptedKey, Bytes input,
      Bytes context, String canisterId, Bytes tsk) {
    return new VetKdArtifact(a.origin(), a.masterPublicKey(), canisterId, context, input, tsk,
        Bytes.of(encryptedKey));
  }
}
