package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeSetDecoratorsTest {
  private final ChainKeyShareMessage share = new ChainKeyShareMessage(5, 1, new byte[] {1, 2, 3});
  private final ChangeSet honest = ChangeSet.builder()
      .broadcast(MessageKind.CHAINKEY_SHARE, share.encode())
      .send(new NodeId(3), MessageKind.RESHARE_DEALING, new byte[] {9})
      .reject(new NodeId(2), "invalid share")
      .propose(new byte[] {4})
      .build();

  @Test
  void withholdingDropsEveryMessageButKeepsWhatTheReplicaDoesLocally() {
    ChangeSet withheld = ChangeSetDecorator.sending(Set.of(ByzantineBehaviour.WITHHOLDING))
        .apply(honest);

    assertThat(withheld.messages()).isEmpty();
    assertThat(withheld.rejections()).isEqualTo(honest.rejections());
    assertThat(withheld.toConsensus()).isEqualTo(honest.toConsensus());
  }

  @Test
  void anHonestReplicaSendsItsChangeSetUnchanged() {
    assertThat(ChangeSetDecorator.sending(Set.of()).apply(honest)).isSameAs(honest);
    assertThat(ChangeSetDecorator.chainKeyShares(Set.of(ByzantineBehaviour.WITHHOLDING))
        .apply(honest)).isSameAs(honest);
  }

  @Test
  void invalidChainKeySharesFlipTheLastShareByteOfChainKeySharesOnly() {
    ChangeSet cheated = ChangeSetDecorator.chainKeyShares(
        Set.of(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES)).apply(honest);

    ChainKeyShareMessage sent = ChainKeyShareMessage.decode(cheated.messages().get(0).bytes());
    assertThat(sent.requestId()).isEqualTo(5);
    assertThat(sent.signer()).isEqualTo(1);
    assertThat(sent.share()).containsExactly(1, 2, 2);
    assertThat(cheated.messages().get(0)).isInstanceOf(ChangeSet.Broadcast.class);
    assertThat(cheated.messages().get(1)).isSameAs(honest.messages().get(1));
    assertThat(share.share()).containsExactly(1, 2, 3);
  }

  @Test
  void decoratorsCompose() {
    ChangeSet both = ChangeSetDecorator.chainKeyShares(
        Set.of(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES))
        .andThen(new Withholding()).apply(honest);

    assertThat(both.messages()).isEmpty();
    assertThat(both.rejections()).hasSize(1);
  }

  @Test
  void aUnicastChainKeyShareIsCorruptedButStaysAddressedToItsRecipient() {
    ChangeSet unicast = ChangeSet.builder()
        .send(new NodeId(2), MessageKind.CHAINKEY_SHARE, share.encode()).build();

    ChangeSet cheated = new InvalidChainKeyShares().apply(unicast);

    assertThat(cheated.messages()).singleElement().isInstanceOfSatisfying(ChangeSet.Unicast.class,
        u -> {
          assertThat(u.to()).isEqualTo(new NodeId(2));
          assertThat(ChainKeyShareMessage.decode(u.bytes()).share()).containsExactly(1, 2, 2);
        });
  }

  @Test
  void withholdingAChangeSetWithNothingToSendLeavesItAsItIs() {
    ChangeSet local = ChangeSet.builder().reject(new NodeId(1), "bad").build();

    assertThat(new Withholding().apply(local)).isSameAs(local);
  }
}
