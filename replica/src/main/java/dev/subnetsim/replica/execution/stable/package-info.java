/**
 * Stable memory in the IC's terms: 64 KiB pages that only grow, a journal to roll back a trapped
 * message, a memory manager for several virtual memories, and a B-tree map living entirely in
 * stable memory ({@link dev.subnetsim.replica.execution.stable.StableBTreeMap}).
 */
package dev.subnetsim.replica.execution.stable;
