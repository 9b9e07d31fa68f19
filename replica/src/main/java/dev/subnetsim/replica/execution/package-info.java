/**
 * Deterministic execution of finalized blocks
 * ({@link dev.subnetsim.replica.execution.BlockExecutor}): payload items, the input queue, canister
 * calls with callbacks and traps, routing to local canisters, other subnets' streams or the
 * management canister, and the cost model.
 */
package dev.subnetsim.replica.execution;
