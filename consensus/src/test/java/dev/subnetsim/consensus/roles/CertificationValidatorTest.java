package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Validator.Verdict;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The validator's certification and catch-up package families: shares and certifications are
 * bound to their height through this replica's own state root; CUP shares to CUP heights, one
 * content per signer.
 */
class CertificationValidatorTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final Validator validator = new Validator(fx.crypto(), fx.node().dkg());
  private final Changes changes = new Changes();

  private Verdict validate(ConsensusMessage m) {
    return validator.validate(pool, m, changes);
  }

  // ---- catch-up package shares ----

  @Test
  void aCupShareAtAHeightThatIsNotACupHeightIsRejected() {
    assertThatThrownBy(() -> validate(new CupShare(7, new byte[32], 1, new byte[48])))
        .hasMessage("catch-up package share at height 7, not a CUP height");
  }

  @Test
  void aNodeSigningTwoCupContentsAtOneHeightIsRejected() {
    byte[] a = ConsensusPool.sha256(new byte[] {1});
    byte[] b = ConsensusPool.sha256(new byte[] {2});
    validate(cupShare(1, a));

    assertThatThrownBy(() -> validate(cupShare(1, b)))
        .hasMessage("node index 1 signed two catch-up package contents at height 10");
  }

  private CupShare cupShare(int signer, byte[] content) {
    return new CupShare(10, content, signer, fx.crypto().signCertificationShare(signer,
        fx.secrets(signer).certificationShare(), SignedMessages.cupMessage(10, content)));
  }

  // ---- certification ----

  @Test
  void aCertificationShareWaitsUntilTheHeightIsExecuted() {
    byte[] root = ConsensusPool.sha256(new byte[] {5});

    assertThat(validate(fx.certificationShare(1, 3, root))).isEqualTo(Verdict.PENDING);
    assertThat(pool.certificationShares).isEmpty();
  }

  @Test
  void aCertificationShareOverAnotherRootThanOursIsRejectedNamingItsSigner() {
    byte[] ours = ConsensusPool.sha256(new byte[] {5});
    byte[] theirs = ConsensusPool.sha256(new byte[] {6});
    pool.recordExecuted(3, ours);

    assertThatThrownBy(() -> validate(fx.certificationShare(2, 3, theirs)))
        .hasMessageStartingWith(
            "certification share of node index 2 at height 3 is over state root");
    assertThat(validate(fx.certificationShare(2, 3, ours))).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void aCertificationOverAnotherRootThanOursAtAnOrdinaryHeightIsRejected() {
    pool.recordExecuted(3, ConsensusPool.sha256(new byte[] {5}));
    byte[] theirs = ConsensusPool.sha256(new byte[] {6});

    assertThatThrownBy(() -> validate(new Certification(3, theirs, new byte[48])))
        .hasMessageStartingWith("certification at height 3 is over state root ");
    assertThat(pool.certifications).isEmpty();
  }

  @Test
  void aCertificationOfOurRootThatVerifiesIsAcceptedAndReported() {
    byte[] ours = ConsensusPool.sha256(new byte[] {5});
    pool.recordExecuted(3, ours);
    Map<Integer, byte[]> shares = new TreeMap<>();
    for (int i = 0; i < 3; i++) {
      shares.put(i, fx.certificationShare(i, 3, ours).share());
    }
    Certification c = new Certification(3, ours, fx.crypto().combineCertification(shares));

    assertThat(validate(c)).isEqualTo(Verdict.ACCEPTED);
    assertThat(changes.certified).containsExactly(c);
    assertThat(changes.combined).extracting(Changes.CombinedArtifact::kind)
        .containsExactly("certification");
  }
}
