/**
 * Block payload items, the opaque bytes consensus carries and execution interprets: the protobuf
 * {@code PayloadItem} of {@code payload.proto} (workload, signed ingress in its CBOR envelope,
 * stream slice, chain-key response, reshare or presignature dealing;
 * {@link dev.subnetsim.replica.payload.PayloadItem}), canonical encoding only; which items a
 * replica admits to its ingress pool ({@link dev.subnetsim.replica.payload.IngressAdmission}), and
 * the world's load client whose signature workload items must carry ({@link
 * dev.subnetsim.replica.payload.LoadClient}).
 */
package dev.subnetsim.replica.payload;
