package dev.subnetsim.chainkey.docs;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.CombinedDh;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EncryptedCombinedDh;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.ThresholdDh;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Document keys in the style of Parity Secret Store (seed 003): a server key Y = x*G is held in
 * shares by the subnet (from a DKG transcript: {@link EcThresholdPublicKey} + {@link
 * EcSecretShare}); a document key M is stored as (C = r*G, E = M + r*Y); an authorized requester
 * receives decryption shadows x_i*C from the nodes, each encrypted to the requester's key with a
 * proof, combines a threshold of them to x*C = r*Y and recovers M = E - x*C.
 *
 * <p>Differences from Parity Secret Store, on purpose: (1) Secret Store nodes multiply their
 * shadow by their own Lagrange coefficient for a pre-agreed set of nodes and encrypt it with ECIES;
 * here a node returns x_i*C ElGamal-encrypted to the requester (R_i = r_i*G, x_i*C + r_i*T) with a
 * publicly verifiable proof, and the requester interpolates whichever threshold of valid shadows
 * arrive: a wrong shadow is attributed to its sender by anyone, without decryption, and no
 * coordinator has to re-run a session when a node misbehaves. (2) Any of the three curves works;
 * Secret Store used secp256k1 (so does the simulator's server key). Who may retrieve is decided
 * by the permission program (a canister) in the replica, not here.
 */
public final class DocumentKeys {
  private static final ThresholdDh SHADOWS = new ThresholdDh(
      DomainSeparators.DOCUMENT_KEY_SHADOW_PROOF, DomainSeparators.DOCUMENT_KEY_ENCRYPTED_SHADOW_PROOF);

  private DocumentKeys() {}

  /** A fresh random document key M = k*G (its discrete log is discarded). */
  public static EcPoint randomDocumentKey(EcCurve curve, SecureRandom rng) {
    return EcPoint.mulGenerator(EcScalar.randomNonZero(curve, rng));
  }

  /** Store: (C, E) = (r*G, M + r*Y) for fresh r. */
  public static EncryptedDocumentKey encrypt(EcThresholdPublicKey serverKey, EcPoint documentKey, SecureRandom rng) {
    if (documentKey.curve() != serverKey.curve()) {
      throw new IllegalArgumentException("document key on " + documentKey.curve().logName() + ", server key on "
          + serverKey.curve().logName());
    }
    EcScalar r = EcScalar.randomNonZero(serverKey.curve(), rng);
    return new EncryptedDocumentKey(EcPoint.mulGenerator(r), documentKey.add(serverKey.publicKey().mul(r)));
  }

  /** A node's decryption shadow x_i*C encrypted to the requester's key, with its proof. */
  public static EncryptedDhShare createShadow(
      EcThresholdPublicKey serverKey, EcSecretShare share, EncryptedDocumentKey doc, EcPoint requesterKey, SecureRandom rng) {
    return SHADOWS.createEncryptedShare(serverKey, share, doc.commonPoint(), requesterKey, rng);
  }

  /** Whether an encrypted shadow is node shadow.index()'s correct one (checkable by anyone). */
  public static boolean verifyShadow(
      EcThresholdPublicKey serverKey, EncryptedDocumentKey doc, EcPoint requesterKey, EncryptedDhShare shadow) {
    return SHADOWS.verifyEncryptedShare(serverKey, doc.commonPoint(), requesterKey, shadow);
  }

  /**
   * The requester's side: verifies all shadows, combines a threshold of valid ones, decrypts
   * with its key and returns M = E - x*C.
   *
   * @throws dev.subnetsim.chainkey.ecdh.NotEnoughValidSharesException with fewer than threshold
   *     valid shadows (naming the senders of invalid ones)
   */
  public static RecoveredDocumentKey recover(
      EcThresholdPublicKey serverKey, EncryptedDocumentKey doc, TransportKeyPair requester,
      Collection<EncryptedDhShare> shadows) {
    EncryptedCombinedDh combined = SHADOWS.combineEncrypted(serverKey, doc.commonPoint(), requester.publicKey(), shadows);
    EcPoint xc = requester.decrypt(combined);
    return new RecoveredDocumentKey(doc.encryptedPoint().sub(xc), combined.contributors(), combined.rejectedNodes());
  }

  /** A plaintext shadow x_i*C with a Chaum–Pedersen proof (for a requester on a private channel). */
  public static DhShare createPlainShadow(
      EcThresholdPublicKey serverKey, EcSecretShare share, EncryptedDocumentKey doc, SecureRandom rng) {
    return SHADOWS.createShare(serverKey, share, doc.commonPoint(), rng);
  }

  public static boolean verifyPlainShadow(EcThresholdPublicKey serverKey, EncryptedDocumentKey doc, DhShare shadow) {
    return SHADOWS.verifyShare(serverKey, doc.commonPoint(), shadow);
  }

  /** Combines plaintext shadows and returns M = E - x*C. */
  public static RecoveredDocumentKey recoverFromPlainShadows(
      EcThresholdPublicKey serverKey, EncryptedDocumentKey doc, Collection<DhShare> shadows) {
    CombinedDh c = SHADOWS.combine(serverKey, doc.commonPoint(), shadows);
    return new RecoveredDocumentKey(doc.encryptedPoint().sub(c.point()), c.contributors(), c.rejectedNodes());
  }

  /**
   * A 32-byte symmetric key for the document itself, HKDF-SHA256 of the document key's encoding
   * (info "subnet-sim document key"): the point M is the secret, this turns it into an AES key.
   */
  public static byte[] symmetricKey(EcPoint documentKey) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(documentKey.encode(), new byte[0],
        "subnet-sim document key".getBytes(StandardCharsets.US_ASCII)));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, 32);
    return out;
  }
}
