package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The public side of the chain keys a subnet holds (every replica knows it): the vetKD master key
 * (BLS12-381 G2, threshold f+1), one threshold ECDH key per curve, the document-key server key
 * (secp256k1), and the threshold signing keys with their presignatures ({@link SigningKeys}). Secret shares are in {@link NodeChainKeyShares}, one per replica; no replica and no
 * other object holds a master secret.
 */
public record SubnetChainKeys(PublicCoefficients vetKdKey, Map<EcCurve, EcThresholdPublicKey> ecdhKeys,
    EcThresholdPublicKey documentServerKey, SigningKeys.Public signing) {

  public static final String VETKD_KEY_NAME = "test_key_1";
  public static final String ECDH_KEY_NAME = "ecdh_key_1";
  public static final String DOCUMENT_KEY_NAME = "doc_key_1";

  public SubnetChainKeys {
    ecdhKeys = Collections.unmodifiableMap(new EnumMap<>(ecdhKeys));
  }

  /** Reconstruction threshold shared by all keys of the subnet (f+1). */
  public int threshold() {
    return vetKdKey.threshold();
  }

  /** The ECDH curve named in a request: p256, secp256k1 or x25519 (Curve25519 in Edwards form). */
  public static EcCurve ecdhCurve(String name) {
    return switch (name) {
      case "p256" -> EcCurve.P256;
      case "secp256k1" -> EcCurve.SECP256K1;
      case "x25519" -> EcCurve.ED25519;
      default -> throw new IllegalArgumentException(
          "unknown ECDH curve '" + name + "' (expected p256, secp256k1 or x25519)");
    };
  }
}
