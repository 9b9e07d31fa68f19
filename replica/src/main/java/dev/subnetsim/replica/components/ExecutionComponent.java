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
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;

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
          state.certifiedTree(execution.registry().entries()))));
      changes.add(done.build());
      changes.add(xnet.refreshProposals(state));
      if (!signing.holdsKeys()) {
        changes.add(keysArrived(state));
      }
      changes.add(signing.afterExecution(state));
      changes.add(signing.stashLevels(execution.management(), state));
      changes.add(presignatures.afterExecution(state));
      changes.add(reshares.afterExecution(state));
    }
    return changes;
  }

  /**
   * A reshare target gets its keys (and its part in answering requests) when they arrive; a share
   * that did not decrypt was recovered by a complaint, attributed to its dealer.
   */
  private ChangeSet keysArrived(ReplicatedState state) {
    int index = parts.index();
    var shares = execution.sharesOf(index, state);
    if (shares.isEmpty()) {
      return ChangeSet.EMPTY;
    }
    signing.install(parts.worker(shares.get(), execution.management().schemes(state)));
    presignatures.install(parts.presignatureDealer(shares.get(), state).orElse(null));
    ChangeSet.Builder b = ChangeSet.builder();
    for (var c : execution.installComplaints(state)) {
      if (c.receiver() == index) {
        b.reject(execution.members().get(c.source()).get(c.dealer()), "resharing dealing of "
            + c.keyId() + ": my share did not decrypt; complaint upheld, share recovered "
            + "from peers' openings");
      }
    }
    return b.build();
  }
}
