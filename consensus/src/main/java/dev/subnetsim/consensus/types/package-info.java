/**
 * Identities used across the world: {@link dev.subnetsim.consensus.types.NodeId} (unique over all
 * subnets, ordered by value, the key of every canonical order) and
 * {@link dev.subnetsim.consensus.types.SubnetId}.
 */
package dev.subnetsim.consensus.types;
