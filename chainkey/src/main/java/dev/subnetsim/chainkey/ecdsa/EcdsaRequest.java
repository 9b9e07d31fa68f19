package dev.subnetsim.chainkey.ecdsa;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.math.BigInteger;

/**
 * One signing request bound to a presignature: the 32-byte message hash, the caller's derived key
 * (offset epsilon, key' = key + epsilon) and the public randomness of the request (the IC takes it
 * from the random beacon), from which the presignature is rerandomized: delta =
 * H(randomness, R, hash, P'), kappa' = kappa + delta, R' = R + delta*G, so a presignature's R
 * reveals nothing about the R' of the signature before the request is fixed.
 */
public record EcdsaRequest(byte[] messageHash, DerivedKey derivedKey, byte[] randomness) {

  public EcdsaRequest {
    if (messageHash.length != 32) {
      throw new IllegalArgumentException("ECDSA signs a 32-byte hash, got " + messageHash.length);
    }
    messageHash = messageHash.clone();
    randomness = randomness.clone();
  }

  /** m as a scalar (bits2int of a 256-bit hash, reduced). */
  EcScalar message(EcdsaPresignature p) {
    return EcScalar.of(p.curve(), new BigInteger(1, messageHash).mod(p.curve().order()));
  }

  EcScalar delta(EcdsaPresignature p) {
    byte[] m = new BigEndianWriter().raw(randomness).raw(p.r().encode()).raw(messageHash)
        .raw(derivedKey.publicKey().encode())
        .raw(p.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toBytes();
    return EcScalar.hash(p.curve(), DomainSeparators.ECDSA_RERANDOMIZE, m);
  }

  EcPoint rerandomizedR(EcdsaPresignature p) {
    return p.r().add(EcPoint.mulGenerator(delta(p)));
  }
}
