package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.types.NodeId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A catch-up response is a peer's bytes: what fails validation in it is rejected and blamed on the
 * peer that sent it (it used to be checked as the replica's own and its rejections dropped).
 */
class CatchUpAttributionTest {
  private static final long MS = 1_000_000L;

  @Test
  void aForgedFinalizationInACatchUpResponseIsBlamedOnTheSenderAndFinalizesNothing() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 7, 100 * MS, Map.of(),
        ConsensusCrypto.Mode.REAL, 0);
    ConsensusNode node = net.nodes.get(0);
    NodeId liar = new NodeId(3);
    Block forged = new Block(1, new byte[32], 0, 3, 0, List.of(new byte[] {'x'}));
    Finalization fake = new Finalization(1, forged.hash(), List.of(1, 2, 3), new byte[96]);

    ConsensusNode.IngestedChain chain = node.ingestFinalizedChain(liar, List.of(forged),
        List.of(fake), List.of());

    assertThat(chain.finalized()).isEmpty();
    assertThat(chain.rejections()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.sender()).isEqualTo(liar));
  }
}
