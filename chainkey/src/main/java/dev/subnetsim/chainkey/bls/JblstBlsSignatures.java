package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link BlsSignatures} over blst (jblst), via the project's bls12381 value types. Two IC schemes:
 *
 * <ul>
 *   <li>{@link #basic()} (also {@code new JblstBlsSignatures()}): messages hashed with
 *       {@code BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_}, the DST of certified-state and
 *       threshold signatures; proof of possession as in the IETF draft, sk * H_pop(pk96).
 *   <li>{@link #icMultiSignature()}: the IC's multi-signature scheme for notarization and
 *       finalization shares: messages hashed with {@code ..._RO_POP_}; proof of possession
 *       sk * H_pop(0x19 || "ic-multi-sig-bls12381-pop" || pk96), as dfinity/ic
 *       crypto_lib/multi_sig/bls12_381 computes it.
 * </ul>
 */
public final class JblstBlsSignatures implements BlsSignatures {

  private static final String POP_DST = DomainSeparators.BLS_POP_DST;
  private static final JblstBlsSignatures IC_MULTI_SIG =
      new JblstBlsSignatures(DomainSeparators.BLS_MULTI_SIG_DST, lengthPrefixed(DomainSeparators.IC_MULTI_SIG_POP_CONTEXT));

  private final String dst;
  private final byte[] popPrefix;

  /** The basic scheme, see {@link #basic()}. */
  public JblstBlsSignatures() {
    this(DomainSeparators.BLS_SIG_DST, new byte[0]);
  }

  private JblstBlsSignatures(String messageDst, byte[] popPrefix) {
    this.dst = messageDst;
    this.popPrefix = popPrefix;
  }

  /** Signatures as certified state and threshold BLS use them (NUL DST). */
  public static JblstBlsSignatures basic() {
    return new JblstBlsSignatures();
  }

  /** The IC's multi-signature scheme (POP DST, IC proof-of-possession format). */
  public static JblstBlsSignatures icMultiSignature() {
    return IC_MULTI_SIG;
  }

  @Override
  public String messageDst() {
    return dst;
  }

  /** The IC's DomainSeparationContext bytes: one length byte, then the UTF-8 string. */
  private static byte[] lengthPrefixed(String context) {
    byte[] b = context.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 1];
    out[0] = (byte) b.length;
    System.arraycopy(b, 0, out, 1, b.length);
    return out;
  }

  private byte[] popInput(PublicKey pk) {
    byte[] key = pk.toBytes();
    byte[] out = java.util.Arrays.copyOf(popPrefix, popPrefix.length + key.length);
    System.arraycopy(key, 0, out, popPrefix.length, key.length);
    return out;
  }

  @Override
  public KeyPair generateKeyPair(SecureRandom rng) {
    return KeyPair.generate(rng);
  }

  @Override
  public Signature sign(SecretKey secretKey, byte[] message) {
    return new Signature(HashToCurve.hashToG1(message, dst).mul(secretKey.scalar()));
  }

  /** {@link #sign} with the message already hashed to G1 under {@link #messageDst()}. */
  public Signature signHashed(SecretKey secretKey, G1Point messageHash) {
    return new Signature(messageHash.mul(secretKey.scalar()));
  }

  @Override
  public boolean verify(PublicKey publicKey, byte[] message, Signature signature) {
    return BatchVerifier.verifyOne(publicKey.point(), message, signature.point(), dst);
  }

  /** {@link #verify} with the message already hashed to G1 under {@link #messageDst()}. */
  public boolean verifyHashed(PublicKey publicKey, G1Point messageHash, Signature signature) {
    return BatchVerifier.verifyHashed(publicKey.point(), messageHash, signature.point());
  }

  @Override
  public Signature aggregate(List<Signature> signatures) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("cannot aggregate zero signatures");
    }
    return new Signature(G1Point.sum(signatures.stream().map(Signature::point).toList()));
  }

  @Override
  public PublicKey aggregatePublicKeys(List<PublicKey> publicKeys) {
    if (publicKeys.isEmpty()) {
      throw new IllegalArgumentException("cannot aggregate zero public keys");
    }
    return new PublicKey(G2Point.sum(publicKeys.stream().map(PublicKey::point).toList()));
  }

  @Override
  public boolean verifyMultiSignature(List<PublicKey> signers, byte[] message, Signature multiSignature) {
    return verify(aggregateDistinct(signers), message, multiSignature);
  }

  /** {@link #verifyMultiSignature} with the message already hashed under {@link #messageDst()}. */
  public boolean verifyMultiSignatureHashed(List<PublicKey> signers, G1Point messageHash,
      Signature multiSignature) {
    return verifyHashed(aggregateDistinct(signers), messageHash, multiSignature);
  }

  private PublicKey aggregateDistinct(List<PublicKey> signers) {
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("a multi-signature needs at least one signer");
    }
    Set<PublicKey> seen = new HashSet<>();
    for (PublicKey pk : signers) {
      if (!seen.add(pk)) {
        throw new IllegalArgumentException("signer listed twice: " + pk.point());
      }
    }
    return aggregatePublicKeys(signers);
  }

  @Override
  public boolean batchVerify(List<SignedMessage> items, SecureRandom rng) {
    return findInvalid(items, rng).isEmpty();
  }

  @Override
  public List<Integer> findInvalid(List<SignedMessage> items, SecureRandom rng) {
    List<BatchVerifier.Item> raw = new ArrayList<>(items.size());
    for (SignedMessage m : items) {
      raw.add(new BatchVerifier.Item(m.publicKey().point(), m.message(), m.signature().point()));
    }
    return BatchVerifier.invalidIndices(raw, dst, rng);
  }

  @Override
  public ProofOfPossession provePossession(KeyPair keyPair) {
    G1Point h = HashToCurve.hashToG1(popInput(keyPair.publicKey()), POP_DST);
    return new ProofOfPossession(h.mul(keyPair.secretKey().scalar()));
  }

  @Override
  public boolean verifyPossession(PublicKey publicKey, ProofOfPossession proof) {
    return BatchVerifier.verifyOne(publicKey.point(), popInput(publicKey), proof.point(), POP_DST);
  }
}
