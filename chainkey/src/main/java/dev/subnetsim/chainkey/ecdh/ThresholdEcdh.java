package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import java.security.SecureRandom;
import java.util.Collection;

/**
 * Threshold ECDH (seed 001: MPC ECDH for ISO/IEC 18013-5 mDL): the subnet holds x in shares; for
 * a peer public key Q each node returns x_i*Q with a DLEQ proof against its public share; the
 * shares combine to x*Q, whose x- (or u-) coordinate is exactly what the peer computes with plain
 * ECDH from its own private key and the subnet's public key Y = x*G: q*Y = q*x*G = x*Q. The peer
 * needs no IC-specific code. The replicas never use the master key itself: each caller gets its
 * own derived key ({@link CallerEcdhKey}), which is passed here as {@code key} with the derived
 * shares. In the transport-encrypted mode the shares are encrypted to a client
 * transport key, so no replica ever holds x*Q.
 *
 * <p><b>X25519 and the cofactor.</b> The shares live in the prime-order subgroup of edwards25519
 * (order l), mapped to Curve25519's Montgomery u-coordinate at the edges. A plain X25519 peer with
 * 32-byte private string k uses the clamped scalar k' = clamp(k) (RFC 7748 section 5: a multiple
 * of 8 with bit 254 set): its public key is u(k'*B) and it computes u(k'*Y). Since B and Y = x*B
 * have order l, k'*Y = (k' mod l)*x*B = x*((k' mod l)*B) = x*Q for the peer point Q = k'*B, so
 * x*Q has the same u-coordinate. Of the two points +-Q with the peer's u we may pick either
 * (u(x*(-Q)) = u(-(x*Q)) = u(x*Q)). The subnet's x itself is uniform mod l and unclamped:
 * clamping is a bit operation on one integer that a secret held in shares cannot undergo, and it
 * is not needed because (a) the subnet's public key u(x*B) is an ordinary X25519 public key of the
 * prime-order subgroup, and (b) the job clamping's factor 8 does for a single party (killing the
 * torsion component of a hostile peer point) is done here by rejecting peer u-coordinates outside
 * the prime-order subgroup (and on the twist) before any share is computed.
 */
public final class ThresholdEcdh {
  private static final ThresholdDh DH =
      new ThresholdDh(DomainSeparators.ECDH_SHARE_PROOF, DomainSeparators.ECDH_ENCRYPTED_SHARE_PROOF);

  private ThresholdEcdh() {}

  /** The subnet's ECDH public key in the group's wire form (SEC1 compressed / X25519 u). */
  public static byte[] subnetPublicKey(EcThresholdPublicKey key) {
    return EcdhGroup.of(key.curve()).encodePublicKey(key.publicKey());
  }

  /** A node's share x_i*Q for the peer public key (wire bytes) with its DLEQ proof. */
  public static DhShare createShare(EcThresholdPublicKey key, EcSecretShare share, byte[] peerPublicKey, SecureRandom rng) {
    return DH.createShare(key, share, peerPoint(key, peerPublicKey), rng);
  }

  public static boolean verifyShare(EcThresholdPublicKey key, byte[] peerPublicKey, DhShare share) {
    return DH.verifyShare(key, peerPoint(key, peerPublicKey), share);
  }

  /** Verifies, attributes and combines shares into x*Q. */
  public static CombinedDh combine(EcThresholdPublicKey key, byte[] peerPublicKey, Collection<DhShare> shares) {
    return DH.combine(key, peerPoint(key, peerPublicKey), shares);
  }

  /** The 32-byte shared secret (x- or u-coordinate) of a combination. */
  public static byte[] sharedSecret(EcThresholdPublicKey key, CombinedDh combined) {
    return EcdhGroup.of(key.curve()).sharedSecret(combined.point());
  }

  /** A node's share encrypted to the client's transport key, with its proof. */
  public static EncryptedDhShare createEncryptedShare(
      EcThresholdPublicKey key, EcSecretShare share, byte[] peerPublicKey, EcPoint transportKey, SecureRandom rng) {
    return DH.createEncryptedShare(key, share, peerPoint(key, peerPublicKey), transportKey, rng);
  }

  public static boolean verifyEncryptedShare(
      EcThresholdPublicKey key, byte[] peerPublicKey, EcPoint transportKey, EncryptedDhShare share) {
    return DH.verifyEncryptedShare(key, peerPoint(key, peerPublicKey), transportKey, share);
  }

  /** Combines verified encrypted shares without decrypting (any party can do this). */
  public static EncryptedCombinedDh combineEncrypted(
      EcThresholdPublicKey key, byte[] peerPublicKey, EcPoint transportKey, Collection<EncryptedDhShare> shares) {
    return DH.combineEncrypted(key, peerPoint(key, peerPublicKey), transportKey, shares);
  }

  /** The client's side: decrypts the combination with its transport secret, returns the 32-byte secret. */
  public static byte[] decryptSharedSecret(EcThresholdPublicKey key, TransportKeyPair transport, EncryptedCombinedDh combined) {
    return EcdhGroup.of(key.curve()).sharedSecret(transport.decrypt(combined));
  }

  private static EcPoint peerPoint(EcThresholdPublicKey key, byte[] peerPublicKey) {
    return EcdhGroup.of(key.curve()).decodePublicKey(peerPublicKey);
  }
}
