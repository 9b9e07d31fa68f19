package dev.subnetsim.scenarios;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Fast seeded generators for the world's sampling (latency, loss, workloads), one per purpose,
 * each a function of (run seed, purpose) only: the root {@link SeededRandom} of the run is forked
 * by the purpose label and 64 bits of that DRBG stream seed a {@link SplittableRandom}. So adding
 * a new consumer never shifts the stream of another one.
 */
public final class RunRandom {
  private RunRandom() {}

  public static RandomGenerator forPurpose(long runSeed, String purpose) {
    return new SplittableRandom(SeededRandom.fromSeed(runSeed).fork(purpose).nextLong());
  }
}
