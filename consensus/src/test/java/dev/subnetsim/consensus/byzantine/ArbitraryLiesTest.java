package dev.subnetsim.consensus.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.roles.Changes.Outgoing;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * An arbitrary node lies only about the messages its plan strikes, and only with what its own
 * keys allow: it never signs as another node, and its bad blocks are its own, validly signed.
 */
class ArbitraryLiesTest {
  private static final byte[] BAD_ITEM = {'b', 'a', 'd'};

  private final PoolFixture fx = PoolFixture.committeeOfFour();

  private ArbitraryLies lies(double probability, Set<MessageKind> kinds, long seed) {
    return new ArbitraryLies(new AdversaryPlan(probability, kinds, new SplittableRandom(seed),
        r -> BAD_ITEM.clone()), fx.node());
  }

  /** Honest notarization shares of this node on {@code count} blocks at heights 1..count. */
  private List<Outgoing> honestShares(int count) {
    List<Outgoing> out = new ArrayList<>();
    for (int h = 1; h <= count; h++) {
      fx.addBeacon(h);
      Block b = fx.block(h, fx.genesisHash(), 1);
      out.add(new Outgoing(null, fx.notarizationShare(fx.self(), b)));
    }
    return out;
  }

  @Test
  void withProbabilityZeroEveryMessageGoesOutUnchanged() {
    List<Outgoing> honest = honestShares(20);

    assertThat(lies(0, Set.of(), 1).apply(honest)).containsExactlyElementsOf(honest);
  }

  @Test
  void messagesOfKindsThePlanDoesNotNameGoOutUnchanged() {
    List<Outgoing> honest = honestShares(20);

    assertThat(lies(1, Set.of(MessageKind.BEACON_SHARE), 1).apply(honest))
        .containsExactlyElementsOf(honest);
  }

  @Test
  void everyStruckShareStillNamesThisNodeAndValidlySignedOnesAreItsOwn() {
    List<Outgoing> honest = honestShares(40);

    List<Outgoing> out = lies(1, Set.of(), 7).apply(honest);

    assertThat(out.size()).isGreaterThanOrEqualTo(honest.size());
    assertThat(out).isNotEqualTo(honest);
    List<byte[]> honestSignatures = honest.stream()
        .map(o -> ((NotarizationShare) o.message()).signature()).toList();
    assertThat(out).allSatisfy(o -> {
      NotarizationShare s = (NotarizationShare) o.message();
      assertThat(s.signer()).isEqualTo(fx.self());
      boolean copied = honestSignatures.stream().anyMatch(h -> Arrays.equals(h, s.signature()));
      boolean ownFresh = fx.crypto().verifyIndividual(fx.self(),
          SignedMessages.notarizationMessage(s.height(), s.blockHash()), s.signature());
      assertThat(copied || ownFresh).as("an honest signature reused, or a fresh one of its own")
          .isTrue();
    });
  }

  @Test
  void aStruckOwnProposalCarriesBadItemsAfterItsPayloadAndIsValidlySigned() {
    fx.addBeacon(1);
    Block mine = fx.block(1, fx.genesisHash(), fx.self(), List.of(new byte[] {1}));
    Outgoing honest = new Outgoing(null, fx.proposal(mine));
    List<BlockProposal> bad = new ArrayList<>();
    for (long seed = 0; seed < 20 && bad.isEmpty(); seed++) {
      for (Outgoing o : lies(1, Set.of(), seed).apply(List.of(honest))) {
        if (o.message() instanceof BlockProposal p
            && !Arrays.equals(p.block().hash(), mine.hash())) {
          bad.add(p);
        }
      }
    }

    assertThat(bad).as("some seed strikes the proposal with bad items").isNotEmpty();
    Block lie = bad.get(0).block();
    assertThat(lie.proposer()).isEqualTo(fx.self());
    assertThat(lie.height()).isEqualTo(1);
    assertThat(lie.ingress()).hasSizeBetween(2, 4)
        .anySatisfy(i -> assertThat(i).isEqualTo(new byte[] {1}))
        .filteredOn(i -> Arrays.equals(i, BAD_ITEM)).hasSize(lie.ingress().size() - 1);
    assertThat(fx.crypto().verifyIndividual(fx.self(), SignedMessages.proposalMessage(1,
        lie.hash()), bad.get(0).signature())).isTrue();
  }

  @Test
  void theSamePlanSeedTellsTheSameLies() {
    List<Outgoing> honest = honestShares(30);

    List<ConsensusMessage> a = lies(1, Set.of(), 3).apply(honest).stream()
        .map(Outgoing::message).toList();
    List<ConsensusMessage> b = lies(1, Set.of(), 3).apply(honest).stream()
        .map(Outgoing::message).toList();

    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      NotarizationShare x = (NotarizationShare) a.get(i);
      NotarizationShare y = (NotarizationShare) b.get(i);
      assertThat(x.height()).isEqualTo(y.height());
      assertThat(x.blockHash()).isEqualTo(y.blockHash());
      assertThat(x.signature()).isEqualTo(y.signature());
    }
  }
}
