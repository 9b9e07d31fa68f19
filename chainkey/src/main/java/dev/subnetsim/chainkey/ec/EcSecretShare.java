package dev.subnetsim.chainkey.ec;

/**
 * Node {@code index}'s share x_i = p(index+1) of a threshold secret on {@code scalar.curve()}.
 * {@link #toString()} hides the scalar.
 */
public record EcSecretShare(int index, EcScalar scalar) {
  public EcSecretShare {
    if (index < 0) {
      throw new IllegalArgumentException("node index must be >= 0, got " + index);
    }
    if (scalar == null) {
      throw new IllegalArgumentException("share scalar is null");
    }
  }

  public EcCurve curve() {
    return scalar.curve();
  }

  /** x_i * G: what {@link EcThresholdPublicKey#publicKeyShare} must equal. */
  public EcPoint publicShare() {
    return EcPoint.mulGenerator(scalar);
  }

  @Override
  public String toString() {
    return "EcSecretShare(" + index + ", " + scalar.curve().logName() + ", <secret>)";
  }
}
