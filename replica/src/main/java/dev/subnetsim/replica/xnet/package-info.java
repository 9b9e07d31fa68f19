/**
 * Cross-subnet messaging: the routing table (canister ranges, the signing subnet for chain-key
 * calls), stream messages, and certified stream slices
 * ({@link dev.subnetsim.replica.xnet.XNetSlice}) that anyone holding the source subnet's key can
 * check.
 */
package dev.subnetsim.replica.xnet;
