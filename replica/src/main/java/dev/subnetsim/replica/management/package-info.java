/**
 * The management canister's chain-key methods in the replicated state machine
 * ({@link dev.subnetsim.replica.management.ManagementCanister}): requests and replies as CBOR maps
 * with the interface spec's field names, public-key methods answered at once, the others queued
 * for shares up to a queue limit.
 */
package dev.subnetsim.replica.management;
