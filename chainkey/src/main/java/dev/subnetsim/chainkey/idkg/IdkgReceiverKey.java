package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.security.SecureRandom;

/** A receiver's IDKG encryption key pair on a curve (the IC's MEGa key, one per node and curve). */
public record IdkgReceiverKey(EcScalar secret, EcPoint publicKey) {

  public IdkgReceiverKey {
    if (!EcPoint.mulGenerator(secret).equals(publicKey)) {
      throw new IllegalArgumentException("receiver public key does not match its secret");
    }
  }

  public static IdkgReceiverKey generate(EcCurve curve, SecureRandom rng) {
    EcScalar s = EcScalar.randomNonZero(curve, rng);
    // Every dealing of every instance multiplies it (the encryption's r*PK): a comb table pays.
    return new IdkgReceiverKey(s, EcPoint.mulGenerator(s).withFixedBaseTable());
  }

  @Override
  public String toString() {
    return "IdkgReceiverKey(" + publicKey + ", <secret>)";
  }
}
