package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cheap combined threshold signatures are bound to the group key, as real ones are: the random
 * beacon (which ranks the block makers) then differs between seeds instead of being one fixed
 * sequence, so seed sweeps in cheap mode explore different block-maker rankings.
 */
class CheapThresholdSignaturesTest {
  private static final byte[] MESSAGE = SignedMessages.beaconMessage(1, new byte[32]);

  private static ConsensusCrypto cheap(GenesisKeys keys) {
    return new ConsensusCrypto(keys.publicKeys(), VerificationCache.shared(),
        ConsensusCrypto.Mode.CHEAP);
  }

  private static byte[] beacon(GenesisKeys keys) {
    ConsensusCrypto crypto = cheap(keys);
    Map<Integer, byte[]> shares = new TreeMap<>();
    for (int i = 0; i < 3; i++) {
      shares.put(i, crypto.signBeaconShare(keys.secrets().get(i), MESSAGE));
    }
    return crypto.combineBeacon(shares);
  }

  @Test
  void theCheapBeaconOfOneMessageDiffersBetweenTheKeysOfTwoSeeds() {
    GenesisKeys seed1 = GenesisKeys.generate("root", 4, SeededRandom.fromSeed(1));
    GenesisKeys seed6 = GenesisKeys.generate("root", 4, SeededRandom.fromSeed(6));

    assertThat(beacon(seed1)).isNotEqualTo(beacon(seed6));
    assertThat(beacon(seed1)).isEqualTo(beacon(seed1)); // still deterministic
  }

  @Test
  void aCheapBeaconVerifiesUnderItsOwnGroupKeyOnly() {
    GenesisKeys seed1 = GenesisKeys.generate("root", 4, SeededRandom.fromSeed(1));
    GenesisKeys seed6 = GenesisKeys.generate("root", 4, SeededRandom.fromSeed(6));
    byte[] signature = beacon(seed1);

    assertThat(cheap(seed1).verifyBeacon(MESSAGE, signature)).isTrue();
    assertThat(cheap(seed6).verifyBeacon(MESSAGE, signature)).isFalse();
    assertThat(cheap(seed1).verifyCertification(MESSAGE, signature)).isFalse();
  }
}
