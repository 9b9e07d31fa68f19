package dev.subnetsim.scenarios.spec;

/** Byzantine behaviours, each a decorator over a replica's honest output (issue 6). */
public enum ByzantineBehaviour {
  EQUIVOCATING_BLOCK_MAKER,
  DOUBLE_SIGNING_NOTARY,
  INVALID_BEACON_SHARES,
  INVALID_SIGNATURE_SHARES,
  INVALID_DECRYPTION_SHARES,
  BAD_DEALINGS,
  WITHHOLDING,
  TWINS,
  DIVERGENT_EXECUTION,
  /** Sends anything its own keys allow (see {@code FaultSpec.Byzantine#probability}). */
  ARBITRARY
}
