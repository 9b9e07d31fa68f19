package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;

/**
 * Encryption of a dealt share to one receiver, MEGa-style hashed ElGamal (eprint 2022/506 section
 * 6): the dealing has one ephemeral E = r*G; for receiver i the Diffie-Hellman value K = r*PK_i
 * (= sk_i*E) is hashed with the instance context, dealer and receiver into two scalar pads, added to
 * the share's value and mask. Simplification relative to MEGa: no proof of possession of r (a
 * dealer gains nothing by choosing E cleverly here, since pads bind the receiver index and the
 * instance), and no forward secrecy. A receiver whose pads do not decrypt to an opening of the
 * dealing's commitment complains by revealing K with a DLEQ proof.
 */
final class ShareCipher {
  private ShareCipher() {}

  static EcScalar pad(IdkgParams params, int dealer, int receiver, EcPoint dh, String which) {
    byte[] m = new BigEndianWriter().raw(params.context()).u32(dealer).u32(receiver)
        .raw(dh.encode()).raw(which.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toBytes();
    return EcScalar.hash(params.curve(), DomainSeparators.IDKG_SHARE_PAD, m);
  }

  /** The two ciphertext scalars (value, mask or zero) for receiver i under DH value K. */
  static EcScalar[] encrypt(IdkgParams params, int dealer, int receiver, EcPoint dh,
      EcScalar value, EcScalar mask) {
    return new EcScalar[] {value.add(pad(params, dealer, receiver, dh, "value")),
        mask.add(pad(params, dealer, receiver, dh, "mask"))};
  }

  static EcScalar[] decrypt(IdkgParams params, int dealer, int receiver, EcPoint dh,
      EcScalar[] ciphertext) {
    return new EcScalar[] {ciphertext[0].sub(pad(params, dealer, receiver, dh, "value")),
        ciphertext[1].sub(pad(params, dealer, receiver, dh, "mask"))};
  }
}
