package dev.subnetsim.scenarios.faults;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.net.Partition;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A timed fault of the schedule; it takes effect at {@code atNanos} (virtual time). */
public sealed interface Fault {
  long atNanos();

  /** The node stops: it no longer steps or receives; its volatile state is lost. */
  record Crash(long atNanos, NodeId node) implements Fault {
    public Crash {
      Objects.requireNonNull(node, "node");
    }
  }

  /** A crashed node comes back as a fresh logic instance that gets a restart Start event. */
  record Restart(long atNanos, NodeId node) implements Fault {
    public Restart {
      Objects.requireNonNull(node, "node");
    }
  }

  /**
   * The node freezes until {@code untilNanos} (a long GC pause, a stalled VM): it keeps its state
   * but steps nothing; everything addressed to it meanwhile (messages, timers, faults) is handed
   * over at {@code untilNanos}, in its original order.
   */
  record Pause(long atNanos, NodeId node, long untilNanos) implements Fault {
    public Pause {
      Objects.requireNonNull(node, "node");
      if (untilNanos <= atNanos) {
        throw new IllegalArgumentException(
            "pause must end after it starts: " + atNanos + " .. " + untilNanos);
      }
    }
  }

  /** From now on the network is split as {@code partition} says (replaces any earlier one). */
  record PartitionNetwork(long atNanos, Partition partition) implements Fault {
    public PartitionNetwork {
      Objects.requireNonNull(partition, "partition");
    }
  }

  /** The partition ends. */
  record Heal(long atNanos) implements Fault {}

  /**
   * Links from any node of {@code from} to any node of {@code to} get extra loss and extra delay
   * for messages sent in [atNanos, untilNanos).
   */
  record DegradeLinks(long atNanos, Set<NodeId> from, Set<NodeId> to, double loss,
      long extraDelayNanos, long untilNanos) implements Fault {
    public DegradeLinks {
      // Sorted: the record's toString goes into the trace, and Set.copyOf's order varies by JVM.
      from = Collections.unmodifiableSortedSet(new TreeSet<>(from));
      to = Collections.unmodifiableSortedSet(new TreeSet<>(to));
      if (!(loss >= 0 && loss <= 1) || extraDelayNanos < 0 || untilNanos <= atNanos) {
        throw new IllegalArgumentException("need loss in [0,1], extra delay >= 0, until > at; got "
            + loss + ", " + extraDelayNanos + ", " + atNanos + ".." + untilNanos);
      }
    }

    public boolean affects(NodeId a, NodeId b) {
      return from.contains(a) && to.contains(b);
    }
  }

  /**
   * From now on {@code node}'s clock reads virtual time + {@code skewNanos} (an NTP step). A step
   * back makes the replica's clock jump back, as a real stepped clock would.
   */
  record SkewClock(long atNanos, NodeId node, long skewNanos) implements Fault {
    public SkewClock {
      Objects.requireNonNull(node, "node");
    }
  }
}
