package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.Scalar;

/**
 * Multi-recipient hashed ElGamal over G1 for dealt shares. The dealer picks one ephemeral r per
 * dealing and publishes R = r*G1; receiver j's DH key is K_j = r*pk_j = sk_j*R and its share is
 * masked additively in Fr:
 *
 * <pre>c_j = s_j + H2S(DKG_SHARE_PAD, lp(dkg_id) || u32(dealer) || u32(j) || R || pk_j || K_j)</pre>
 *
 * Sharing r across receivers is sound because each pad hashes the receiver's own key and index
 * (Kurosawa's multi-recipient ElGamal); masking in Fr means every 32-byte canonical ciphertext
 * decrypts to some scalar, so a wrong share is a share that fails the Feldman check, never a
 * decoding error. Revealing K_j (in a complaint) opens c_j and nothing else.
 */
final class ShareEncryption {
  private ShareEncryption() {}

  static Scalar pad(DkgConfig config, int dealerIndex, int receiverIndex, G1Point ephemeral, G1Point dhKey) {
    BigEndianWriter w = new BigEndianWriter()
        .lengthPrefixed(config.dkgIdNoCopy())
        .u32(dealerIndex)
        .u32(receiverIndex)
        .raw(ephemeral.toBytes())
        .raw(config.receiverKey(receiverIndex).toBytes())
        .raw(dhKey.toBytes());
    return HashToCurve.hashToScalar(DomainSeparators.DKG_SHARE_PAD, w.toBytes());
  }

  /** The share hidden in ciphertext c_j, given the DH key K_j. */
  static Scalar open(DkgConfig config, Dealing dealing, int receiverIndex, G1Point dhKey) {
    Scalar pad = pad(config, dealing.dealerIndex(), receiverIndex, dealing.ephemeralKey(), dhKey);
    return dealing.ciphertexts().get(receiverIndex).sub(pad);
  }
}
