/**
 * The management canister's interface: its requests and replies as CBOR maps with the interface
 * spec's field names ({@link dev.subnetsim.replica.management.ManagementRequest}, {@link
 * dev.subnetsim.replica.management.ManagementReply}). The canister that serves the chain-key
 * methods is {@code dev.subnetsim.replica.chainkey.ManagementCanister}; this package needs nothing
 * from it, so the chain-key schemes can speak these types.
 */
package dev.subnetsim.replica.management;
