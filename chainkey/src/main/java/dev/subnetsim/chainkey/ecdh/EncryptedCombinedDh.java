package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcPoint;
import java.util.SortedSet;

/**
 * x*Q still encrypted to the transport key T: (R, C) = (r*G, x*Q + r*T) with r = sum lambda_i r_i.
 * Anyone (a replica, a gateway) can compute it from verified encrypted shares without learning
 * x*Q; only the transport key's owner decrypts it ({@link TransportKeyPair#decrypt}).
 */
public record EncryptedCombinedDh(
    EcPoint ephemeral, EcPoint ciphertext, SortedSet<Integer> contributors, SortedSet<Integer> rejectedNodes) {}
