/**
 * Catch-up packages: what a restarted or lagging replica needs to resume at a height (block hash,
 * beacon, certified state root and its certification, DKG summary), threshold-signed as a whole.
 */
package dev.subnetsim.consensus.catchup;
