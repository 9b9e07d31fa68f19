package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The verification cache and the crypto memo are bounded by size in two generations: recently
 * used results stay, old ones are dropped and recomputed if asked for again, results unchanged.
 */
class BoundedCryptoCachesTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theVerificationCacheKeepsRecentResultsAndDropsTheOldGenerationWhole() {
    VerificationCache cache = VerificationCache.shared(8);
    AtomicInteger checks = new AtomicInteger();
    for (int i = 0; i < 100; i++) {
      int k = i;
      cache.verify("s", bytes("pk"), bytes("m" + k), bytes("sig"), () -> {
        checks.incrementAndGet();
        return k % 2 == 0;
      });
      assertThat(cache.size()).isLessThanOrEqualTo(8);
    }
    assertThat(checks).hasValue(100);
    // The newest result is a hit; the first was evicted and is recomputed to the same answer.
    assertThat(cache.verify("s", bytes("pk"), bytes("m99"), bytes("sig"), () -> {
      checks.incrementAndGet();
      return true;
    })).isFalse();
    assertThat(checks).hasValue(100);
    assertThat(cache.verify("s", bytes("pk"), bytes("m0"), bytes("sig"), () -> {
      checks.incrementAndGet();
      return true;
    })).isTrue();
    assertThat(checks).hasValue(101);
  }

  @Test
  void aResultInTheOldGenerationIsMovedToTheYoungOneWhenUsed() {
    VerificationCache cache = VerificationCache.shared(4);
    AtomicInteger checks = new AtomicInteger();
    Runnable[] use = new Runnable[3];
    for (int i = 0; i < 3; i++) {
      int k = i;
      use[i] = () -> cache.verify("s", bytes("pk"), bytes("m" + k), bytes("sig"), () -> {
        checks.incrementAndGet();
        return true;
      });
    }
    use[0].run();
    use[1].run(); // young {0,1} full: becomes old
    use[0].run(); // hit in old: moved to young
    use[2].run(); // young {0,2} full: old {1} dropped
    use[0].run();
    assertThat(checks).hasValue(3);
    use[1].run();
    assertThat(checks).hasValue(4);
  }

  @Test
  void aCacheOfCapacityBelowTwoIsRefused() {
    assertThatThrownBy(() -> VerificationCache.shared(1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity must be >= 2");
  }

  @Test
  void theCryptoMemoStaysWithinItsCapacityAndRecomputesOnlyWhatItDropped() {
    GenesisKeys keys = GenesisKeys.generate("memo", 4, SeededRandom.fromSeed(3));
    ConsensusCrypto crypto = new ConsensusCrypto(keys.publicKeys(), VerificationCache.shared(),
        ConsensusCrypto.Mode.CHEAP);
    AtomicInteger computed = new AtomicInteger();
    int n = 3 * ConsensusCrypto.MEMO_CAPACITY;
    for (int i = 0; i < n; i++) {
      int k = i;
      assertThat((Integer) crypto.memo("key/" + k, () -> {
        computed.incrementAndGet();
        return k * 2;
      })).isEqualTo(k * 2);
      assertThat(crypto.memoSize()).isLessThanOrEqualTo(ConsensusCrypto.MEMO_CAPACITY);
    }
    assertThat(computed).hasValue(n);
    assertThat((Integer) crypto.memo("key/" + (n - 1), () -> -1)).isEqualTo(2 * (n - 1));
    assertThat((Integer) crypto.memo("key/0", () -> -1)).isEqualTo(-1); // dropped, recomputed
  }
}
