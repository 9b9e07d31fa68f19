package dev.subnetsim.replica.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.consensus.DurableStore;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Arrays;
import java.util.List;
import dev.subnetsim.replica.cpu.CpuWork;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Execution of finalized blocks on a subnet without chain keys. */
class ExecutionComponentTest {
  private static final List<NodeId> COMMITTEE = IntStream.range(0, 4).mapToObj(NodeId::new)
      .toList();
  private static final ConsensusConfig CONFIG = ConsensusConfig.defaults(new SubnetId("s"),
      COMMITTEE);
  private static final GenesisKeys KEYS = GenesisKeys.generate("s", 4, SeededRandom.fromSeed(47));

  private final SubnetExecution subnet = SubnetExecution.defaults("s", 4, false,
      SeededRandom.fromSeed(48));
  private final XNetComponent xnet = new XNetComponent("s", subnet.routing(),
      subnet.sliceVerifier(), subnet::members);

  private ExecutionComponent execution(boolean divergent) {
    var honest = ChangeSetDecorator.HONEST;
    return new ExecutionComponent(CONFIG, subnet, divergent, xnet,
        new CatchUpComponent(CONFIG, new ConsensusCrypto(KEYS.publicKeys(),
            VerificationCache.disabled()), new DurableStore(), subnet),
        new ChainKeyParts(COMMITTEE.get(0), 0, 4, 0, subnet, Set.of(), new CpuWork()),
        new ChainKeySigningComponent(COMMITTEE, "s", null, honest, honest),
        new PresignatureDealingComponent(COMMITTEE, null, honest, new CpuWork()),
        new ReshareDealingComponent(COMMITTEE, null, honest, new CpuWork()), new CpuWork());
  }

  private static Block block(long height, int proposer, List<byte[]> items) {
    return new Block(height, new byte[32], 0, proposer, height * 1_000_000_000L, items);
  }

  private static List<ConsensusNode.Input> inputs(List<ChangeSet> changes) {
    return changes.stream().flatMap(c -> c.toConsensus().stream()).toList();
  }

  @Test
  void aFinalizedBlockIsExecutedOnceAndItsStateRootHandedToConsensus() {
    ReplicatedState state = subnet.genesisState();
    Block b = block(1, 0, List.of());

    List<ChangeSet> changes = execution(false).execute(List.of(b), state, 5);

    assertThat(state.height()).isEqualTo(1);
    assertThat(changes.get(0).observations()).containsExactly(
        new Observation.Finalized(new SubnetId("s"), 1, b.id()));
    assertThat(inputs(changes)).singleElement().isInstanceOfSatisfying(
        ConsensusNode.Executed.class, e -> {
          assertThat(e.height()).isEqualTo(1);
          assertThat(e.stateRoot()).isEqualTo(xnet.tree(1).orElseThrow().digest());
        });
    assertThat(execution(false).execute(List.of(b), state, 6)).isEmpty();
  }

  @Test
  void aPayloadItemExecutionRejectsIsAttributedToTheBlockMaker() {
    List<ChangeSet> changes = execution(false).execute(List.of(block(1, 2,
        List.of(new byte[] {1, 2, 3}))), subnet.genesisState(), 5);

    assertThat(changes.stream().flatMap(c -> c.rejections().stream())).singleElement()
        .satisfies(r -> {
          assertThat(r.sender()).isEqualTo(COMMITTEE.get(2));
          assertThat(r.reason()).startsWith("block 1: ");
        });
  }

  @Test
  void aDivergentReplicaReachesAnotherStateRootThanAnHonestOne() {
    Block b = block(1, 0, List.of());
    byte[] honest = root(execution(false).execute(List.of(b), subnet.genesisState(), 5));
    byte[] divergent = root(execution(true).execute(List.of(b), subnet.genesisState(), 5));

    assertThat(Arrays.equals(honest, divergent)).isFalse();
  }

  private static byte[] root(List<ChangeSet> changes) {
    return ((ConsensusNode.Executed) inputs(changes).get(0)).stateRoot();
  }
}
