/**
 * Block payload items, the opaque bytes consensus carries and execution interprets: the protobuf
 * {@code PayloadItem} of {@code payload.proto} (workload, signed ingress in its CBOR envelope,
 * stream slice, chain-key response, reshare or presignature dealing;
 * {@link dev.subnetsim.replica.payload.PayloadItem}), canonical encoding only.
 */
package dev.subnetsim.replica.payload;
