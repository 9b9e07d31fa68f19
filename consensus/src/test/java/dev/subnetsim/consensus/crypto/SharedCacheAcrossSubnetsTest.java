package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One verification cache serves every subnet of a run. A multi-signature names its signers by
 * committee index, and index 3 on one subnet is another key than index 3 on the next: a verdict
 * reached for one subnet must never answer for another. (Found by a within-f fuzz campaign: a
 * Byzantine root node replayed the root's finalization to a signing subnet, whose replica found the
 * root's "valid" verdict in the shared cache and held a finalization that does not verify.)
 */
class SharedCacheAcrossSubnetsTest {
  private static final int N = 4;
  private static final GenesisKeys ROOT = GenesisKeys.generate("root", N, SeededRandom.fromSeed(1));
  private static final GenesisKeys SIGNING =
      GenesisKeys.generate("signing", N, SeededRandom.fromSeed(2));

  @Test
  void aMultiSignatureValidOnOneSubnetIsInvalidOnAnotherSharingTheCache() {
    VerificationCache cache = VerificationCache.shared();
    ConsensusCrypto root = new ConsensusCrypto(ROOT.publicKeys(), cache);
    ConsensusCrypto signing = new ConsensusCrypto(SIGNING.publicKeys(), cache);
    byte[] message = SignedMessages.finalizationMessage(23, new byte[32]);
    List<Integer> signers = List.of(0, 1, 2);
    List<byte[]> shares = new ArrayList<>();
    for (int i : signers) {
      shares.add(root.signIndividually(ROOT.secrets().get(i), message));
    }
    byte[] finalization = root.aggregate(shares);

    assertThat(root.verifyMultiSignature(signers, message, finalization)).isTrue();
    assertThat(signing.verifyMultiSignature(signers, message, finalization))
        .as("the root's signers 0-2 are not the signing subnet's signers 0-2").isFalse();
    // And the other way round: a verdict cached for the signing subnet first changes nothing.
    VerificationCache fresh = VerificationCache.shared();
    assertThat(new ConsensusCrypto(SIGNING.publicKeys(), fresh)
        .verifyMultiSignature(signers, message, finalization)).isFalse();
    assertThat(new ConsensusCrypto(ROOT.publicKeys(), fresh)
        .verifyMultiSignature(signers, message, finalization)).isTrue();
  }
}
