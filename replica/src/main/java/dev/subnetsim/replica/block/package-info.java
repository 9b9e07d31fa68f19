/**
 * Deterministic execution of finalized blocks ({@link
 * dev.subnetsim.replica.block.BlockExecutor}): payload items, the input queue, routing to local
 * canisters, other subnets' streams or the management canister, and chain-key responses. It sits
 * above {@code execution}, {@code state}, {@code chainkey}, {@code management}, {@code ingress},
 * {@code payload} and {@code xnet}, which it ties together, so none of them needs it.
 */
package dev.subnetsim.replica.block;
