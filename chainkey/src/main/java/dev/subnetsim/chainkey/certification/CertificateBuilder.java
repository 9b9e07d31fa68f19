package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Leb128;
import dev.subnetsim.chainkey.ic.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Issues certificates: signs a tree's root hash with a {@link CertificateSigner} (in the simulator
 * the subnet's threshold-BLS combiner) and attaches an optional delegation; and issues the
 * root-subnet delegation for a subnet ({@code /subnet/<id>/public_key}, {@code /subnet/<id>/canister_ranges},
 * {@code /time}).
 */
public final class CertificateBuilder {
  private CertificateBuilder() {}

  public static Certificate certify(HashTree tree, CertificateSigner signer, Optional<CertificateDelegation> delegation) {
    byte[] sig = signer.sign(StateRootMessage.of(tree.digest()));
    if (sig.length != 48) {
      throw new IllegalArgumentException("a certificate signature is a 48-byte G1 point, the signer returned " + sig.length);
    }
    return new Certificate(tree, sig, delegation);
  }

  /** The {@code /time} leaf value: nanoseconds since the epoch as unsigned LEB128. */
  public static byte[] timeLeaf(long timeNanos) {
    return Leb128.encodeUnsigned(timeNanos);
  }

  /**
   * A delegation from the root subnet to {@code subnetId}: a root-signed certificate listing the
   * subnet's key (as 133-byte DER) and ranges at time {@code timeNanos}.
   */
  public static CertificateDelegation delegation(
      Principal subnetId, byte[] subnetPublicKey96, List<CanisterRange> ranges, long timeNanos, CertificateSigner rootSigner) {
    byte[] subnet = subnetId.toBytes();
    HashTree tree = new HashTreeBuilder()
        .put(CanisterRanges.encode(ranges), "subnet", subnet, "canister_ranges")
        .put(BlsKeyDer.encode(subnetPublicKey96), "subnet", subnet, "public_key")
        .put(timeLeaf(timeNanos), "time")
        .build();
    Certificate rootCert = certify(tree, rootSigner, Optional.empty());
    return new CertificateDelegation(subnetId, rootCert.encode());
  }
}
