package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * "At most one value per (subnet, height) among honest replicas": the common shape of
 * {@link #finalization agreement} and {@link #certifiedState certified-state agreement}.
 * Crashed-and-restarted nodes are honest; Byzantine nodes (from the schedule) are ignored.
 */
public final class HeightAgreementChecker implements InvariantChecker {

  /** Extracts (subnet, height, value) from the observations this checker cares about. */
  interface Extractor {
    Claim claim(Observation o);
  }

  record Claim(SubnetId subnet, long height, Bytes value) {}

  private record Key(SubnetId subnet, long height) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = subnet.compareTo(o.subnet);
      return c != 0 ? c : Long.compare(height, o.height);
    }
  }

  private record First(NodeId node, Bytes value) {}

  private final String name;
  private final String what;
  private final Extractor extractor;
  private final FaultSchedule faults;
  private final TreeMap<Key, First> seen = new TreeMap<>();

  private HeightAgreementChecker(
      String name, String what, Extractor extractor, FaultSchedule faults) {
    this.name = name;
    this.what = what;
    this.extractor = extractor;
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  /** The finalization checker's name; its violations are forks. */
  public static final String AGREEMENT = "agreement";

  /**
   * No two honest replicas finalize different blocks at the same height of the same subnet; a
   * violation is reported as a FORK naming both blocks and the replicas that finalized them.
   */
  public static HeightAgreementChecker finalization(FaultSchedule faults) {
    return new HeightAgreementChecker(AGREEMENT, "finalized block",
        o -> o instanceof Observation.Finalized f
            ? new Claim(f.subnet(), f.height(), f.blockHash()) : null, faults);
  }

  /** No two honest replicas certify different state roots at the same height of one subnet. */
  public static HeightAgreementChecker certifiedState(FaultSchedule faults) {
    return new HeightAgreementChecker("certified-state-agreement", "certified state root",
        o -> o instanceof Observation.StateCertified s
            ? new Claim(s.subnet(), s.height(), s.rootHash()) : null, faults);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Violation> onObservation(long timeNanos, NodeId node, Observation observation) {
    Claim c = extractor.claim(observation);
    if (c == null || faults.isByzantine(node)) {
      return List.of();
    }
    Key key = new Key(c.subnet(), c.height());
    First first = seen.putIfAbsent(key, new First(node, c.value()));
    if (first == null || first.value().equals(c.value())) {
      return List.of();
    }
    // A fork, not a stall: two values at one height, both named with the replicas holding them.
    return List.of(new Violation(name, timeNanos, (name.equals(AGREEMENT) ? "FORK: " : "")
        + "subnet " + c.subnet() + " height " + c.height() + ": " + first.node() + " has " + what
            + " " + first.value().toHex() + " but " + node + " has "
            + c.value().toHex()));
  }
}
