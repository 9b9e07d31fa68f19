package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls.BlsSignatures;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * A notarization: aggregate the n-f individual signatures on one block and verify the
 * multi-signature against the signers' keys. Floor: (q-1) g1Add + (q-1) g2Add + hashToG1 +
 * pairingCheck for q = n-f signers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MultiSignatureBenchmark {

  @Param({"13", "34", "40"})
  public int n;

  private final BlsSignatures bls = new JblstBlsSignatures();
  private final byte[] message = "notarize block at height 100".getBytes(StandardCharsets.UTF_8);
  private List<PublicKey> signers;
  private List<Signature> signatures;

  @Setup
  public void setup() {
    SeededRandom rng = SeededRandom.fromSeed(7L * n);
    int q = Thresholds.high(n);
    signers = new ArrayList<>();
    signatures = new ArrayList<>();
    for (int i = 0; i < q; i++) {
      KeyPair kp = bls.generateKeyPair(rng);
      signers.add(kp.publicKey());
      signatures.add(bls.sign(kp.secretKey(), message));
    }
  }

  @Benchmark
  public boolean aggregateAndVerify() {
    return bls.verifyMultiSignature(signers, message, bls.aggregate(signatures));
  }
}
