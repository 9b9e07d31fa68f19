/**
 * Invariant checkers fed every observation in trace order: agreement on finalized blocks and
 * certified state, signature validity, progress while healthy, no master secret in any coalition
 * of at most f. The checkers of the world's own load (chain-key replies, canister stories) are in
 * {@code world}, beside the clients whose secrets they use.
 */
package dev.subnetsim.scenarios.invariants;
