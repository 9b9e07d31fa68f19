package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.ChainKeyWorker;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer;
import dev.subnetsim.replica.chainkey.reshare.NodeEncryptionKey;
import dev.subnetsim.replica.chainkey.reshare.ReshareDealer;
import dev.subnetsim.replica.chainkey.reshare.ReshareReceiver;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes one replica's chain-key parts from its key shares, each with its own randomness forked
 * from the run's seed by node and incarnation: the signing worker, the presignature dealer, the
 * reshare dealer (a {@link ByzantineBehaviour#BAD_DEALINGS} node's dealers deal badly) and, on a
 * reshare target, the receiver that holds this node's own encryption key.
 */
public final class ChainKeyParts {
  private final NodeId self;
  private final int index;
  private final int committeeSize;
  private final int incarnation;
  private final SubnetExecution execution;
  private final boolean badDealings;
  private final NodeEncryptionKey encryptionKey;
  private final CpuWork work;

  /** @param work where the replica's workers count the shares they make and verify */
  public ChainKeyParts(NodeId self, int index, int committeeSize, int incarnation,
      SubnetExecution execution, Set<ByzantineBehaviour> behaviours, CpuWork work) {
    this(self, index, committeeSize, incarnation, execution, behaviours, null, work);
  }

  /**
   * @param encryptionKey this node's own secret encryption key (null off a reshare target)
   * @param work where the replica's workers count the shares they make and verify
   */
  public ChainKeyParts(NodeId self, int index, int committeeSize, int incarnation,
      SubnetExecution execution, Set<ByzantineBehaviour> behaviours,
      NodeEncryptionKey encryptionKey, CpuWork work) {
    this.encryptionKey = encryptionKey;
    this.work = work;
    this.self = self;
    this.index = index;
    this.committeeSize = committeeSize;
    this.incarnation = incarnation;
    this.execution = execution;
    this.badDealings = behaviours.contains(ByzantineBehaviour.BAD_DEALINGS);
  }

  public int index() {
    return index;
  }

  /** The signing worker of the genesis keys, if this subnet holds them. */
  public Optional<ChainKeyWorker> genesisWorker() {
    return execution.sharesOf(index).map(shares -> worker(shares,
        execution.management().schemes()));
  }

  /** The signing worker for keys with {@code schemes}. */
  public ChainKeyWorker worker(NodeChainKeyShares shares, Map<String, ChainKeyScheme> schemes) {
    return new ChainKeyWorker(index, committeeSize, shares, schemes, execution.verifier(),
        execution.workerRandom(self + "/" + incarnation), work);
  }

  /** The presignature dealer, if the keys in {@code state} have stashes refilled in the background. */
  public Optional<PresignatureDealer> presignatureDealer(NodeChainKeyShares shares,
      ReplicatedState state) {
    return execution.management().presignatures(state)
        .filter(p -> p.keyIds().stream().anyMatch(p::refills))
        .map(p -> new PresignatureDealer(index, p, shares.signing(),
            execution.workerRandom(self + "/presignatures"), badDealings));
  }

  /** This replica's receiver of reshared keys (none off a reshare target). */
  public Optional<ReshareReceiver> reshareReceiver() {
    return encryptionKey == null ? Optional.empty()
        : execution.reshareReceiver(encryptionKey, self + "/" + incarnation + "/reshare-receiver");
  }

  /** The reshare dealer of a reshare source's genesis keys (none off a source). */
  public Optional<ReshareDealer> reshareDealer() {
    String subnet = execution.subnet();
    if (execution.reshares().schedule().from(subnet).isEmpty()) {
      return Optional.empty();
    }
    return execution.sharesOf(index).map(shares -> new ReshareDealer(index, subnet,
        execution.reshares(), shares, execution.workerRandom(self + "/" + incarnation
            + "/reshare"), badDealings));
  }
}
