/**
 * Byzantine behaviours of a consensus replica, each a decorator that rewrites the honest replica's
 * outgoing messages ({@link dev.subnetsim.consensus.byzantine.Misbehaviour}), so an honest
 * replica's logic never contains a fault branch.
 */
package dev.subnetsim.consensus.byzantine;
