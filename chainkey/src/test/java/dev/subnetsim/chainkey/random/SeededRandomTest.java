package dev.subnetsim.chainkey.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededRandomTest {

  private static byte[] take(SeededRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  @Test
  void sameSeedGivesSameStream() {
    assertThat(take(SeededRandom.fromSeed(7), 100)).isEqualTo(take(SeededRandom.fromSeed(7), 100));
  }

  @Test
  void differentSeedsGiveDifferentStreams() {
    assertThat(take(SeededRandom.fromSeed(7), 32)).isNotEqualTo(take(SeededRandom.fromSeed(8), 32));
  }

  @Test
  void forkDependsOnLabelNotOnConsumptionOfTheParent() {
    SeededRandom a = SeededRandom.fromSeed(7);
    SeededRandom b = SeededRandom.fromSeed(7);
    take(b, 1000);
    assertThat(take(a.fork("node-3"), 64)).isEqualTo(take(b.fork("node-3"), 64));
    assertThat(take(a.fork("node-3"), 64)).isNotEqualTo(take(a.fork("node-4"), 64));
  }

  @Test
  void setSeedDoesNotPerturbTheStream() {
    SeededRandom a = SeededRandom.fromSeed(1);
    a.setSeed(42L);
    assertThat(take(a, 16)).isEqualTo(take(SeededRandom.fromSeed(1), 16));
  }

  @Test
  void largeRequestsAreServedInFull() {
    byte[] big = take(SeededRandom.fromSeed(3), 200_000);
    assertThat(big).hasSize(200_000);
    assertThat(java.util.Arrays.copyOfRange(big, 150_000, 150_032)).isNotEqualTo(new byte[32]);
  }
}
