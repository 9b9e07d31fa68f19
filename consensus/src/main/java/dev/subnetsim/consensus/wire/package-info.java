/**
 * Bytes of consensus: the protobuf wire form of messages
 * ({@link dev.subnetsim.consensus.wire.MessageCodec} over {@code consensus.proto}; generated
 * classes stay in here). Hashed and signed encodings use chainkey's canonical big-endian writer
 * ({@link dev.subnetsim.chainkey.bytes.BigEndianWriter}). Byte formats: docs/FORMATS.md.
 */
package dev.subnetsim.consensus.wire;
