package dev.subnetsim.chainkey.ecdh;

import java.security.GeneralSecurityException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESWrapEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seed 001's CEK/KEK flow: a key-encryption key derived from an ECDH shared secret with
 * HKDF-SHA256 (RFC 5869; ISO/IEC 18013-5 section 9.1.1.5 derives its session keys the same way,
 * with salt = SHA-256(SessionTranscriptBytes) and info "SKReader"/"SKDevice"), and the content
 * key wrapped under it with AES key wrap (RFC 3394, Bouncy Castle's AESWrapEngine).
 */
public final class ContentKeyWrap {
  private ContentKeyWrap() {}

  /** KEK = HKDF-SHA256(ikm = shared secret, salt, info), 32 bytes (AES-256). */
  public static byte[] deriveKek(byte[] sharedSecret, byte[] salt, byte[] info) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(sharedSecret, salt, info));
    byte[] kek = new byte[32];
    hkdf.generateBytes(kek, 0, 32);
    return kek;
  }

  /** RFC 3394 wrap of a content key (a multiple of 8 bytes, at least 16). */
  public static byte[] wrap(byte[] kek, byte[] contentKey) {
    if (contentKey.length < 16 || contentKey.length % 8 != 0) {
      throw new IllegalArgumentException("RFC 3394 wraps keys of 16+ bytes in 8-byte blocks, got " + contentKey.length);
    }
    AESWrapEngine engine = new AESWrapEngine();
    engine.init(true, new KeyParameter(kek));
    return engine.wrap(contentKey, 0, contentKey.length);
  }

  /**
   * RFC 3394 unwrap.
   *
   * @throws GeneralSecurityException if the integrity check fails (wrong KEK or tampered input)
   */
  public static byte[] unwrap(byte[] kek, byte[] wrapped) throws GeneralSecurityException {
    AESWrapEngine engine = new AESWrapEngine();
    engine.init(false, new KeyParameter(kek));
    try {
      return engine.unwrap(wrapped, 0, wrapped.length);
    } catch (InvalidCipherTextException e) {
      throw new GeneralSecurityException("AES key unwrap failed: integrity check (RFC 3394 2.2.3) did not pass", e);
    }
  }
}
