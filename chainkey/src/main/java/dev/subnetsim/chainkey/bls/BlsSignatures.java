package dev.subnetsim.chainkey.bls;

import java.security.SecureRandom;
import java.util.List;

/**
 * BLS signatures on BLS12-381 in the Internet Computer's min-sig form: signatures in G1 (48 B),
 * public keys in G2 (96 B), messages hashed with
 * {@link dev.subnetsim.chainkey.DomainSeparators#BLS_SIG_DST} (RFC 9380 hash_to_curve to G1).
 *
 * <p>One interface, one real implementation ({@link JblstBlsSignatures}), the way Teku puts all
 * BLS behind {@code BLS12381}: callers (consensus notarization and finalization, certification)
 * depend on this seam, and the contract test pins down the behaviour any implementation (for
 * example a cheap one for huge experiments) must have.
 *
 * <p>All verification methods return false for invalid signatures and never throw for them;
 * malformed bytes are rejected earlier, when decoding {@link PublicKey} or {@link Signature}.
 */
public interface BlsSignatures {

  /** The hash-to-G1 DST messages are signed under (recorded in artifacts). */
  String messageDst();

  KeyPair generateKeyPair(SecureRandom rng);

  Signature sign(SecretKey secretKey, byte[] message);

  boolean verify(PublicKey publicKey, byte[] message, Signature signature);

  /** Sum of the signatures (for a multi-signature: individual signatures on one message). */
  Signature aggregate(List<Signature> signatures);

  /** Sum of the public keys. */
  PublicKey aggregatePublicKeys(List<PublicKey> publicKeys);

  /**
   * Verifies a multi-signature (IC notarization/finalization kind): the aggregate of the signers'
   * signatures on the same message, checked against the sum of their public keys with one
   * pairing check. Sound against rogue keys only if every key's proof of possession was verified
   * when the key was registered ({@link #verifyPossession}).
   *
   * @throws IllegalArgumentException if the signer list is empty or names a key twice
   */
  boolean verifyMultiSignature(List<PublicKey> signers, byte[] message, Signature multiSignature);

  /**
   * True iff every triple verifies, checked at once by a random linear combination with
   * randomizers drawn from {@code rng}.
   */
  boolean batchVerify(List<SignedMessage> items, SecureRandom rng);

  /**
   * Indices (ascending) of the triples that do not verify; empty iff all do. One batch check when
   * all are valid, bisection otherwise.
   */
  List<Integer> findInvalid(List<SignedMessage> items, SecureRandom rng);

  ProofOfPossession provePossession(KeyPair keyPair);

  boolean verifyPossession(PublicKey publicKey, ProofOfPossession proof);
}
