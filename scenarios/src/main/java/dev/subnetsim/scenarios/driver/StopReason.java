package dev.subnetsim.scenarios.driver;

/** Why a run ended. */
public enum StopReason {
  /** Virtual time reached the configured end. */
  END_TIME,
  /** An invariant checker reported a violation. */
  VIOLATION,
  /** Nothing left to happen (no messages, timers or faults pending). */
  NO_EVENTS
}
