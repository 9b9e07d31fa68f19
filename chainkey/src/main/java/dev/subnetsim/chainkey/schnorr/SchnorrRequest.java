package dev.subnetsim.chainkey.schnorr;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.util.Optional;

/**
 * One Schnorr signing request: the message (any length), the caller's derived key, the public
 * randomness that rerandomizes the presignature's nonce (delta = H(randomness, R, message, P')),
 * and for BIP340 an optional BIP341 taproot merkle root (empty bytes = key-path tweak only).
 */
public record SchnorrRequest(byte[] message, DerivedKey derivedKey, byte[] randomness,
    Optional<byte[]> taprootMerkleRoot) {

  public SchnorrRequest {
    message = message.clone();
    randomness = randomness.clone();
  }

  EcScalar delta(SchnorrPresignature p) {
    BigEndianWriter m = new BigEndianWriter().raw(randomness).raw(p.r().encode())
        .lengthPrefixed(message).raw(derivedKey.publicKey().encode())
        .raw(p.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    taprootMerkleRoot.ifPresent(m::raw);
    return EcScalar.hash(p.curve(), DomainSeparators.SCHNORR_RERANDOMIZE, m.toBytes());
  }
}
