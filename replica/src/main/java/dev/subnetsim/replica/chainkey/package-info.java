/**
 * A replica's part in chain-key services: the genesis key ceremony, the per-node key shares, the
 * queued {@link dev.subnetsim.replica.chainkey.ChainKeyRequest}s of the replicated state, and the
 * {@link dev.subnetsim.replica.chainkey.ChainKeyWorker} that makes, gossips and verifies shares and
 * proposes a threshold of them for a block.
 */
package dev.subnetsim.replica.chainkey;
