package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies canister signatures (interface spec, "Canister signatures"): valid iff
 * <ol>
 *   <li>the signature's certificate verifies under the root key (with a delegation whose ranges
 *       contain the signing canister, if it has one),
 *   <li>{@code lookup(["canister", cid, "certified_data"], certificate) = Found reconstruct(tree)},
 *   <li>{@code lookup_path(["sig", sha256(seed), sha256(msg)], tree) = Found ""}.
 * </ol>
 */
public final class CanisterSignatureVerifier {

  private final CertificateVerifier certificates;

  public CanisterSignatureVerifier(CertificateVerifier certificates) {
    this.certificates = Objects.requireNonNull(certificates, "certificates");
  }

  public static CanisterSignatureVerifier jblst() {
    return new CanisterSignatureVerifier(CertificateVerifier.jblst());
  }

  /**
   * @throws CertificateVerificationException naming the failed check (MALFORMED for undecodable
   *     key or signature bytes)
   */
  public void verify(byte[] publicKeyDer, byte[] message, byte[] signature, byte[] rootKeyDer)
      throws CertificateVerificationException {
    CanisterSigPublicKey key;
    CanisterSignature sig;
    try {
      key = CanisterSigPublicKey.fromDer(publicKeyDer);
      sig = CanisterSignature.decode(signature);
    } catch (IllegalArgumentException e) {
      throw new CertificateVerificationException(Reason.MALFORMED, "canister signature: " + e.getMessage(), e);
    }
    Certificate cert = certificates.verify(sig.certificate(), rootKeyDer, key.canisterId());
    LookupResult certified = cert.tree().lookup(
        List.of(bytes("canister"), key.canisterId().toBytes(), bytes("certified_data")));
    if (!(certified instanceof LookupResult.Found f)) {
      throw new CertificateVerificationException(Reason.MISSING_CERTIFIED_DATA,
          "/canister/" + key.canisterId() + "/certified_data is " + certified);
    }
    if (!Arrays.equals(f.value(), sig.tree().digest())) {
      throw new CertificateVerificationException(Reason.CERTIFIED_DATA_MISMATCH,
          "certified_data differs from the signature tree's root hash");
    }
    LookupResult leaf = sig.tree().lookup(List.of(bytes("sig"), sha256(key.seed()), sha256(message)));
    if (!(leaf instanceof LookupResult.Found l) || l.value().length != 0) {
      throw new CertificateVerificationException(Reason.SIGNATURE_NOT_IN_TREE,
          "the tree has no empty leaf at [\"sig\", sha256(seed), sha256(msg)] (" + leaf + ")");
    }
  }

  public boolean isValid(byte[] publicKeyDer, byte[] message, byte[] signature, byte[] rootKeyDer) {
    try {
      verify(publicKeyDer, message, signature, rootKeyDer);
      return true;
    } catch (CertificateVerificationException e) {
      return false;
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
