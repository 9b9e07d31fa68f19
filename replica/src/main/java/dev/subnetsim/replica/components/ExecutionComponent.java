package dev.subnetsim.replica.components;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.MetricKey;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.block.BlockExecutor;
import dev.subnetsim.replica.block.BlockOutcome;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.ReshareReceiver;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Execution of finalized blocks on the replicated state; after each block, the components that
 * follow the executed state (xnet proposals, chain-key signing, presignature and reshare dealing,
 * checkpoints) take their turn. A reshare target's chain-key parts start when its keys arrive.
 * A {@code divergent} replica's state hash departs from the honest one at every block.
 */
public final class ExecutionComponent {
  private final ConsensusConfig config;
  private final SubnetExecution execution;
  private final BlockExecutor executor;
  private final boolean divergent;
  private final XNetComponent xnet;
  private final CatchUpComponent catchUp;
  private final ChainKeyParts parts;
  private final ChainKeySigningComponent signing;
  private final PresignatureDealingComponent presignatures;
  private final ReshareDealingComponent reshares;
  /** Null off a reshare target. */
  private final ReshareReceiver receiver;
  /** This replica's work: what executing each block cost it. */
  private final CpuWork work;

  public ExecutionComponent(ConsensusConfig config, SubnetExecution execution, boolean divergent,
      XNetComponent xnet, CatchUpComponent catchUp, ChainKeyParts parts,
      ChainKeySigningComponent signing, PresignatureDealingComponent presignatures,
      ReshareDealingComponent reshares, CpuWork work) {
    this.config = config;
    this.work = work;
    this.execution = execution;
    this.executor = execution.executor();
    this.divergent = divergent;
    this.xnet = xnet;
    this.catchUp = catchUp;
    this.parts = parts;
    this.signing = signing;
    this.presignatures = presignatures;
    this.reshares = reshares;
    this.receiver = parts.reshareReceiver().orElse(null);
  }

  /** This replica's own shares of reshared keys, once it holds them (for checkers). */
  public Optional<NodeChainKeyShares> reshared() {
    return receiver == null ? Optional.empty() : receiver.shares();
  }

  /** Executes the blocks above {@code state}'s height on it, in order; @return what to apply */
  public List<ChangeSet> execute(List<Block> blocks, ReplicatedState state, long now) {
    List<ChangeSet> changes = new ArrayList<>();
    SubnetId subnet = config.subnet();
    for (Block b : blocks) {
      if (b.height() <= state.height()) {
        continue;
      }
      // A payload item that makes execution throw is the block maker's doing.
      var maker = config.committee().get(b.proposer());
      BlockOutcome o = PeerInputFailure.attributed(maker,
          "block payload at height " + b.height(),
          () -> executor.execute(state, b.height(), b.timeNanos(), b.hash(), b.ingress()));
      o.work().forEach(work::add);
      if (divergent) {
        state.diverge(b.height());
      }
      catchUp.executed(b.height(), state);
      changes.add(ChangeSet.observing(new Observation.Finalized(subnet, b.height(), b.id())));
      ChangeSet.Builder done = ChangeSet.builder();
      o.rejectedItems().forEach(r -> done.reject(maker, "block " + b.height() + ": " + r));
      for (BlockOutcome.LoadCompleted l : o.load()) {
        // Latency of answered load; rejected load (e.g. a full queue) is counted apart.
        done.observe(new Observation.Metric((l.replied() ? MetricKey.INGRESS_DONE
            : MetricKey.INGRESS_REJECTED).of(l.sequence()), now - l.sentAtNanos()));
      }
      for (BlockOutcome.IngressCompleted i : o.ingress()) {
        done.observe(new Observation.IngressCompleted(subnet, b.height(), Bytes.of(i.requestId()),
            i.reply().replied(), i.reply().replied() ? Bytes.of(i.reply().data()) : Bytes.empty(),
            i.reply().rejectCode(), i.reply().replied() ? "" : i.reply().rejectMessage()));
      }
      for (BlockOutcome.ChainKeyCompleted c : o.chainKey()) {
        done.observe(new Observation.ChainKeyCompleted(subnet, b.height(),
            c.request().id(), c.request().method(), Bytes.of(c.request().caller().toBytes()),
            Bytes.of(c.request().arg()), Bytes.of(c.reply().encode()),
            c.request().receivedAtNanos(), now));
      }
      done.input(new ConsensusNode.Executed(b.height(), xnet.recordTree(state.height(),
          state.certifiedTree(execution.registry()))));
      changes.add(done.build());
      changes.add(xnet.refreshProposals(state));
      if (receiver != null) {
        changes.add(received(state));
      }
      changes.add(signing.afterExecution(state));
      changes.add(signing.stashLevels(execution.management(), state));
      changes.add(presignatures.afterExecution(state));
      changes.add(reshares.afterExecution(state));
    }
    return changes;
  }

  /**
   * A reshare target's replica decrypts its own shares of installed keys (and takes part in
   * answering requests once it holds them); a share that does not decrypt is complained about
   * through consensus and blamed on its dealer.
   */
  private ChangeSet received(ReplicatedState state) {
    ReshareReceiver.Effects e = receiver.afterExecution(state);
    e.installedNow().ifPresent(shares -> {
      signing.install(parts.worker(shares, execution.management().schemes(state)));
      presignatures.install(parts.presignatureDealer(shares, state).orElse(null));
    });
    ChangeSet.Builder b = ChangeSet.builder();
    e.propose().forEach(b::propose);
    e.withdraw().forEach(b::withdraw);
    e.blamed().forEach(x -> b.reject(execution.members().get(x.source()).get(x.dealer()),
        x.reason()));
    return b.build();
  }
}
