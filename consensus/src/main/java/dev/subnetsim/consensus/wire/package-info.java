/**
 * Bytes of consensus: the protobuf wire form of messages
 * ({@link dev.subnetsim.consensus.wire.MessageCodec} over {@code consensus.proto}; generated
 * classes stay in here) and the canonical big-endian writer for hashed and signed encodings
 * ({@link dev.subnetsim.consensus.wire.WireWriter}). Byte formats: docs/FORMATS.md.
 */
package dev.subnetsim.consensus.wire;
