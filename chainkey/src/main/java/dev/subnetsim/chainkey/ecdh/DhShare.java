package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;

/**
 * Node {@code index}'s plaintext Diffie–Hellman share S_i = x_i*Q for a base point Q (a peer's
 * public key, or a document key's common point), with a Chaum–Pedersen proof that
 * log_G(Y_i) = log_Q(S_i) for the node's public key share Y_i.
 */
public record DhShare(int index, EcPoint share, EcDleqProof proof) {}
