package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pool admits artifacts only within {@link ConsensusPool#LOOKAHEAD} heights above the
 * finalized one and a bounded number of blocks per signer and height; what it holds, the shared
 * verification cache and the equivocation proofs stay bounded however many heights finalize.
 */
class PoolBoundsTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;

  /** Four nodes of which only 0 and 1 run: no quorum, so node 0's pool stands still. */
  private static LocalConsensusNetwork stalled(long seed) {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, seed, UNIT, Map.of());
    net.crashed.add(2);
    net.crashed.add(3);
    net.runUntil(400 * MS, 10 * MS);
    return net;
  }

  private static ConsensusNode.Received from3(ConsensusMessage m) {
    return new ConsensusNode.Received(new NodeId(3), m);
  }

  private static byte[] fakeHash(long i) {
    return ConsensusPool.sha256(("fake block " + i).getBytes());
  }

  @Test
  void validSharesForFarFutureHeightsAreDroppedWithoutGrowingThePool() {
    LocalConsensusNetwork net = stalled(51);
    ConsensusNode node = net.nodes.get(0);
    NodeSecrets byzantine = net.keys.secrets().get(3);
    node.step(net.now(), List.of());
    int before = node.poolSize();
    int pendingBefore = node.pendingCount();
    List<ConsensusNode.Input> flood = new ArrayList<>();
    for (long h = ConsensusPool.LOOKAHEAD + 1; h <= ConsensusPool.LOOKAHEAD + 200; h++) {
      byte[] hash = fakeHash(h);
      flood.add(from3(new NotarizationShare(h, hash, 3, net.crypto.signIndividually(byzantine,
          SignedMessages.notarizationMessage(h, hash)))));
      flood.add(from3(new FinalizationShare(h, hash, 3, net.crypto.signIndividually(byzantine,
          SignedMessages.finalizationMessage(h, hash)))));
    }
    var r = node.step(net.now(), flood);
    assertThat(node.finalizedHeight()).isZero();
    assertThat(r.rejections()).as("validly signed: nothing to blame").isEmpty();
    assertThat(node.poolSize()).isEqualTo(before);
    assertThat(node.pendingCount()).isEqualTo(pendingBefore);
    // The same flood within the window would have been stored: the drop is the window's doing.
    List<ConsensusNode.Input> inWindow = new ArrayList<>();
    for (long h = 2; h <= 11; h++) {
      byte[] hash = fakeHash(h);
      inWindow.add(from3(new NotarizationShare(h, hash, 3, net.crypto.signIndividually(byzantine,
          SignedMessages.notarizationMessage(h, hash)))));
    }
    node.step(net.now(), inWindow);
    assertThat(node.poolSize()).isEqualTo(before + 10);
  }

  @Test
  void aFarFutureShareOfANodeThatDoesNotExistIsRejectedAndAttributed() {
    LocalConsensusNetwork net = stalled(52);
    long h = ConsensusPool.LOOKAHEAD + 5;
    var r = net.nodes.get(0).step(net.now(), List.of(
        from3(new NotarizationShare(h, fakeHash(h), 9, new byte[48]))));
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.sender()).isEqualTo(new NodeId(3));
      assertThat(rej.reason()).contains("node index 9: no such node");
    });
  }

  @Test
  void oneSignersSharesOnManyBlocksAtOneHeightAreCappedAtThePerSignerLimit() {
    LocalConsensusNetwork net = stalled(53);
    ConsensusNode node = net.nodes.get(0);
    NodeSecrets byzantine = net.keys.secrets().get(3);
    node.step(net.now(), List.of());
    int before = node.poolSize();
    List<ConsensusNode.Input> flood = new ArrayList<>();
    for (long i = 0; i < 60; i++) {
      byte[] hash = fakeHash(i);
      flood.add(from3(new NotarizationShare(1, hash, 3, net.crypto.signIndividually(byzantine,
          SignedMessages.notarizationMessage(1, hash)))));
      flood.add(from3(new FinalizationShare(1, hash, 3, net.crypto.signIndividually(byzantine,
          SignedMessages.finalizationMessage(1, hash)))));
    }
    node.step(net.now(), flood);
    int limit = 2 * net.config.n(); // ConsensusPool#perSignerLimit
    assertThat(node.poolSize() - before).isEqualTo(2 * limit);
  }

  @Test
  void thePoolStaysBoundedAsHeightsFinalize() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 54, UNIT, Map.of(),
        ConsensusCrypto.Mode.CHEAP);
    net.runUntil(2_000 * MS, 10 * MS);
    long early = net.nodes.get(0).finalizedHeight();
    int earlySize = maxPoolSize(net);
    net.runUntil(6_000 * MS, 10 * MS);
    long late = net.nodes.get(0).finalizedHeight();
    assertThat(late).as("heights finalized").isGreaterThan(3 * early);
    assertThat(early).isGreaterThan(30); // past the purger's first purge
    assertThat(maxPoolSize(net)).isLessThanOrEqualTo(earlySize * 3 / 2);
  }

  @Test
  void equivocationProofsArePurgedAsHeightsFinalizeAndStillCounted() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 55, UNIT,
        Map.of(1, EnumSet.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER)),
        ConsensusCrypto.Mode.CHEAP);
    net.runUntil(5_000 * MS, 10 * MS);
    ConsensusNode node = net.nodes.get(0);
    long finalized = node.finalizedHeight();
    assertThat(finalized).isGreaterThan(50);
    assertThat(node.equivocationsSeen()).isGreaterThan(node.equivocations().size());
    assertThat(node.equivocations()).isNotEmpty().allSatisfy(p ->
        assertThat(p.height()).isGreaterThan(finalized - 40));
  }

  @Test
  void aSmallSharedVerificationCacheStaysWithinItsCapacityAndConsensusCarriesOn() {
    VerificationCache cache = VerificationCache.shared(64);
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 56, UNIT, Map.of(),
        ConsensusCrypto.Mode.REAL, 0, cache);
    int largest = 0;
    for (long t = 100; t <= 1_500; t += 100) {
      net.runUntil(t * MS, 10 * MS);
      assertThat(cache.size()).isLessThanOrEqualTo(64);
      largest = Math.max(largest, cache.size());
    }
    assertThat(largest).as("filled up, so eviction ran").isGreaterThanOrEqualTo(32);
    assertThat(net.nodes.get(0).finalizedHeight()).isGreaterThan(5);
  }

  private static int maxPoolSize(LocalConsensusNetwork net) {
    return net.nodes.stream().mapToInt(ConsensusNode::poolSize).max().orElseThrow();
  }
}
