package dev.subnetsim.scenarios.spec;

/** Invariant checkers a scenario can enable (all by default). */
public enum InvariantKind {
  AGREEMENT,
  CERTIFIED_STATE_AGREEMENT,
  SIGNATURES_VALID,
  LIVENESS,
  NO_MASTER_SECRET
}
