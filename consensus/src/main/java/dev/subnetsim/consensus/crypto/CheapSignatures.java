package dev.subnetsim.consensus.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The stand-in signatures of {@link ConsensusCrypto.Mode#CHEAP}, for experiments with more replicas
 * than real BLS allows on a laptop. NOT SECURE and not meant to be: a "signature" is SHA-256 of the
 * message (32 B) followed by a 16-byte tag binding the scheme and the signer index (for a
 * combined threshold signature, the group's public key), so anyone can forge one. What it keeps: a share or signature over another message, or claiming another
 * signer, fails verification, so honest replicas still reject the invalid shares of the modelled
 * Byzantine behaviours and attribute them; combining needs no secret. What it drops: unforgeability
 * (no checker may claim cryptographic validity in this mode; the scenario layer reports the
 * signature-validity invariant as not checked) and the real cost of crypto.
 */
final class CheapSignatures {
  static final int LENGTH = 48;

  private CheapSignatures() {}

  static byte[] sign(String scheme, int signer, byte[] message) {
    byte[] digest = sha256(message);
    byte[] tag = sha256(ByteBuffer.allocate(4 + 32 + scheme.length()).putInt(signer).put(digest)
        .put(scheme.getBytes(StandardCharsets.US_ASCII)).array());
    return ByteBuffer.allocate(LENGTH).put(digest).put(tag, 0, 16).array();
  }

  static boolean verify(String scheme, int signer, byte[] message, byte[] signature) {
    return Arrays.equals(sign(scheme, signer, message), signature);
  }

  /** The combined form for the message the given share or signature is over. */
  static byte[] combine(String scheme, byte[] anyShare) {
    return combine(scheme, new byte[0], anyShare);
  }

  /**
   * The combined form bound to {@code groupKey}: like a real threshold signature, a function of
   * the message and the group's public key, so a value read as randomness (the random beacon,
   * which ranks the block makers) varies with the seed-derived keys as in real mode, instead of
   * being one fixed sequence for every seed.
   */
  static byte[] combine(String scheme, byte[] groupKey, byte[] anyShare) {
    byte[] digest = Arrays.copyOf(anyShare, 32);
    byte[] tag = sha256(ByteBuffer.allocate(4 + 32 + scheme.length() + groupKey.length).putInt(-1)
        .put(digest).put(scheme.getBytes(StandardCharsets.US_ASCII)).put(groupKey).array());
    return ByteBuffer.allocate(LENGTH).put(digest).put(tag, 0, 16).array();
  }

  /** Whether {@code signature} is the combined stand-in for {@code message} under {@code scheme}. */
  static boolean verifyCombined(String scheme, byte[] message, byte[] signature) {
    return verifyCombined(scheme, new byte[0], message, signature);
  }

  /** As above, for the combined form bound to {@code groupKey}. */
  static boolean verifyCombined(String scheme, byte[] groupKey, byte[] message, byte[] signature) {
    return Arrays.equals(combine(scheme, groupKey, sign(scheme, 0, message)), signature);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
