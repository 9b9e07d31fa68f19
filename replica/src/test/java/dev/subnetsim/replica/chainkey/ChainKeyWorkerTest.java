package dev.subnetsim.replica.chainkey;

import dev.subnetsim.consensus.types.Rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.testing.ReplicaStateFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One replica's chain-key worker on an executed state with pending vetKD requests: it shares each
 * ready request once, counts valid shares (its own included) and proposes a response with exactly
 * a threshold of them, attributes invalid shares to their signer, buffers shares for requests it
 * has not executed yet, and withdraws its proposal once the request is answered.
 */
class ChainKeyWorkerTest {
  private static final String VETKD = "vetkd_derive_key";

  private final ReplicaStateFixture fx = ReplicaStateFixture.signingSubnet(4, 31);
  private final ReplicatedState state = fx.state();

  private ChainKeyRequest onePending() {
    List<ChainKeyRequest> pending = fx.executeCalls(fx.vetKdRequest(new byte[] {1}));
    assertThat(pending).hasSize(1);
    return pending.get(0);
  }

  /** Node {@code i}'s share of the pending requests, as it would gossip it. */
  private ChainKeyShareMessage shareOf(int i) {
    return fx.worker(i).afterExecution(state).broadcast().get(0);
  }

  private static PayloadItem.ChainKeyResponse response(byte[] item) {
    return (PayloadItem.ChainKeyResponse) PayloadItem.decode(item);
  }

  @Test
  void theWorkerSharesEachReadyRequestOnceAsItself() {
    ChainKeyRequest r = onePending();
    ChainKeyWorker worker = fx.worker(2);

    ChainKeyWorker.Effects first = worker.afterExecution(state);

    assertThat(first.broadcast()).singleElement().satisfies(m -> {
      assertThat(m.requestId()).isEqualTo(r.id());
      assertThat(m.signer()).isEqualTo(2);
      assertThat(fx.subnet().verifier().verify(state, fx.subnet().management().schemes()
          .get(VETKD), r, 2, m.share())).isTrue();
    });
    assertThat(first.propose()).isEmpty();
    assertThat(worker.afterExecution(state).broadcast()).isEmpty();
  }

  @Test
  void ownShareAndPeerSharesUpToTheThresholdProposeAResponseWithExactlyAThreshold() {
    ChainKeyRequest r = onePending();
    int threshold = fx.threshold(VETKD);
    assertThat(threshold).isEqualTo(2);
    ChainKeyWorker worker = fx.worker(0);
    List<ChainKeyShareMessage> own = worker.afterExecution(state).broadcast();

    assertThat(worker.acceptOwn(state, own).propose()).as("below the threshold").isEmpty();
    ChainKeyWorker.Effects at = worker.onShare(state, shareOf(3));

    assertThat(at.rejections()).isEmpty();
    assertThat(at.propose()).singleElement().satisfies(item -> {
      assertThat(response(item).requestId()).isEqualTo(r.id());
      assertThat(response(item).shares()).containsOnlyKeys(0, 3);
    });
    assertThat(worker.onShare(state, shareOf(1)).propose()).as("proposed once").isEmpty();
  }

  @Test
  void anInvalidShareIsRejectedAndAttributedToItsSigner() {
    ChainKeyRequest r = onePending();
    ChainKeyShareMessage good = shareOf(1);
    byte[] bad = good.share().clone();
    bad[bad.length - 1] ^= 1;

    ChainKeyWorker.Effects effects = fx.worker(0).onShare(state,
        new ChainKeyShareMessage(r.id(), 1, bad));

    assertThat(effects.rejections()).containsExactly(new ChainKeyWorker.Rejection(1,
        "invalid vetkd_derive_key share of node 1 for request " + r.id()));
    assertThat(effects.propose()).isEmpty();
  }

  @Test
  void aShareOfAnotherSignerThanItClaimsIsRejectedAsTheClaimedSigners() {
    ChainKeyRequest r = onePending();
    ChainKeyShareMessage ones = shareOf(1);

    ChainKeyWorker.Effects effects = fx.worker(0).onShare(state,
        new ChainKeyShareMessage(r.id(), 2, ones.share()));

    assertThat(effects.rejections()).extracting(ChainKeyWorker.Rejection::signer)
        .containsExactly(2);
  }

  @Test
  void aShareOfASignerOutsideTheCommitteeIsRejected() {
    ChainKeyRequest r = onePending();

    ChainKeyWorker.Effects effects = fx.worker(0).onShare(state,
        new ChainKeyShareMessage(r.id(), 4, new byte[] {1}));

    assertThat(effects.rejections()).containsExactly(new ChainKeyWorker.Rejection(4,
        "chain-key share from unknown signer index 4"));
  }

  @Test
  void aShareForARequestNotYetExecutedIsBufferedAndCountedOnceItIs() {
    ReplicatedState behind = fx.genesisState();
    ChainKeyRequest r = onePending(); // executed on the fixture's state, not on behind
    assertThat(r.id()).isGreaterThanOrEqualTo(behind.nextIdPeek());
    ChainKeyWorker worker = fx.worker(0);

    ChainKeyWorker.Effects early = worker.onShare(behind, shareOf(2));
    assertThat(early.rejections()).isEmpty();
    assertThat(early.propose()).isEmpty();

    List<ChainKeyShareMessage> own = worker.afterExecution(state).broadcast();
    ChainKeyWorker.Effects caughtUp = worker.acceptOwn(state, own);

    assertThat(caughtUp.propose()).singleElement()
        .satisfies(item -> assertThat(response(item).shares()).containsOnlyKeys(0, 2));
  }

  @Test
  void theProposedResponseIsWithdrawnOnceTheRequestIsAnsweredElsewhere() {
    ChainKeyRequest r = onePending();
    ChainKeyWorker worker = fx.worker(0);
    worker.acceptOwn(state, worker.afterExecution(state).broadcast());
    byte[] proposed = worker.onShare(state, shareOf(1)).propose().get(0);

    state.chainKeyRequests().remove(r.id());
    ChainKeyWorker.Effects after = worker.afterExecution(state);

    assertThat(after.withdraw()).singleElement()
        .satisfies(item -> assertThat(item).isEqualTo(proposed));
    assertThat(after.broadcast()).isEmpty();
  }

  @Test
  void eachPendingRequestGetsItsOwnShare() {
    List<ChainKeyRequest> pending = fx.executeCalls(fx.vetKdRequest(new byte[] {1}),
        fx.vetKdRequest(new byte[] {2}));

    assertThat(fx.worker(1).afterExecution(state).broadcast())
        .extracting(ChainKeyShareMessage::requestId)
        .containsExactlyElementsOf(pending.stream().map(ChainKeyRequest::id).toList());
  }
}
