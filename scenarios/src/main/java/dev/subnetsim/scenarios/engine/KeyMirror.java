package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.KeyGeneration;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The driver's copy of the key material replicas on cluster members hold, kept from their
 * {@link KeyReport}s: the checkers read it as they would read the replicas in one JVM. Reports of
 * a window are applied, in node order, before the driver looks at the window's results, so the
 * checkers see each replica as it was at the end of the window, as in one JVM. Installed chain
 * keys are derived here from the reported dealings (public computation), into the driver's own
 * replica factory, where the clients and checkers of {@link RunWiring} read them; generated keys
 * are also forwarded to every replica, whose member may need them and host none of the replicas
 * that generated them.
 */
public final class KeyMirror implements ReplicaKeys {
  private final ConsensusReplicaFactory factory;
  private final Map<NodeId, List<EpochKeys>> consensus = new TreeMap<>();
  private final Map<NodeId, NodeChainKeyShares> shares = new TreeMap<>();
  /** Generated keys learned so far, in the order learned. */
  private final List<KeyReport.Installed> generations = new ArrayList<>();
  /** Per node, how many of {@link #generations} it was sent. */
  private final Map<NodeId, Integer> forwarded = new TreeMap<>();

  /** @param factory the driver's replica factory of the run (its replicas never run) */
  KeyMirror(ConsensusReplicaFactory factory) {
    this.factory = factory;
  }

  /**
   * Takes {@code node}'s report of a window.
   *
   * @throws IllegalArgumentException if an installation it reports does not derive here
   */
  public synchronized void apply(NodeId node, KeyReport report) {
    report.consensus().ifPresent(held -> consensus.put(node, held));
    report.reshared().ifPresent(r -> {
      if (r.shares().isPresent()) {
        shares.put(node, r.shares().get());
      } else {
        shares.remove(node);
      }
    });
    for (KeyReport.Installed i : report.installs()) {
      try {
        factory.execution(new SubnetId(i.subnet())).adoptInstalled(i.install());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(node + " reported chain keys of " + i.subnet()
            + " that do not derive: " + e.getMessage(), e);
      }
      if (i.install().reshare() == KeyGeneration.INSTANCE
          && generations.stream().noneMatch(g -> g.subnet().equals(i.subnet()))) {
        generations.add(i);
      }
    }
  }

  /** The generated keys {@code node} has not been sent yet, now counted as sent. */
  public synchronized List<KeyReport.Installed> toForward(NodeId node) {
    int sent = forwarded.getOrDefault(node, 0);
    if (sent == generations.size()) {
      return List.of();
    }
    forwarded.put(node, generations.size());
    return List.copyOf(generations.subList(sent, generations.size()));
  }

  @Override
  public synchronized Optional<NodeChainKeyShares> resharedShares(NodeId node) {
    return Optional.ofNullable(shares.get(node));
  }

  @Override
  public synchronized List<EpochKeys> consensusKeys(NodeId node) {
    return consensus.getOrDefault(node, List.of());
  }
}
