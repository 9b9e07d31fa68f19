/**
 * The project's own canonical byte formats (those that are hashed or signed and are not protobuf or
 * CBOR): {@link dev.subnetsim.chainkey.bytes.BigEndianWriter} writes big-endian fixed-width
 * integers, raw fields and u32-length-prefixed strings; {@link
 * dev.subnetsim.chainkey.bytes.BigEndianReader} reads them back with every read bounds-checked,
 * failing with {@link dev.subnetsim.chainkey.bytes.MalformedBytesException}; {@link
 * dev.subnetsim.chainkey.bytes.Bytes} is an immutable byte string with value semantics. Depends on
 * no other chainkey package.
 */
package dev.subnetsim.chainkey.bytes;
