/**
 * A replica's part in chain-key services: the setup key ceremony (a fixture of a subnet that has
 * been running a while; worlds generate their keys through consensus, {@link
 * dev.subnetsim.replica.chainkey.reshare.KeyGeneration}), the per-node key shares, the
 * management canister's chain-key methods ({@link
 * dev.subnetsim.replica.chainkey.ManagementCanister}: public-key methods answered at once, the
 * others queued as {@link dev.subnetsim.replica.state.ChainKeyRequest}s in the replicated state, up
 * to a queue limit), and the {@link dev.subnetsim.replica.chainkey.ChainKeyWorker} that makes,
 * gossips and verifies shares and proposes a threshold of them for a block.
 */
package dev.subnetsim.replica.chainkey;
