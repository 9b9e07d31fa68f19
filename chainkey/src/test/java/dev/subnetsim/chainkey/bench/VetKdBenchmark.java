package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import dev.subnetsim.chainkey.vetkd.CombinedEncryptedKey;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyShare;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.chainkey.vetkd.VetKdNode;
import dev.subnetsim.chainkey.vetkd.VetKdRequest;
import dev.subnetsim.chainkey.vetkd.VetKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * vetKD for a key shared among n = 13, 34, 40 nodes with threshold n-f.
 *
 * <ul>
 *   <li>{@code createShare} (prepared request): floor 3 x g1Mul + 1 x g2Mul (c3 = rho*tpk +
 *       dsk*Hm as two constant-time multiplications: both scalars are secret).
 *   <li>{@code prepareRequest}: two derivation steps (2 g2Mul, 2 hashes to Fr) + hash to G1.
 *   <li>{@code verifyShare}: two pairing products (2 + 3 Miller loops, 2 final exps); floor
 *       ~2.5 x pairingCheck (FloorBenchmark's check has 2 Miller loops).
 *   <li>{@code combineOptimistically} (t shares, result checked): 2t g1Mul + t g2Mul + ~2.5
 *       pairingCheck.
 *   <li>{@code combineVerified} (all n shares batch-verified, t combined): n x (2 g1Mul63Bit + 3
 *       g2Mul63Bit) + ~2 pairingCheck for the batch, + the above.
 *   <li>{@code clientDecryptAndVerify}: hash to G1, 1 g1Mul, 2 pairing checks.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VetKdBenchmark {

  @Param({"13", "34", "40"})
  public int n;

  private ThresholdKeySet keys;
  private VetKdRequest request;
  private VetKdRequest.Prepared prepared;
  private TransportSecretKey tsk;
  private Map<Integer, EncryptedKeyShare> shares;
  private EncryptedKeyShare share0;
  private EncryptedVetKey combined;
  private byte[] input;
  private SeededRandom rng;

  @Setup
  public void setup() {
    SeededRandom root = SeededRandom.fromSeed(616 + n);
    keys = ThresholdBls.generateKeys(n, Thresholds.high(n), root.fork("keys"));
    tsk = TransportSecretKey.random(root.fork("tsk"));
    input = "user-42".getBytes(StandardCharsets.UTF_8);
    request = new VetKdRequest(
        DerivationContext.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 7, 1, 1}, "ctx".getBytes(StandardCharsets.UTF_8)),
        input, tsk.publicKey());
    prepared = request.prepare(keys.publicKey());
    shares = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      shares.put(i, VetKdNode.createShare(prepared, keys.secretKeyShare(i), root.fork("n" + i)));
    }
    share0 = shares.get(0);
    combined = EncryptedKeyCombiner.combineOptimistically(prepared, keys.publicCoefficients(), shares, root.fork("c")).encryptedKey();
    rng = root.fork("bench");
  }

  @Benchmark
  public VetKdRequest.Prepared prepareRequest() {
    return request.prepare(keys.publicKey());
  }

  @Benchmark
  public EncryptedKeyShare createShare() {
    return VetKdNode.createShare(prepared, keys.secretKeyShare(0), rng);
  }

  @Benchmark
  public boolean verifyShare() {
    return EncryptedKeyCombiner.verifyShare(prepared, keys.publicCoefficients().publicKeyShare(0), share0);
  }

  @Benchmark
  public CombinedEncryptedKey combineOptimistically() {
    return EncryptedKeyCombiner.combineOptimistically(prepared, keys.publicCoefficients(), shares, rng);
  }

  @Benchmark
  public CombinedEncryptedKey combineVerified() {
    return EncryptedKeyCombiner.combineVerified(prepared, keys.publicCoefficients(), shares, rng);
  }

  @Benchmark
  public VetKey clientDecryptAndVerify() {
    return combined.decryptAndVerify(tsk, prepared.derivedKey().publicKey(), input);
  }
}
