package dev.subnetsim.replica.ingress;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** User signature schemes the IC accepts on ingress messages. */
public enum SignatureScheme {
  ED25519,
  ECDSA_SECP256K1,
  ECDSA_P256;

  /** Bouncy Castle as an explicit provider object (the JDK has no secp256k1); never registered. */
  static final Provider BC = new BouncyCastleProvider();

  Signature signature() throws GeneralSecurityException {
    return this == ED25519 ? Signature.getInstance("Ed25519")
        : Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
  }
}
