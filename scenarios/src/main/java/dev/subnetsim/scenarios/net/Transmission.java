package dev.subnetsim.scenarios.net;

/** The link model's verdict on one send. */
public sealed interface Transmission {

  /** The message arrives at virtual time {@code atNanos}. */
  record Arrives(long atNanos) implements Transmission {}

  /** The message is lost; {@code reason} is "loss" or "partition". */
  record Dropped(String reason) implements Transmission {}
}
