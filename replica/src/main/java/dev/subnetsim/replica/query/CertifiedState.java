package dev.subnetsim.replica.query;

import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateDelegation;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.Witness;
import java.util.List;
import java.util.Optional;

/** A height's certified state tree with the subnet's threshold signature on its root. */
public record CertifiedState(long height, HashTree tree, byte[] signature) {
  public CertifiedState {
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** A certificate revealing {@code paths} of the tree (and nothing else but hashes). */
  public Certificate certificate(List<List<byte[]>> paths,
      Optional<CertificateDelegation> delegation) {
    return new Certificate(Witness.prune(tree, paths), signature, delegation);
  }
}
