package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.TimedEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the replicas of a run live and how one window reaches them: by default in the driver's own
 * actor system ({@link StepExchange}); a cluster run hosts them on other JVMs. Whatever the hosts,
 * the driver sees the same thing: every answer of the window, collected by node, so where a
 * replica runs cannot change a result.
 */
public interface ReplicaHosts extends AutoCloseable {

  /**
   * The answers of one window by node, and the replicas whose step threw (by node), which the
   * driver turns into a finding.
   */
  record Answers(TreeMap<NodeId, ReplicaActor.Stepped> ok, TreeMap<NodeId, Throwable> failed) {}

  /**
   * Sends the window to every node in {@code work} (events in local time, ascending) and returns
   * once every one of them has answered; never with a partial set.
   */
  Answers step(long stepSeq, TreeMap<NodeId, List<TimedEvent>> work,
      Map<NodeId, Long> horizonLocal);

  /** Stops the replicas; the hosts are not used again. */
  @Override
  void close();
}
