/**
 * The artifacts replicas exchange: the sealed family
 * {@link dev.subnetsim.consensus.artifacts.ConsensusMessage} (proposals, beacon, notarization,
 * finalization, certification and CUP shares and their aggregates, catch-up messages) and the
 * {@link dev.subnetsim.consensus.artifacts.Block}, whose hash is SHA-256 of its canonical encoding.
 */
package dev.subnetsim.consensus.artifacts;
