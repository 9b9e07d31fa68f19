package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.InProcessDkg;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
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
 * A genesis key: the whole in-process DKG of a high-threshold key over n receivers (n dealings of
 * t G2 and n+1 G1 multiplications each, then every receiver's n decryptions and one check of its
 * summed share against the transcript). Most of a large subnet's setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InProcessDkgBenchmark {

  @Param({"13", "34", "100"})
  public int n;

  private DkgConfig config;
  private List<ReceiverKeyPair> receivers;
  private SeededRandom rng;

  @Setup
  public void setup() {
    SeededRandom root = SeededRandom.fromSeed(n);
    receivers = InProcessDkg.receivers(n, root);
    config = DkgConfig.fresh("bench".getBytes(StandardCharsets.UTF_8), n,
        InProcessDkg.publicKeys(receivers), Thresholds.high(n));
    rng = root.fork("dkg");
  }

  @Benchmark
  public InProcessDkg.Outcome genesisDkg() {
    return InProcessDkg.run(config, receivers, rng);
  }
}
