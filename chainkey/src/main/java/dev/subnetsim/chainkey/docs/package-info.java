/**
 * Parity Secret Store-style document keys (seed 003): threshold ElGamal of a document key under a
 * DKG'd server key, retrieval by verifiable decryption shadows encrypted to the requester.
 */
package dev.subnetsim.chainkey.docs;
