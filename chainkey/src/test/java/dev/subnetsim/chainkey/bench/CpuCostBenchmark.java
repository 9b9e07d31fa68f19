package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdh.CallerEcdhKey;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
import dev.subnetsim.chainkey.ecdsa.EcdsaRequest;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.schnorr.SchnorrRequest;
import dev.subnetsim.chainkey.schnorr.SchnorrShare;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.threshold.Thresholds;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyShare;
import dev.subnetsim.chainkey.vetkd.TransportPublicKey;
import dev.subnetsim.chainkey.vetkd.VetKdNode;
import dev.subnetsim.chainkey.vetkd.VetKdRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * The reference CPU cost of every crypto operation a replica charges to its virtual CPU, for a
 * 13-node subnet (n = 13, f = 4; low threshold f+1 = 5, high threshold n-f = 9). One benchmark
 * per operation, named after the operation's wire name in camelCase ({@code bls-sign-share} is
 * {@link #blsSignShare}); {@link CpuCostTable} turns the JSON results into
 * {@code replica/src/main/resources/dev/subnetsim/replica/cpu/reference-costs.tsv}.
 *
 * <p>Each benchmark does what one replica does for the operation with the project's classes, the
 * way the consensus and chain-key code call them: signing includes encoding the result for the
 * wire; verifying includes decoding the peer's bytes (with its subgroup or curve checks); chain-key
 * operations include the per-request key derivation that the replica redoes on every call
 * (IC key derivation for ECDSA, BIP340 and ECDH, the vetKD request's preparation). Combining works
 * on shares already verified, decoded from bytes where the replica decodes them again (chain keys)
 * and already decoded where a shared decode cache holds them (consensus BLS).
 *
 * <p>Several benchmarks time a whole operation whose cost the table states per unit: the converter
 * divides by {@link CpuCostTable#OPS}' divisor. Per share: {@link #blsCombineShare} (combine n-f
 * = 9 shares), {@link #ecdsaCombineShare} and {@link #schnorrCombineShare} (the IDKG threshold
 * f+1 = 5), {@link #vetkdCombineShare} (9), {@link #ecdhCombineShare} (5). Per signature:
 * {@link #blsAggregateSignature} (9). Per receiver: the four dealing benchmarks (13 receivers).
 *
 * <p>Choices: the NIDKG dealing is a consensus key's resharing dealing at the high threshold (the
 * certification and vetKD keys; the beacon's low-threshold dealing is cheaper); the IDKG dealing
 * is a masked random one on secp256k1 (the presignature's most frequent kind); ECDH is P-256
 * without transport encryption; Schnorr is BIP340.
 *
 * <p>Run: see the README ("JMH benchmarks"; the CPU cost table).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CpuCostBenchmark {

  /** Subnet size and thresholds the table is measured at. */
  public static final int N = 13;
  public static final int LOW = Thresholds.low(N);
  public static final int HIGH = Thresholds.high(N);

  // ---- consensus: threshold BLS and multi-signatures ----

  /** A beacon or certification share: hash to G1, one G1 multiplication, encoding. */
  @Benchmark
  public byte[] blsSignShare(CpuCostStates.Bls s) {
    return s.tbls.signShare(s.keys.secretKeyShare(0), s.message).toBytes();
  }

  /** A notarization or finalization share (an individual multi-signature share). */
  @Benchmark
  public byte[] blsSignIndividual(CpuCostStates.Bls s) {
    return s.bls.sign(s.signer.secretKey(), s.message).toBytes();
  }

  @Benchmark
  public boolean blsVerifyShare(CpuCostStates.Bls s) {
    return s.tbls.verifyShare(s.publicKeyShares.get(0), s.message, G1Point.fromBytesNonIdentity(s.shareBytes));
  }

  @Benchmark
  public boolean blsVerifyIndividual(CpuCostStates.Bls s) {
    return s.bls.verify(s.signer.publicKey(), s.message, Signature.fromBytes(s.individualBytes));
  }

  /** Combines n-f = 9 shares; the table divides by 9. */
  @Benchmark
  public byte[] blsCombineShare(CpuCostStates.Bls s) {
    return s.tbls.combine(HIGH, s.combinableShares).toBytes();
  }

  /** Aggregates n-f = 9 individual signatures; the table divides by 9. */
  @Benchmark
  public byte[] blsAggregateSignature(CpuCostStates.Bls s) {
    return s.bls.aggregate(s.individuals).toBytes();
  }

  @Benchmark
  public boolean blsVerifyCombined(CpuCostStates.Bls s) {
    return s.tbls.verify(s.keys.publicKey(), s.message, G1Point.fromBytesNonIdentity(s.combinedBytes));
  }

  /** A multi-signature of n-f = 9 signers: the keys' sum and one pairing check, per call. */
  @Benchmark
  public boolean blsVerifyMultisig(CpuCostStates.Bls s) {
    return s.bls.verifyMultiSignature(s.signers, s.message, Signature.fromBytes(s.multiSignatureBytes));
  }

  // ---- dealings ----

  /** One resharing dealing for 13 receivers, encoded; the table divides by 13. */
  @Benchmark
  public byte[] nidkgDealPerReceiver(CpuCostStates.Nidkg s) {
    return s.dealer.createResharingDealing(s.oldShare, s.rng).toBytes();
  }

  /** Decoding and checking one resharing dealing for 13 receivers; the table divides by 13. */
  @Benchmark
  public boolean nidkgVerifyDealingPerReceiver(CpuCostStates.Nidkg s) {
    return DealingValidator.isValid(s.config, Dealing.fromBytes(s.dealingBytes));
  }

  /** One masked random IDKG dealing for 13 receivers, encoded; the table divides by 13. */
  @Benchmark
  public byte[] idkgDealPerReceiver(CpuCostStates.Idkg s) {
    return IdkgDealer.deal(s.random, 1, List.of(), s.rng).toBytes();
  }

  /** Decoding and publicly verifying one such dealing; the table divides by 13. */
  @Benchmark
  public IdkgDealing idkgVerifyDealingPerReceiver(CpuCostStates.Idkg s) throws Exception {
    IdkgDealing d = IdkgDealing.fromBytes(s.random.kind(), s.random.curve(), s.randomDealingBytes);
    IdkgDealingVerifier.verify(s.random, d);
    return d;
  }

  // ---- threshold ECDSA and BIP340 (secp256k1, threshold f+1) ----

  @Benchmark
  public byte[] ecdsaSignShare(CpuCostStates.Idkg s) {
    return ThresholdEcdsa.createShare(s.ecdsa.presignature(), ecdsaRequest(s), 1,
        s.ecdsa.shares().get(1)).toBytes();
  }

  @Benchmark
  public boolean ecdsaVerifyShare(CpuCostStates.Idkg s) {
    return ThresholdEcdsa.verifyShare(s.ecdsa.presignature(), ecdsaRequest(s),
        EcdsaSignatureShare.fromBytes(EcCurve.SECP256K1, s.ecdsaShares.get(1)));
  }

  /** Combines f+1 = 5 verified shares (and checks the signature); the table divides by 5. */
  @Benchmark
  public byte[] ecdsaCombineShare(CpuCostStates.Idkg s) {
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    s.ecdsaShares.subList(0, s.threshold())
        .forEach(b -> shares.add(EcdsaSignatureShare.fromBytes(EcCurve.SECP256K1, b)));
    return ThresholdEcdsa.combineVerified(s.ecdsa.presignature(), ecdsaRequest(s), shares).signature();
  }

  @Benchmark
  public byte[] schnorrSignShare(CpuCostStates.Idkg s) {
    return ThresholdSchnorr.createShare(ThresholdSchnorr.Algorithm.BIP340, s.schnorr.presignature(),
        schnorrRequest(s), 1, s.schnorr.nonces().get(1), s.schnorr.keys().get(1)).toBytes();
  }

  @Benchmark
  public boolean schnorrVerifyShare(CpuCostStates.Idkg s) {
    return ThresholdSchnorr.verifyShare(ThresholdSchnorr.Algorithm.BIP340, s.schnorr.presignature(),
        schnorrRequest(s), SchnorrShare.fromBytes(EcCurve.SECP256K1, s.schnorrShares.get(1)));
  }

  /**
   * Combines f+1 = 5 shares as the replica does ({@code ThresholdSchnorr.combine} checks each
   * share again, then the signature); the table divides by 5.
   */
  @Benchmark
  public byte[] schnorrCombineShare(CpuCostStates.Idkg s) {
    List<SchnorrShare> shares = new ArrayList<>();
    s.schnorrShares.subList(0, s.threshold())
        .forEach(b -> shares.add(SchnorrShare.fromBytes(EcCurve.SECP256K1, b)));
    return ThresholdSchnorr.combine(ThresholdSchnorr.Algorithm.BIP340, s.schnorr.presignature(),
        schnorrRequest(s), shares).signature();
  }

  // ---- vetKD (BLS12-381, threshold n-f) ----

  /** The request's preparation (derivation, hash to G1) and one encrypted key share. */
  @Benchmark
  public byte[] vetkdSignShare(CpuCostStates.VetKd s) {
    return VetKdNode.createShare(prepare(s), s.keys.secretKeyShare(1), s.rng).toBytes();
  }

  @Benchmark
  public boolean vetkdVerifyShare(CpuCostStates.VetKd s) {
    return EncryptedKeyCombiner.verifyShare(prepare(s), s.keys.publicCoefficients().publicKeyShare(1),
        EncryptedKeyShare.fromBytes(s.shares.get(1)));
  }

  /** Combines n-f = 9 verified encrypted shares; the table divides by 9. */
  @Benchmark
  public byte[] vetkdCombineShare(CpuCostStates.VetKd s) {
    TreeMap<Integer, EncryptedKeyShare> shares = new TreeMap<>();
    for (int i = 0; i < HIGH; i++) {
      shares.put(i, EncryptedKeyShare.fromBytes(s.shares.get(i)));
    }
    return EncryptedKeyCombiner.combineUnchecked(shares).toBytes();
  }

  // ---- threshold ECDH (P-256, threshold f+1) ----

  @Benchmark
  public byte[] ecdhSignShare(CpuCostStates.Ecdh s) {
    CallerEcdhKey key = CallerEcdhKey.derive(s.master.publicKey(), CpuCostStates.CALLER, CpuCostStates.PATH);
    return encode(ThresholdEcdh.createShare(key.publicKey(), key.share(s.master.shares().get(1)), s.peer, s.rng));
  }

  @Benchmark
  public boolean ecdhVerifyShare(CpuCostStates.Ecdh s) {
    CallerEcdhKey key = CallerEcdhKey.derive(s.master.publicKey(), CpuCostStates.CALLER, CpuCostStates.PATH);
    return ThresholdEcdh.verifyShare(key.publicKey(), s.peer, decodeDhShare(s.group.curve(), s.shares.get(1)));
  }

  /** Combines f+1 = 5 shares ({@code ThresholdEcdh.combine} checks them again); the table divides by 5. */
  @Benchmark
  public byte[] ecdhCombineShare(CpuCostStates.Ecdh s) {
    CallerEcdhKey key = CallerEcdhKey.derive(s.master.publicKey(), CpuCostStates.CALLER, CpuCostStates.PATH);
    List<DhShare> shares = new ArrayList<>();
    s.shares.subList(0, LOW).forEach(b -> shares.add(decodeDhShare(s.group.curve(), b)));
    return ThresholdEcdh.sharedSecret(key.publicKey(), ThresholdEcdh.combine(key.publicKey(), s.peer, shares));
  }

  // ---- request and wire helpers, as the replica's schemes build them per call ----

  static EcdsaRequest ecdsaRequest(CpuCostStates.Idkg s) {
    return new EcdsaRequest(s.messageHash, IcKeyDerivation.derive(
        s.pres.keyTranscript().commitment().constantTerm(), CpuCostStates.path()), new byte[] {1});
  }

  static SchnorrRequest schnorrRequest(CpuCostStates.Idkg s) {
    return new SchnorrRequest(s.messageHash, IcKeyDerivation.derive(
        s.pres.keyTranscript().commitment().constantTerm(), CpuCostStates.path()), new byte[] {1},
        Optional.empty());
  }

  static VetKdRequest.Prepared prepare(CpuCostStates.VetKd s) {
    return new VetKdRequest(s.derivationContext(), s.input, TransportPublicKey.fromBytes(s.transportPublicKey))
        .prepare(s.keys.publicKey());
  }

  /** A DH share's wire form, as the replica's {@code ChainKeyWire}: index u32, point, proof. */
  static byte[] encode(DhShare s) {
    byte[] point = s.share().encode();
    byte[] proof = s.proof().toBytes();
    return ByteBuffer.allocate(4 + point.length + proof.length).putInt(s.index()).put(point).put(proof).array();
  }

  static DhShare decodeDhShare(EcCurve curve, byte[] b) {
    int pl = curve.pointLength();
    if (b.length != 4 + pl + 64) {
      throw new IllegalArgumentException("DH share of " + b.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(b);
    int index = in.getInt();
    byte[] point = new byte[pl];
    byte[] proof = new byte[64];
    in.get(point).get(proof);
    return new DhShare(index, EcPoint.decode(curve, point), EcDleqProof.fromBytes(curve, proof));
  }
}
