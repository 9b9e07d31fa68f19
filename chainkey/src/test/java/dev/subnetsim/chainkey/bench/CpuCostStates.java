package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls.BlsSignatures;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.ecdh.CallerEcdhKey;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgPresignatures;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.SchnorrShare;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.chainkey.vetkd.VetKdNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fixtures of {@link CpuCostBenchmark}, one state per family so that each benchmark's fork
 * sets up only what it measures. Everything is seeded; every share, dealing and signature a
 * verification benchmark checks is checked once here, so a benchmark never times a rejection.
 * Inputs a replica receives from peers are kept as bytes, as they arrive.
 */
public final class CpuCostStates {
  private CpuCostStates() {}

  static final byte[] CALLER = {0, 0, 0, 0, 0, 0, 0, 7, 1, 1};
  static final List<byte[]> PATH = List.of("cpu-cost".getBytes(StandardCharsets.UTF_8));

  static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark fixture does not verify: " + what);
    }
  }

  /** Threshold BLS (beacon, certification: high threshold) and multi-signatures (notarization). */
  @State(Scope.Benchmark)
  public static class Bls {
    public final ThresholdBls tbls = ThresholdBls.ic();
    public final BlsSignatures bls = new JblstBlsSignatures();
    public final byte[] message = "certify state at height 100".getBytes(StandardCharsets.UTF_8);
    public ThresholdKeySet keys;
    public List<G2Point> publicKeyShares;
    public byte[] shareBytes;
    /** The shares of the last n-f nodes, so the Lagrange coefficients are not those of 1..t. */
    public Map<Integer, G1Point> combinableShares;
    public byte[] combinedBytes;
    public KeyPair signer;
    public byte[] individualBytes;
    public List<Signature> individuals;
    public List<PublicKey> signers;
    public byte[] multiSignatureBytes;

    @Setup
    public void setup() {
      SeededRandom rng = SeededRandom.fromSeed(19);
      keys = ThresholdBls.generateKeys(CpuCostBenchmark.N, CpuCostBenchmark.HIGH, rng.fork("keys"));
      publicKeyShares = keys.publicCoefficients().publicKeyShares(CpuCostBenchmark.N);
      combinableShares = new TreeMap<>();
      for (int i = CpuCostBenchmark.N - CpuCostBenchmark.HIGH; i < CpuCostBenchmark.N; i++) {
        combinableShares.put(i, tbls.signShare(keys.secretKeyShare(i), message));
      }
      shareBytes = tbls.signShare(keys.secretKeyShare(0), message).toBytes();
      require(tbls.verifyShare(publicKeyShares.get(0), message, G1Point.fromBytesNonIdentity(shareBytes)), "share");
      combinedBytes = tbls.combine(CpuCostBenchmark.HIGH, combinableShares).toBytes();
      require(tbls.verify(keys.publicKey(), message, G1Point.fromBytesNonIdentity(combinedBytes)), "combined");
      individuals = new ArrayList<>();
      signers = new ArrayList<>();
      for (int i = 0; i < CpuCostBenchmark.HIGH; i++) {
        KeyPair kp = bls.generateKeyPair(rng.fork("multisig-" + i));
        signers.add(kp.publicKey());
        individuals.add(bls.sign(kp.secretKey(), message));
        if (i == 0) {
          signer = kp;
        }
      }
      individualBytes = individuals.get(0).toBytes();
      require(bls.verify(signer.publicKey(), message, Signature.fromBytes(individualBytes)), "individual");
      multiSignatureBytes = bls.aggregate(individuals).toBytes();
      require(bls.verifyMultiSignature(signers, message, Signature.fromBytes(multiSignatureBytes)), "multisig");
    }
  }

  /** The consensus key's resharing (NIDKG) dealing of node 0 for 13 receivers, threshold n-f. */
  @State(Scope.Benchmark)
  public static class Nidkg {
    public DkgConfig config;
    public DkgDealer dealer;
    public Scalar oldShare;
    public byte[] dealingBytes;
    public SeededRandom rng;

    @Setup
    public void setup() {
      SeededRandom root = SeededRandom.fromSeed(1913);
      int n = CpuCostBenchmark.N;
      ThresholdKeySet old = ThresholdBls.generateKeys(n, CpuCostBenchmark.HIGH, root.fork("old"));
      List<G1Point> receivers = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        receivers.add(ReceiverKeyPair.random(root.fork("enc-" + j)).publicKey());
      }
      config = DkgConfig.resharing("cpu-cost-reshare".getBytes(StandardCharsets.UTF_8),
          old.publicCoefficients(), n, receivers, CpuCostBenchmark.HIGH);
      dealer = new DkgDealer(config, 0);
      oldShare = old.secretKeyShare(0);
      dealingBytes = dealer.createResharingDealing(oldShare, root.fork("dealing")).toBytes();
      require(DealingValidator.isValid(config, Dealing.fromBytes(dealingBytes)), "NIDKG dealing");
      rng = root.fork("bench");
    }
  }

  /**
   * A secp256k1 key and presignatures made by IDKG for 13 nodes (threshold f+1), with every
   * node's ECDSA and BIP340 shares as bytes.
   */
  @State(Scope.Benchmark)
  public static class Idkg {
    public IdkgPresignatures pres;
    public IdkgParams random;
    public byte[] randomDealingBytes;
    public IdkgPresignatures.Ecdsa ecdsa;
    public List<byte[]> ecdsaShares;
    public IdkgPresignatures.Schnorr schnorr;
    public List<byte[]> schnorrShares;
    public byte[] messageHash = new byte[32];
    public SeededRandom rng;

    @Setup
    public void setup() throws Exception {
      rng = SeededRandom.fromSeed(1905);
      pres = new IdkgPresignatures(EcCurve.SECP256K1, CpuCostBenchmark.N, 5);
      var c = pres.committee;
      random = IdkgParams.random("cpu-cost", EcCurve.SECP256K1, c.all(), c.publicKeys(), c.threshold, true);
      randomDealingBytes = IdkgDealer.deal(random, 0, List.of(), rng).toBytes();
      IdkgDealingVerifier.verify(random,
          IdkgDealing.fromBytes(random.kind(), random.curve(), randomDealingBytes));
      ecdsa = pres.ecdsa("cpu-cost");
      ecdsaShares = new ArrayList<>();
      ecdsa.shares().forEach((i, s) -> ecdsaShares.add(ThresholdEcdsa.createShare(
          ecdsa.presignature(), CpuCostBenchmark.ecdsaRequest(this), i, s).toBytes()));
      require(ThresholdEcdsa.verifyShare(ecdsa.presignature(), CpuCostBenchmark.ecdsaRequest(this),
          EcdsaSignatureShare.fromBytes(EcCurve.SECP256K1, ecdsaShares.get(1))), "ECDSA share");
      schnorr = pres.schnorr("cpu-cost");
      schnorrShares = new ArrayList<>();
      schnorr.nonces().forEach((i, k) -> schnorrShares.add(ThresholdSchnorr.createShare(
          ThresholdSchnorr.Algorithm.BIP340, schnorr.presignature(),
          CpuCostBenchmark.schnorrRequest(this), i, k, schnorr.keys().get(i)).toBytes()));
      require(ThresholdSchnorr.verifyShare(ThresholdSchnorr.Algorithm.BIP340, schnorr.presignature(),
          CpuCostBenchmark.schnorrRequest(this),
          SchnorrShare.fromBytes(EcCurve.SECP256K1, schnorrShares.get(1))), "BIP340 share");
    }

    public int threshold() {
      return pres.committee.threshold;
    }
  }

  /** A vetKD master key shared among 13 nodes (threshold n-f) and one request's shares as bytes. */
  @State(Scope.Benchmark)
  public static class VetKd {
    public ThresholdKeySet keys;
    public byte[] transportPublicKey;
    public final byte[] context = "ctx".getBytes(StandardCharsets.UTF_8);
    public final byte[] input = "user-42".getBytes(StandardCharsets.UTF_8);
    public List<byte[]> shares;
    public SeededRandom rng;

    @Setup
    public void setup() {
      SeededRandom root = SeededRandom.fromSeed(1961);
      keys = ThresholdBls.generateKeys(CpuCostBenchmark.N, CpuCostBenchmark.HIGH, root.fork("keys"));
      transportPublicKey = TransportSecretKey.random(root.fork("tsk")).publicKey().toBytes();
      shares = new ArrayList<>();
      for (int i = 0; i < CpuCostBenchmark.N; i++) {
        shares.add(VetKdNode.createShare(CpuCostBenchmark.prepare(this), keys.secretKeyShare(i),
            root.fork("node-" + i)).toBytes());
      }
      require(EncryptedKeyCombiner.verifyShare(CpuCostBenchmark.prepare(this),
          keys.publicCoefficients().publicKeyShare(1),
          dev.subnetsim.chainkey.vetkd.EncryptedKeyShare.fromBytes(shares.get(1))), "vetKD share");
      rng = root.fork("bench");
    }

    public DerivationContext derivationContext() {
      return DerivationContext.of(CALLER, context);
    }
  }

  /** A P-256 threshold ECDH master key for 13 nodes (threshold f+1) and a peer's public key. */
  @State(Scope.Benchmark)
  public static class Ecdh {
    public final EcdhGroup group = EcdhGroup.P256;
    public EcShamir.Dealt master;
    public byte[] peer;
    public List<byte[]> shares;
    public SeededRandom rng;

    @Setup
    public void setup() {
      rng = SeededRandom.fromSeed(1976);
      master = EcShamir.deal(EcScalar.random(group.curve(), rng), CpuCostBenchmark.LOW,
          CpuCostBenchmark.N, rng);
      peer = group.encodePublicKey(EcPoint.mulGenerator(EcScalar.randomNonZero(group.curve(), rng)));
      CallerEcdhKey key = CallerEcdhKey.derive(master.publicKey(), CALLER, PATH);
      shares = new ArrayList<>();
      for (int i = 0; i < CpuCostBenchmark.N; i++) {
        shares.add(CpuCostBenchmark.encode(
            ThresholdEcdh.createShare(key.publicKey(), key.share(master.shares().get(i)), peer, rng)));
      }
      require(ThresholdEcdh.verifyShare(key.publicKey(), peer,
          CpuCostBenchmark.decodeDhShare(group.curve(), shares.get(1))), "ECDH share");
    }
  }

  /** The derivation path of the benchmark's caller, as the replica builds it per request. */
  static DerivationPath path() {
    return DerivationPath.forCanister(CALLER, PATH);
  }
}
