package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.Rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.types.NodeId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A peer body that did not decode reaches the node as {@link ConsensusNode.Malformed}: refused in
 * the node's words, attributed to its sender, in arrival order among the step's other rejections.
 */
class MalformedInputTest {
  private static final long MS = 1_000_000L;

  @Test
  void anUndecodableBodyIsRejectedInArrivalOrderAmongTheNodesOtherRejections() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 61, 100 * MS, Map.of());
    long h = ConsensusPool.LOOKAHEAD + 5;
    NotarizationShare ofNoNode = new NotarizationShare(h, ConsensusPool.sha256(new byte[] {1}), 9,
        new byte[48]);

    var r = net.nodes.get(0).step(0, List.of(
        new ConsensusNode.Malformed(new NodeId(3), "not a ConsensusMessage protobuf: x"),
        new ConsensusNode.Received(new NodeId(2), ofNoNode),
        new ConsensusNode.Malformed(new NodeId(1), "missing field block")));

    assertThat(r.rejections()).extracting(Rejection::sender)
        .containsExactly(new NodeId(3), new NodeId(2), new NodeId(1));
    assertThat(r.rejections().get(0).reason())
        .isEqualTo("malformed message: not a ConsensusMessage protobuf: x");
    assertThat(r.rejections().get(1).reason()).contains("node index 9: no such node");
    assertThat(r.rejections().get(2).reason()).isEqualTo("malformed message: missing field block");
  }

  @Test
  void aPeerInputNamesItsSenderAndCannotBeEmpty() {
    assertThatThrownBy(() -> new ConsensusNode.Received(new NodeId(1), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ConsensusNode.Malformed(null, "x"))
        .isInstanceOf(NullPointerException.class);
  }
}
