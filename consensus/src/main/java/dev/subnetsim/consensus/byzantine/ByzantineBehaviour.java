package dev.subnetsim.consensus.byzantine;

/** Byzantine behaviours of a consensus replica, each a decorator over its honest output. */
public enum ByzantineBehaviour {
  /** Proposes two different blocks at its rank, one to each half of the committee. */
  EQUIVOCATING_BLOCK_MAKER,
  /** Signs notarization and finalization shares for every block it sees, without delays. */
  DOUBLE_SIGNING_NOTARY,
  /** Sends beacon shares that are valid points but wrong signatures. */
  INVALID_BEACON_SHARES,
  /** Sends wrong notarization, finalization, certification and catch-up package shares. */
  INVALID_SIGNATURE_SHARES,
  /** Sends chain-key shares (vetKD, ECDH, document-key shadows, signatures) that fail verification. */
  INVALID_CHAIN_KEY_SHARES,
  /**
   * A cheating dealer: its chain-key resharing dealings fail public verification or encrypt a bad
   * share (replica side), and its consensus DKG dealings encrypt a wrong share to the next node,
   * which only that node's complaint exposes ({@link dev.subnetsim.consensus.dkg.SubnetDkg}).
   */
  BAD_DEALINGS,
  /**
   * Runs as two live copies of one identity (Twins), each talking to one half of the subnet and
   * each following the protocol on its own view, so the identity signs conflicting artifacts.
   */
  TWINS,
  /**
   * Re-sends the certification shares and certifications it holds (honest ones, validly signed)
   * labelled with the neighbouring heights: their signed bytes carry the state root only.
   */
  RELABELLED_CERTIFICATIONS,
  /** Executes blocks to a state the honest replicas do not reach (its state hash diverges). */
  DIVERGENT_EXECUTION,
  /** Sends nothing at all (but keeps following the protocol locally). */
  WITHHOLDING,
  /**
   * Sends anything its own keys allow, drawn from a seeded menu per message ({@link AdversaryPlan}):
   * relabelled (other heights; DKG items to other epochs, keys, dealers, receivers), far-future,
   * replayed, duplicated or validly signed wrong artifacts, blocks with bad
   * payload items, and (replica layer) garbled, truncated, oversized or mislabelled bytes.
   */
  ARBITRARY
}
