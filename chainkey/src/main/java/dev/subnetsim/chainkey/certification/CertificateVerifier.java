package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import dev.subnetsim.chainkey.ic.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies certificates against the root key (interface spec, "Certification": {@code verify_cert},
 * "Delegation": {@code check_delegation}, {@code delegation_key}), with the checks agent-js 3.4.3
 * {@code Certificate.create} makes:
 * <ol>
 *   <li>without a delegation, the signature on {@code domain_sep("ic-state-root") · root_hash}
 *       verifies under the root key;
 *   <li>with one, the delegation certificate has no delegation itself, verifies under the root key,
 *       lists {@code /subnet/<id>/public_key} (133-byte DER) and canister ranges containing the
 *       given canister id, and the outer signature verifies under that subnet key;
 *   <li>both levels contain {@code /time}.
 * </ol>
 * Ranges are read from {@code /subnet/<id>/canister_ranges} (what agent-js 3.4.3 reads) and, if
 * that path is absent, from the sharded {@code /canister_ranges/<id>/*} of newer spec versions.
 * Freshness of {@code /time} is not checked here: time is virtual in the simulator and the caller
 * knows what "now" is ({@link Certificate#time()}).
 */
public final class CertificateVerifier {

  private final BlsVerifier bls;

  public CertificateVerifier(BlsVerifier bls) {
    this.bls = Objects.requireNonNull(bls, "bls");
  }

  /** On jblst. */
  public static CertificateVerifier jblst() {
    return new CertificateVerifier(BlsVerifier.jblst());
  }

  /** Decodes and verifies; returns the decoded certificate. */
  public Certificate verify(byte[] certificateCbor, byte[] rootKeyDer, Principal canisterId)
      throws CertificateVerificationException {
    Certificate cert;
    try {
      cert = Certificate.decode(certificateCbor);
    } catch (MalformedCborException e) {
      throw new CertificateVerificationException(Reason.MALFORMED, "certificate: " + e.getMessage(), e);
    }
    verify(cert, rootKeyDer, canisterId);
    return cert;
  }

  /**
   * @param canisterId the canister the certificate speaks for; checked against the delegation's
   *     ranges (unused without a delegation: the root subnet may certify for any canister)
   */
  public void verify(Certificate cert, byte[] rootKeyDer, Principal canisterId) throws CertificateVerificationException {
    Objects.requireNonNull(canisterId, "canisterId (use the management canister when none applies)");
    byte[] key = cert.delegation().isPresent()
        ? delegatedKey(cert.delegation().get(), rootKeyDer, canisterId)
        : decodeKey(rootKeyDer, "root key");
    checkSignature(cert, key, "certificate");
  }

  private byte[] delegatedKey(CertificateDelegation d, byte[] rootKeyDer, Principal canisterId)
      throws CertificateVerificationException {
    Certificate inner;
    try {
      inner = Certificate.decode(d.certificate());
    } catch (MalformedCborException e) {
      throw new CertificateVerificationException(Reason.MALFORMED, "delegation certificate: " + e.getMessage(), e);
    }
    if (inner.delegation().isPresent()) {
      throw new CertificateVerificationException(Reason.NESTED_DELEGATION,
          "the delegation certificate carries a delegation itself");
    }
    try {
      checkSignature(inner, decodeKey(rootKeyDer, "root key"), "delegation certificate");
    } catch (CertificateVerificationException e) {
      throw e.reason() == Reason.INVALID_SIGNATURE
          ? new CertificateVerificationException(Reason.INVALID_DELEGATION,
              "the delegation certificate does not verify under the root key", e)
          : e;
    }
    byte[] subnet = d.subnetId().toBytes();
    List<CanisterRange> ranges = canisterRanges(inner.tree(), subnet, d.subnetId());
    if (!CanisterRanges.contains(ranges, canisterId)) {
      throw new CertificateVerificationException(Reason.CANISTER_NOT_IN_RANGES,
          "canister " + canisterId + " is outside the ranges of subnet " + d.subnetId());
    }
    LookupResult pk = inner.tree().lookup(List.of(bytes("subnet"), subnet, bytes("public_key")));
    if (!(pk instanceof LookupResult.Found f)) {
      throw new CertificateVerificationException(Reason.MISSING_SUBNET_KEY,
          "/subnet/" + d.subnetId() + "/public_key is " + pk + " in the delegation certificate");
    }
    return decodeKey(f.value(), "subnet " + d.subnetId() + " key");
  }

  private static List<CanisterRange> canisterRanges(HashTree tree, byte[] subnet, Principal subnetId)
      throws CertificateVerificationException {
    try {
      LookupResult flat = tree.lookup(List.of(bytes("subnet"), subnet, bytes("canister_ranges")));
      if (flat instanceof LookupResult.Found f) {
        return CanisterRanges.decode(f.value());
      }
      List<CanisterRange> sharded = new ArrayList<>();
      for (HashTree shard : shardsOf(tree, subnet)) {
        if (shard instanceof HashTree.Labeled l && l.subtree() instanceof HashTree.Leaf leaf) {
          sharded.addAll(CanisterRanges.decode(leaf.value().toArray()));
        }
      }
      if (sharded.isEmpty()) {
        throw new CertificateVerificationException(Reason.MISSING_CANISTER_RANGES,
            "no canister ranges for subnet " + subnetId + " in the delegation certificate (/subnet/<id>/canister_ranges is "
                + flat + ")");
      }
      return sharded;
    } catch (MalformedCborException e) {
      throw new CertificateVerificationException(Reason.MALFORMED, "canister ranges: " + e.getMessage(), e);
    }
  }

  private static List<HashTree> shardsOf(HashTree tree, byte[] subnet) {
    HashTree cur = tree;
    for (byte[] label : List.of(bytes("canister_ranges"), subnet)) {
      HashTree next = null;
      for (HashTree t : Lookup.flattenForks(cur)) {
        if (t instanceof HashTree.Labeled l && l.label().equals(Bytes.of(label))) {
          next = l.subtree();
        }
      }
      if (next == null) {
        return List.of();
      }
      cur = next;
    }
    return Lookup.flattenForks(cur);
  }

  private void checkSignature(Certificate cert, byte[] key96, String what) throws CertificateVerificationException {
    if (cert.time().isEmpty()) {
      throw new CertificateVerificationException(Reason.MISSING_TIME, what + " has no well-formed /time");
    }
    byte[] msg = StateRootMessage.of(cert.rootHash());
    if (!bls.verify(key96, msg, cert.signature())) {
      throw new CertificateVerificationException(Reason.INVALID_SIGNATURE,
          what + " signature does not verify on its root hash");
    }
  }

  private static byte[] decodeKey(byte[] der, String what) throws CertificateVerificationException {
    try {
      return BlsKeyDer.decode(der);
    } catch (MalformedDerKeyException e) {
      throw new CertificateVerificationException(Reason.MALFORMED, what + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
