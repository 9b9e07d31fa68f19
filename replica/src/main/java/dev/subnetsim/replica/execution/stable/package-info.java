/**
 * Stable memory in the IC's terms: 64 KiB pages that only grow, a journal to roll back a trapped
 * message, a memory manager for several virtual memories, and a B-tree map living entirely in
 * stable memory ({@link dev.subnetsim.replica.execution.stable.StableBTreeMap}: its operations, with
 * the chunk layout and node encoding in {@code BTreeChunks} and the node in {@code BTreeNode}).
 */
package dev.subnetsim.replica.execution.stable;
