package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.crypto.CryptoOpCounter.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each replica's view of its subnet's crypto counts the work that replica asked for, even when
 * the shared cache answered: on a real subnet every node verifies every share itself.
 */
class CryptoWorkTest {
  private static final GenesisKeys KEYS = GenesisKeys.generate("work", 4, SeededRandom.fromSeed(3));

  @Test
  void twoReplicasVerifyingOneShareEachCountAVerificationThoughTheJvmVerifiedOnce() {
    ConsensusCrypto subnet = new ConsensusCrypto(KEYS.publicKeys(), VerificationCache.shared());
    ConsensusCrypto a = subnet.forReplica();
    ConsensusCrypto b = subnet.forReplica();
    byte[] message = SignedMessages.notarizationMessage(5, new byte[32]);
    byte[] share = a.signIndividually(KEYS.secrets().get(1), message);

    assertThat(a.verifyIndividual(1, message, share)).isTrue();
    assertThat(b.verifyIndividual(1, message, share)).isTrue();

    assertThat(a.work().drain()).containsOnly(Map.entry(CryptoWork.Op.BLS_SIGN_INDIVIDUAL, 1L),
        Map.entry(CryptoWork.Op.BLS_VERIFY_INDIVIDUAL, 1L));
    assertThat(b.work().drain()).containsOnly(Map.entry(CryptoWork.Op.BLS_VERIFY_INDIVIDUAL, 1L));
    // The JVM did the pairing check once; the second was a cache hit.
    assertThat(subnet.ops().count(Op.VERIFY_INDIVIDUAL)).isEqualTo(1);
    assertThat(subnet.ops().count(Op.CACHE_HIT)).isEqualTo(1);
    assertThat(subnet.work().drain()).as("the shared facade did no work itself").isEmpty();
  }

  @Test
  void combiningAndAggregatingCountPerShare() {
    ConsensusCrypto r = new ConsensusCrypto(KEYS.publicKeys(), VerificationCache.shared())
        .forReplica();
    byte[] message = SignedMessages.finalizationMessage(9, new byte[32]);
    List<byte[]> shares = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      shares.add(r.signIndividually(KEYS.secrets().get(i), message));
    }
    byte[] multisig = r.aggregate(shares);
    r.work().drain();
    assertThat(r.verifyMultiSignature(List.of(0, 1, 2), message, multisig)).isTrue();
    r.aggregate(shares);
    assertThat(r.work().drain()).containsOnly(Map.entry(CryptoWork.Op.BLS_VERIFY_MULTISIG, 1L),
        Map.entry(CryptoWork.Op.BLS_AGGREGATE_SIGNATURE, 3L));
  }
}
