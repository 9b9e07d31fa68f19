/**
 * The replicas' one wire vocabulary: the sealed {@link dev.subnetsim.replica.wire.PeerMessage}
 * family, one record per family of {@link dev.subnetsim.consensus.types.MessageKind}s, and
 * {@link dev.subnetsim.replica.wire.WireCodecs}, the one registry of each kind's codec and body
 * bound. Byte formats: docs/FORMATS.md.
 */
package dev.subnetsim.replica.wire;
