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

/** {@link BlsSignatures} over blst (jblst), via the project's bls12381 value types. */
public final class JblstBlsSignatures implements BlsSignatures {

  private static final String DST = DomainSeparators.BLS_SIG_DST;
  private static final String POP_DST = DomainSeparators.BLS_POP_DST;

  @Override
  public KeyPair generateKeyPair(SecureRandom rng) {
    return KeyPair.generate(rng);
  }

  @Override
  public Signature sign(SecretKey secretKey, byte[] message) {
    return new Signature(HashToCurve.hashToG1(message, DST).mul(secretKey.scalar()));
  }

  @Override
  public boolean verify(PublicKey publicKey, byte[] message, Signature signature) {
    return BatchVerifier.verifyOne(publicKey.point(), message, signature.point(), DST);
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
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("a multi-signature needs at least one signer");
    }
    Set<PublicKey> seen = new HashSet<>();
    for (PublicKey pk : signers) {
      if (!seen.add(pk)) {
        throw new IllegalArgumentException("signer listed twice: " + pk.point());
      }
    }
    return verify(aggregatePublicKeys(signers), message, multiSignature);
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
    return BatchVerifier.invalidIndices(raw, DST, rng);
  }

  @Override
  public ProofOfPossession provePossession(KeyPair keyPair) {
    G1Point h = HashToCurve.hashToG1(keyPair.publicKey().toBytes(), POP_DST);
    return new ProofOfPossession(h.mul(keyPair.secretKey().scalar()));
  }

  @Override
  public boolean verifyPossession(PublicKey publicKey, ProofOfPossession proof) {
    return BatchVerifier.verifyOne(publicKey.point(), publicKey.toBytes(), proof.point(), POP_DST);
  }
}
