package dev.subnetsim.scenarios.consensus;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Records each chain-key request's first completion, and who was blamed for what. */
final class ChainKeyCompletions implements InvariantChecker {
  final TreeMap<Long, Observation.ChainKeyCompleted> byRequest = new TreeMap<>();
  final TreeSet<NodeId> blamed = new TreeSet<>();
  final List<String> reasons = new ArrayList<>();

  @Override
  public String name() {
    return "chain-key completions";
  }

  @Override
  public List<Violation> onObservation(long t, NodeId node, Observation o) {
    if (o instanceof Observation.ChainKeyCompleted c) {
      byRequest.putIfAbsent(c.requestId(), c);
    } else if (o instanceof Observation.ArtifactRejected r) {
      blamed.add(r.from());
      reasons.add(r.reason());
    }
    return List.of();
  }
}
