package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;

/** One entry of the timed fault schedule. */
public sealed interface FaultSpec {

  long atNanos();

  /** 1-based line of the entry in the scenario file, for messages and the report's timeline. */
  int line();

  /**
   * Crashed nodes. {@code counted}: the file said how many ({@code count: K}) rather than which;
   * the nodes are then 0 to K-1, and K = 0 (no node) is allowed so the number can be swept.
   */
  record Crash(long atNanos, int line, NodeSelector nodes, boolean counted) implements FaultSpec {
    /** Named nodes. */
    public Crash(long atNanos, int line, NodeSelector nodes) {
      this(atNanos, line, nodes, false);
    }

    /** As a record's, without the flag of named crashes (the report's timeline shows it). */
    @Override
    public String toString() {
      return "Crash[atNanos=" + atNanos + ", line=" + line + ", nodes=" + nodes
          + (counted ? ", count=" + nodes.indices().size() : "") + "]";
    }
  }

  /** Restart of crashed nodes; they rejoin from the latest CUP via state sync. */
  record Restart(long atNanos, int line, NodeSelector nodes) implements FaultSpec {}

  record Pause(long atNanos, int line, NodeSelector nodes, long forNanos) implements FaultSpec {}

  record ClockSkew(long atNanos, int line, NodeSelector nodes, long skewNanos) implements FaultSpec {}

  /** Groups that can only talk within themselves until the next heal; unlisted nodes are isolated. */
  record Partition(long atNanos, int line, List<NodeSelector> groups) implements FaultSpec {}

  record Heal(long atNanos, int line) implements FaultSpec {}

  /** Extra loss and/or delay on links from one set of nodes to another, until {@code untilNanos}. */
  record LinkFault(long atNanos, int line, NodeSelector from, NodeSelector to, double loss,
      long extraDelayNanos, long untilNanos) implements FaultSpec {}

  /**
   * Byzantine nodes. For {@link ByzantineBehaviour#ARBITRARY}: {@code probability} is the chance
   * that each message a node sends is tampered with, {@code kinds} the message kinds it tampers
   * with (empty: all); other behaviours ignore both.
   */
  record Byzantine(long atNanos, int line, NodeSelector nodes, ByzantineBehaviour behaviour,
      double probability, List<MessageKind> kinds) implements FaultSpec {
    /** The default chance that an arbitrary node tampers with a message. */
    public static final double DEFAULT_PROBABILITY = 0.1;

    public Byzantine {
      kinds = List.copyOf(kinds);
    }

    public Byzantine(long atNanos, int line, NodeSelector nodes, ByzantineBehaviour behaviour) {
      this(atNanos, line, nodes, behaviour, DEFAULT_PROBABILITY, List.of());
    }
  }

  /** Reshare chain keys from one subnet (the backup/root) to another (signing). */
  record Reshare(long atNanos, int line, SubnetId fromSubnet, SubnetId toSubnet,
      List<String> keys) implements FaultSpec {}

  /** Loss of a whole subnet (every node crashes, state lost). */
  record SubnetLoss(long atNanos, int line, SubnetId subnet) implements FaultSpec {}
}
