/**
 * The example canisters, as Java programs over stable memory: encrypted notes (vetKD), Secret
 * Store, mDL ECDH, a wallet (tECDSA/BIP340), an Internet-Identity-style delegation issuer, a
 * key-value counter for load, and the chain-key proxy that forwards workload calls to the
 * management canister.
 */
package dev.subnetsim.replica.canisters;
