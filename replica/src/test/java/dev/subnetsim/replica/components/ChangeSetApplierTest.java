package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.net.Envelope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetApplierTest {
  private static final NodeId SELF = new NodeId(0);
  private final StepOutput.Builder out = StepOutput.builder(SELF,
      List.of(SELF, new NodeId(1), new NodeId(2)));
  private final ChangeSetApplier applier = new ChangeSetApplier(out);

  @Test
  void messagesGoOutInOrderAndRejectionsPrecedeObservationsAttributedToTheirSender() {
    byte[] item = {7};
    List<ConsensusNode.Input> inputs = applier.apply(ChangeSet.builder()
        .broadcast(MessageKind.BEACON_SHARE, new byte[] {1})
        .send(new NodeId(9), MessageKind.CUP_REQUEST, new byte[] {2})
        .observe(new Observation.Metric("m", 3))
        .reject(new NodeId(2), "bad share")
        .propose(item)
        .withdraw(item)
        .build());

    StepOutput built = out.build();
    assertThat(built.sends()).extracting(Envelope::to, Envelope::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple(new NodeId(1), MessageKind.BEACON_SHARE),
        org.assertj.core.groups.Tuple.tuple(new NodeId(2), MessageKind.BEACON_SHARE),
        org.assertj.core.groups.Tuple.tuple(new NodeId(9), MessageKind.CUP_REQUEST));
    assertThat(built.observations()).containsExactly(
        new Observation.ArtifactRejected(new NodeId(2), "bad share"),
        new Observation.Metric("m", 3));
    assertThat(inputs).hasSize(2);
    assertThat(inputs.get(0)).isInstanceOf(ConsensusNode.IngressReceived.class);
    assertThat(inputs.get(1)).isInstanceOf(ConsensusNode.IngressWithdrawn.class);
  }

  @Test
  void applyingSeveralChangeSetsKeepsTheirOrder() {
    List<ConsensusNode.Input> inputs = applier.applyAll(List.of(
        ChangeSet.observing(new Observation.Metric("first", 1)),
        ChangeSet.builder().input(new ConsensusNode.Executed(4, new byte[32])).build(),
        ChangeSet.rejecting(new NodeId(1), "second")));

    assertThat(out.build().observations()).containsExactly(new Observation.Metric("first", 1),
        new Observation.ArtifactRejected(new NodeId(1), "second"));
    assertThat(inputs).singleElement().isInstanceOf(ConsensusNode.Executed.class);
  }
}
