package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Principal;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate's delegation (interface spec, "Delegation"): the id of the subnet whose key signed
 * the certificate, and a root-subnet certificate (CBOR bytes, itself without a delegation) that
 * lists the subnet's key at {@code /subnet/<id>/public_key} and its canister ranges.
 */
public record CertificateDelegation(Principal subnetId, byte[] certificate) {

  public CertificateDelegation {
    Objects.requireNonNull(subnetId, "subnetId");
    certificate = certificate.clone();
  }

  @Override
  public byte[] certificate() {
    return certificate.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateDelegation d && subnetId.equals(d.subnetId) && Arrays.equals(certificate, d.certificate);
  }

  @Override
  public int hashCode() {
    return 31 * subnetId.hashCode() + Arrays.hashCode(certificate);
  }
}
