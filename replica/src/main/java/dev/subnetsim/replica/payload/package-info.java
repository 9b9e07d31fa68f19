/**
 * Block payload items, the opaque bytes consensus carries and execution interprets: a tag byte
 * then the item (workload, signed ingress in its CBOR envelope, stream slice, chain-key response,
 * reshare or presignature dealing; {@link dev.subnetsim.replica.payload.PayloadItem}).
 */
package dev.subnetsim.replica.payload;
