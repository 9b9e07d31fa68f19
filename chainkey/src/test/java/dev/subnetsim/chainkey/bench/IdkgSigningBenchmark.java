package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdsa.EcdsaRequest;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgPresignatures;
import dev.subnetsim.chainkey.idkg.IdkgReceiver;
import dev.subnetsim.chainkey.idkg.IdkgRound;
import dev.subnetsim.chainkey.idkg.IdkgTestCommittee;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.SchnorrRequest;
import dev.subnetsim.chainkey.schnorr.SchnorrShare;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * IDKG and threshold signing on secp256k1 for committees of n = 13 and 34 (threshold f+1): one
 * dealing's creation and public verification per transcript kind, one receiver's decryption of a
 * dealing, ECDSA and BIP340 signature shares (create, verify) and combination. Baselines in the
 * same run: a plain single-party ECDSA signature with Bouncy Castle (the everyday baseline) and
 * one fixed-base and one variable-base scalar multiplication (the floor).
 *
 * <p>Run: {@code ./mvnw -q -pl chainkey -am -DskipNode=true -Pbench test-compile exec:exec
 * -Djmh.args='IdkgSigningBenchmark -f 1 -wi 1 -i 2 -w 1 -r 1'}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IdkgSigningBenchmark {

  @Param({"13", "34"})
  public int n;

  private SeededRandom rng;
  private IdkgTestCommittee committee;
  private IdkgRound.Result key;
  private IdkgRound.Result lambda;
  private IdkgParams random;
  private IdkgParams randomUnmasked;
  private IdkgParams reshareUnmasked;
  private IdkgParams reshareMasked;
  private IdkgParams product;
  private IdkgDealing randomDealing;
  private IdkgDealing reshareUnmaskedDealing;
  private IdkgDealing reshareMaskedDealing;
  private IdkgDealing productDealing;
  private IdkgPresignatures.Ecdsa ecdsa;
  private EcdsaRequest ecdsaRequest;
  private List<EcdsaSignatureShare> ecdsaShares;
  private IdkgPresignatures.Schnorr schnorr;
  private SchnorrRequest schnorrRequest;
  private List<SchnorrShare> schnorrShares;
  private ECDSASigner plain;
  private EcScalar scalar;
  private EcPoint point;

  @Setup
  public void setup() {
    rng = SeededRandom.fromSeed(5);
    IdkgPresignatures pres = new IdkgPresignatures(EcCurve.SECP256K1, n, 5);
    committee = pres.committee;
    key = pres.key;
    lambda = committee.random("bench-lambda", true);
    int t = committee.threshold;
    random = IdkgParams.random("r", EcCurve.SECP256K1, committee.all(), committee.publicKeys(), t, true);
    randomUnmasked = IdkgParams.random("ru", EcCurve.SECP256K1, committee.all(), committee.publicKeys(), t, false);
    reshareUnmasked = IdkgParams.reshare("rs", key.built().transcript(), committee.all(), committee.publicKeys(), t);
    reshareMasked = IdkgParams.reshare("rm", lambda.built().transcript(), committee.all(), committee.publicKeys(), t);
    product = IdkgParams.product("p", key.built().transcript(), lambda.built().transcript(),
        committee.all(), committee.publicKeys(), t);
    randomDealing = IdkgDealer.deal(random, 0, List.of(), rng);
    reshareUnmaskedDealing = IdkgDealer.deal(reshareUnmasked, 0, List.of(key.openings().get(0)), rng);
    reshareMaskedDealing = IdkgDealer.deal(reshareMasked, 0, List.of(lambda.openings().get(0)), rng);
    productDealing = IdkgDealer.deal(product, 0, List.of(key.openings().get(0), lambda.openings().get(0)), rng);
    var derived = IcKeyDerivation.derive(pres.keyTranscript().commitment().constantTerm(),
        DerivationPath.forCanister(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1}, List.of()));
    ecdsa = pres.ecdsa("bench");
    ecdsaRequest = new EcdsaRequest(new byte[32], derived, new byte[] {1});
    ecdsaShares = new ArrayList<>();
    ecdsa.shares().forEach((i, s) -> ecdsaShares.add(ThresholdEcdsa.createShare(ecdsa.presignature(), ecdsaRequest, i, s)));
    schnorr = pres.schnorr("bench");
    schnorrRequest = new SchnorrRequest(new byte[32], derived, new byte[] {1}, Optional.empty());
    schnorrShares = new ArrayList<>();
    schnorr.nonces().forEach((i, k) -> schnorrShares.add(ThresholdSchnorr.createShare(
        ThresholdSchnorr.Algorithm.BIP340, schnorr.presignature(), schnorrRequest, i, k, schnorr.keys().get(i))));
    X9ECParameters x9 = CustomNamedCurves.getByName("secp256k1");
    plain = new ECDSASigner(new HMacDSAKCalculator(new org.bouncycastle.crypto.digests.SHA256Digest()));
    plain.init(true, new ECPrivateKeyParameters(BigInteger.valueOf(123456789),
        new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH())));
    scalar = EcScalar.randomNonZero(EcCurve.SECP256K1, rng);
    point = EcPoint.mulGenerator(scalar);
  }

  @Benchmark
  public Object dealRandom() {
    return IdkgDealer.deal(random, 1, List.of(), rng);
  }

  @Benchmark
  public Object dealRandomUnmasked() {
    return IdkgDealer.deal(randomUnmasked, 1, List.of(), rng);
  }

  @Benchmark
  public Object dealReshareOfUnmasked() {
    return IdkgDealer.deal(reshareUnmasked, 1, List.of(key.openings().get(1)), rng);
  }

  @Benchmark
  public Object dealReshareOfMasked() {
    return IdkgDealer.deal(reshareMasked, 1, List.of(lambda.openings().get(1)), rng);
  }

  @Benchmark
  public Object dealUnmaskedTimesMasked() {
    return IdkgDealer.deal(product, 1, List.of(key.openings().get(1), lambda.openings().get(1)), rng);
  }

  @Benchmark
  public Object verifyRandomDealing() throws Exception {
    IdkgDealingVerifier.verify(random, randomDealing);
    return randomDealing;
  }

  @Benchmark
  public Object verifyReshareOfUnmaskedDealing() throws Exception {
    IdkgDealingVerifier.verify(reshareUnmasked, reshareUnmaskedDealing);
    return reshareUnmaskedDealing;
  }

  @Benchmark
  public Object verifyReshareOfMaskedDealing() throws Exception {
    IdkgDealingVerifier.verify(reshareMasked, reshareMaskedDealing);
    return reshareMaskedDealing;
  }

  @Benchmark
  public Object verifyProductDealing() throws Exception {
    IdkgDealingVerifier.verify(product, productDealing);
    return productDealing;
  }

  @Benchmark
  public Object decryptOwnShare() {
    return IdkgReceiver.decrypt(random, randomDealing, 2, committee.keys.get(2));
  }

  @Benchmark
  public Object ecdsaShare() {
    return ThresholdEcdsa.createShare(ecdsa.presignature(), ecdsaRequest, 1, ecdsa.shares().get(1));
  }

  @Benchmark
  public boolean ecdsaVerifyShare() {
    return ThresholdEcdsa.verifyShare(ecdsa.presignature(), ecdsaRequest, ecdsaShares.get(1));
  }

  @Benchmark
  public Object ecdsaCombineVerifyingThresholdShares() {
    return ThresholdEcdsa.combine(ecdsa.presignature(), ecdsaRequest,
        ecdsaShares.subList(0, committee.threshold));
  }

  @Benchmark
  public Object bip340Share() {
    return ThresholdSchnorr.createShare(ThresholdSchnorr.Algorithm.BIP340, schnorr.presignature(),
        schnorrRequest, 1, schnorr.nonces().get(1), schnorr.keys().get(1));
  }

  @Benchmark
  public Object bip340CombineVerifyingThresholdShares() {
    return ThresholdSchnorr.combine(ThresholdSchnorr.Algorithm.BIP340, schnorr.presignature(),
        schnorrRequest, schnorrShares.subList(0, committee.threshold));
  }

  @Benchmark
  public Object baselinePlainEcdsaSign() {
    return plain.generateSignature(new byte[32]);
  }

  @Benchmark
  public Object floorFixedBaseMul() {
    return EcPoint.mulGenerator(scalar);
  }

  @Benchmark
  public Object floorVariableBaseMul() {
    return point.mul(scalar);
  }
}
