package dev.subnetsim.replica;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.replica.net.Envelope;
import java.util.Objects;

/**
 * Everything that can happen to a replica, delivered by the driver (simulated mode) inside a
 * {@link ReplicaActor.Step}. The logic sees them in the driver's canonical order.
 */
public sealed interface InboundEvent {

  /** A message arrived from the network. */
  record MessageDelivered(Envelope envelope) implements InboundEvent {
    public MessageDelivered {
      Objects.requireNonNull(envelope, "envelope");
    }
  }

  /** A timer the logic requested via {@link StepOutput.Builder#timer} is due. */
  record TimerFired(long timerId) implements InboundEvent {}

  /** A client submitted an ingress message to this replica. */
  record IngressSubmitted(Bytes message) implements InboundEvent {
    public IngressSubmitted {
      Objects.requireNonNull(message, "message");
    }

    /** Length only: an ingress message can be kilobytes, too much hex for a log line. */
    @Override
    public String toString() {
      return "IngressSubmitted[" + message.length() + "B]";
    }
  }

  /**
   * Lifecycle events. The shell ({@link ReplicaShell}) acts on them first: a {@link Crash} discards
   * the logic and all its volatile state; a {@link Start} creates a fresh logic from the factory
   * and then hands it the {@code Start} so it can boot (incarnation 0) or recover (a restart,
   * incarnation &gt; 0, e.g. from its last CUP).
   */
  sealed interface Control extends InboundEvent {}

  /** Boot (incarnation 0) or restart (incarnation &gt; 0) of the replica. */
  record Start(int incarnation) implements Control {
    public Start {
      if (incarnation < 0) {
        throw new IllegalArgumentException("incarnation must be >= 0: " + incarnation);
      }
    }

    public boolean isRestart() {
      return incarnation > 0;
    }
  }

  /** The replica stops: no stepping, no receiving, until the next {@link Start}. */
  record Crash() implements Control {}
}
