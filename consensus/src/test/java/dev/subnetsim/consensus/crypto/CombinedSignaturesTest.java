package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.crypto.CryptoOpCounter.Op;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Threshold signatures combined once for every replica sharing a facade: a replica combining the
 * same shares gets the bytes combining gives, other shares are combined anew, and without the
 * verification cache nothing is shared.
 */
class CombinedSignaturesTest {
  private static final int N = 7;
  private static final GenesisKeys KEYS = GenesisKeys.generate("combine", N, SeededRandom.fromSeed(9));
  private static final byte[] MSG = SignedMessages.beaconMessage(3, new byte[32]);

  private final ConsensusCrypto shared = new ConsensusCrypto(KEYS.publicKeys(),
      VerificationCache.shared());
  /** The reference: every replica combines itself. */
  private final ConsensusCrypto alone = new ConsensusCrypto(KEYS.publicKeys(),
      VerificationCache.disabled());

  private TreeMap<Integer, byte[]> beaconShares(int... indices) {
    TreeMap<Integer, byte[]> shares = new TreeMap<>();
    for (int i : indices) {
      shares.put(i, alone.signBeaconShare(KEYS.secrets().get(i), MSG));
    }
    return shares;
  }

  @Test
  void aSecondReplicaCombiningTheSameSharesGetsTheCombinedBytesWithoutCombining() {
    int t = KEYS.publicKeys().beaconKey().threshold();
    TreeMap<Integer, byte[]> shares = new TreeMap<>(beaconShares(0, 1, 2, 3, 4, 5).headMap(t, false));

    byte[] first = shared.forReplica().combineBeacon(shares);
    byte[] second = shared.forReplica().combineBeacon(new TreeMap<>(shares));

    assertThat(second).isEqualTo(first).isEqualTo(alone.combineBeacon(shares));
    assertThat(shared.ops().count(Op.COMBINE_THRESHOLD)).isEqualTo(1);
    assertThat(shared.ops().count(Op.CACHE_HIT)).isEqualTo(1);
    assertThat(shared.verifyBeacon(MSG, second)).isTrue();
  }

  @Test
  void otherSharesOfTheSameSignatureAreCombinedAnewAndGiveTheSameSignature() {
    int t = KEYS.publicKeys().beaconKey().threshold();
    TreeMap<Integer, byte[]> all = beaconShares(0, 1, 2, 3, 4, 5, 6);
    Map<Integer, byte[]> low = all.headMap(t, false);
    Map<Integer, byte[]> high = all.tailMap(N - t, true);

    byte[] fromLow = shared.combineBeacon(low);
    byte[] fromHigh = shared.combineBeacon(high);

    assertThat(fromHigh).isEqualTo(fromLow);
    assertThat(shared.ops().count(Op.COMBINE_THRESHOLD)).isEqualTo(2);
    assertThat(shared.ops().count(Op.CACHE_HIT)).isZero();
  }

  @Test
  void aCallerChangingTheReturnedBytesDoesNotChangeWhatOthersGet() {
    TreeMap<Integer, byte[]> shares = beaconShares(0, 1, 2, 3);
    byte[] first = shared.combineBeacon(shares);
    byte[] expected = first.clone();

    first[5] ^= 1;

    assertThat(shared.combineBeacon(shares)).isEqualTo(expected);
  }

  @Test
  void sharesThatDoNotDecodeFailEveryTimeAndAreNotKept() {
    TreeMap<Integer, byte[]> shares = beaconShares(0, 1, 2);
    shares.put(3, new byte[48]); // no compression flag

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> shared.combineBeacon(shares))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(shared.ops().count(Op.CACHE_HIT)).isZero();
  }

  @Test
  void withoutTheVerificationCacheEveryReplicaCombinesItself() {
    TreeMap<Integer, byte[]> shares = beaconShares(0, 1, 2, 3);

    alone.forReplica().combineBeacon(shares);
    alone.forReplica().combineBeacon(shares);

    assertThat(alone.ops().count(Op.COMBINE_THRESHOLD)).isEqualTo(2);
    assertThat(alone.ops().count(Op.CACHE_HIT)).isZero();
  }

  @Test
  void itHoldsAtMostItsCapacity() {
    CombinedSignatures combined = new CombinedSignatures();
    CryptoOpCounter ops = new CryptoOpCounter();
    for (int i = 0; i < CombinedSignatures.CAPACITY / 2 + 3; i++) {
      combined.combine(2, Map.of(i, new byte[] {1}), ops, () -> new byte[] {2});
    }
    assertThat(combined.size()).isLessThanOrEqualTo(CombinedSignatures.CAPACITY).isPositive();
    assertThat(ops.count(Op.CACHE_HIT)).isZero();
  }
}
