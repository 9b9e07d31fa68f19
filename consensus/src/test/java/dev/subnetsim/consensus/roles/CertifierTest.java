package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The certifier signs one certification share per executed height, over its state root. */
class CertifierTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final Certifier certifier = new Certifier(fx.node());

  private List<CertificationShare> run() {
    Changes changes = new Changes();
    certifier.onStateChange(pool, 0, changes);
    return changes.outgoing.stream().map(o -> (CertificationShare) o.message()).toList();
  }

  private static byte[] root(int i) {
    return ConsensusPool.sha256(new byte[] {(byte) i});
  }

  @Test
  void certifierSignsAShareOverTheStateRootOfEachExecutedHeight() {
    pool.recordExecuted(1, root(1));
    pool.recordExecuted(2, root(2));

    List<CertificationShare> shares = run();

    assertThat(shares).extracting(CertificationShare::height).containsExactly(1L, 2L);
    CertificationShare s = shares.get(1);
    assertThat(s.stateRoot()).isEqualTo(root(2));
    assertThat(s.signer()).isEqualTo(fx.self());
    assertThat(fx.crypto().verifyCertificationShare(
        fx.node().dkg().keys(2).orElseThrow().certificationShares(), fx.self(),
        SignedMessages.certificationMessage(root(2)), s.share())).isTrue();
    assertThat(pool.myCertificationShares).containsExactly(1L, 2L);
    assertThat(pool.certificationShares.get(2L).get(Bytes.of(root(2))))
        .containsOnlyKeys(fx.self());
  }

  @Test
  void certifierSignsEachHeightOnce() {
    pool.recordExecuted(1, root(1));
    run();
    pool.recordExecuted(2, root(2));

    assertThat(run()).extracting(CertificationShare::height).containsExactly(2L);
  }

  @Test
  void certifierDoesNotSignAHeightAlreadyCertified() {
    pool.recordExecuted(1, root(1));
    pool.certifications.put(1L, new Certification(1, root(1), new byte[48]));

    assertThat(run()).isEmpty();
  }

  @Test
  void certifierSignsNothingBeforeExecution() {
    fx.addNotarizedChain(2);

    assertThat(run()).isEmpty();
  }
}
