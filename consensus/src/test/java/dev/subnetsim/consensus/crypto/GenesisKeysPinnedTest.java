package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Genesis keys are a pure function of the seed, and that function must not drift when the in-process
 * DKG is refactored: the digest below was taken from the code before the ceremony moved into
 * chainkey's InProcessDkg.
 */
class GenesisKeysPinnedTest {

  static String digest(GenesisKeys keys) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(keys.publicKeys().beaconKey().toBytes());
    sha.update(keys.publicKeys().certificationKey().toBytes());
    for (NodeSecrets s : keys.secrets()) {
      sha.update(s.beaconShare().toBytes());
      sha.update(s.certificationShare().toBytes());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void genesisKeysForAFixedSeedAreThoseTheOriginalCeremonyProduced() throws Exception {
    GenesisKeys keys = GenesisKeys.generate("pinned", 4, SeededRandom.fromSeed(17));
    assertThat(digest(keys)).isEqualTo("9162e14e2bc9ee01febd4aefc765756961785f0974e80a2bff448e0277e3205d");
  }

  @Test
  void everyNodesSharesMatchTheirPublicKeyShares() {
    GenesisKeys keys = GenesisKeys.generate("pinned", 4, SeededRandom.fromSeed(17));
    for (NodeSecrets s : keys.secrets()) {
      assertThat(keys.publicKeys().beaconKey().verifyShare(s.index(), s.beaconShare())).isTrue();
      assertThat(keys.publicKeys().certificationKey().verifyShare(s.index(), s.certificationShare()))
          .isTrue();
    }
    assertThat(keys.publicKeys().beaconKey().threshold()).isEqualTo(2);
    assertThat(keys.publicKeys().certificationKey().threshold()).isEqualTo(3);
  }
}
