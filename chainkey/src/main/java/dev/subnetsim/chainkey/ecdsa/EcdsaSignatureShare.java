package dev.subnetsim.chainkey.ecdsa;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;

/**
 * Node {@code index}'s ECDSA signature share: Pedersen openings of its shares of the numerator
 * lambda*(m + r*key') and of the denominator lambda*kappa', checkable by anyone against the
 * presignature's commitments (as the IC's {@code ThresholdEcdsaSigShareInternal}). 132 bytes:
 * u32 index || numerator value, mask || denominator value, mask.
 */
public record EcdsaSignatureShare(int index, CommitmentOpening.Pedersen numerator,
    CommitmentOpening.Pedersen denominator) {

  public static final int BYTES = 4 + 4 * 32;

  public byte[] toBytes() {
    return new BigEndianWriter(BYTES).u32(index).raw(numerator.value().toBytes())
        .raw(numerator.mask().toBytes()).raw(denominator.value().toBytes())
        .raw(denominator.mask().toBytes()).toBytes();
  }

  /** @throws IllegalArgumentException on a wrong length or a non-canonical scalar */
  public static EcdsaSignatureShare fromBytes(EcCurve curve, byte[] b) {
    if (b.length != BYTES) {
      throw new IllegalArgumentException("ECDSA signature share must be " + BYTES + " bytes, got "
          + b.length);
    }
    BigEndianReader r = new BigEndianReader(b, "ECDSA signature share");
    int index = r.i32("index");
    java.util.function.Supplier<EcScalar> next = () ->
        EcScalar.fromBytes(curve, r.raw(32, "scalar"));
    return new EcdsaSignatureShare(index,
        new CommitmentOpening.Pedersen(next.get(), next.get()),
        new CommitmentOpening.Pedersen(next.get(), next.get()));
  }
}
