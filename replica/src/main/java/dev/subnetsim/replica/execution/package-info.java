/**
 * Deterministic canister execution: the execution environment, canister calls with callbacks and
 * traps, the input queue's messages, stable memory and the cost model. A finalized block is
 * executed by {@code dev.subnetsim.replica.block.BlockExecutor}, which stands above this package
 * (it routes to other subnets' streams, the management canister and chain-key responses).
 */
package dev.subnetsim.replica.execution;
