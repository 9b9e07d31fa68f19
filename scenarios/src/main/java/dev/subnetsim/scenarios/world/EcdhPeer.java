package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * A plain ECDH party outside the IC (an mDL holder, a load client's peer): a key pair on P-256,
 * secp256k1 or X25519 and ordinary ECDH with the library's own code (Bouncy Castle's RFC 7748
 * X25519 for X25519), so a threshold result is judged against what a peer with no IC-specific
 * code computes.
 *
 * @param privateKey the scalar (32 bytes big-endian) or the X25519 private key (32 random bytes,
 *     clamped by X25519 itself, RFC 7748 section 5)
 * @param publicKey SEC1 compressed, or the X25519 u-coordinate
 */
public record EcdhPeer(EcdhGroup group, byte[] privateKey, byte[] publicKey) {

  public EcdhPeer {
    Objects.requireNonNull(group, "group");
    privateKey = privateKey.clone();
    publicKey = publicKey.clone();
  }

  /** A fresh key pair from {@code rng} (X25519: 32 random bytes; else a random non-zero scalar). */
  public static EcdhPeer generate(EcdhGroup group, SeededRandom rng) {
    if (group == EcdhGroup.X25519) {
      byte[] secret = new byte[32];
      rng.nextBytes(secret);
      byte[] pub = new byte[32];
      X25519.scalarMultBase(secret, 0, pub, 0);
      return new EcdhPeer(group, secret, pub);
    }
    EcScalar d = EcScalar.randomNonZero(group.curve(), rng);
    return new EcdhPeer(group, d.toBytes(), EcPoint.mulGenerator(d).encode());
  }

  /** Ordinary ECDH with another party's public key (same encodings as {@link #publicKey}). */
  public byte[] agree(byte[] otherPublicKey) {
    if (group == EcdhGroup.X25519) {
      byte[] out = new byte[32];
      X25519.scalarMult(privateKey, 0, otherPublicKey, 0, out, 0);
      return out;
    }
    return group.sharedSecret(EcPoint.decode(group.curve(), otherPublicKey)
        .mul(EcScalar.fromBytes(group.curve(), privateKey)));
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }
}
