package dev.subnetsim.chainkey.ecdsa;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import java.nio.ByteBuffer;
import java.util.Arrays;

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
    return ByteBuffer.allocate(BYTES).putInt(index).put(numerator.value().toBytes())
        .put(numerator.mask().toBytes()).put(denominator.value().toBytes())
        .put(denominator.mask().toBytes()).array();
  }

  /** @throws IllegalArgumentException on a wrong length or a non-canonical scalar */
  public static EcdsaSignatureShare fromBytes(EcCurve curve, byte[] b) {
    if (b.length != BYTES) {
      throw new IllegalArgumentException("ECDSA signature share must be " + BYTES + " bytes, got "
          + b.length);
    }
    java.util.function.IntFunction<EcScalar> at = i ->
        EcScalar.fromBytes(curve, Arrays.copyOfRange(b, i, i + 32));
    return new EcdsaSignatureShare(ByteBuffer.wrap(b).getInt(),
        new CommitmentOpening.Pedersen(at.apply(4), at.apply(36)),
        new CommitmentOpening.Pedersen(at.apply(68), at.apply(100)));
  }
}
