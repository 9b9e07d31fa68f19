/**
 * Invariant checkers fed every observation in trace order: agreement on finalized blocks and
 * certified state, signature validity, progress while healthy, no master secret in any coalition
 * of at most f, and chain-key replies and canister stories judged by their clients.
 */
package dev.subnetsim.scenarios.invariants;
