package dev.subnetsim.replica;

import java.util.Objects;

/** An inbound event due at {@code localNanos} on the replica's own (possibly skewed) clock. */
public record TimedEvent(long localNanos, InboundEvent event) {
  public TimedEvent {
    Objects.requireNonNull(event, "event");
  }
}
