package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcPoint;

/**
 * Node {@code index}'s DH share encrypted to a transport public key T (ElGamal in the group):
 * R_i = r_i*G, C_i = x_i*Q + r_i*T, with a proof that (x_i, r_i) satisfy Y_i = x_i*G, R_i = r_i*G
 * and C_i = x_i*Q + r_i*T. Only the holder of t (T = t*G) learns x_i*Q = C_i - t*R_i; anyone can
 * check the proof, so a wrong share is attributed without decrypting anything.
 */
public record EncryptedDhShare(int index, EcPoint ephemeral, EcPoint ciphertext, EncryptedShareProof proof) {}
