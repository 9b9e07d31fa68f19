/**
 * Byzantine behaviours that live at the replica layer, each a decorator over a replica's honest
 * output: {@link dev.subnetsim.replica.byzantine.ArbitraryReplicaLogic} garbles, truncates,
 * inflates, replays and mislabels the bytes an {@code arbitrary} node sends (of every message kind),
 * and {@link dev.subnetsim.replica.byzantine.BadPayloadItems} makes the payload items of every type
 * that such a node puts into the blocks it proposes. Consensus-level lies (relabelled heights,
 * validly signed wrong content, DKG items under other labels) are in
 * {@code dev.subnetsim.consensus.byzantine}.
 */
package dev.subnetsim.replica.byzantine;
