package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.ic.IcDomain;

/** What a certificate's signature covers: {@code domain_sep("ic-state-root") · root_hash} (interface spec, "Certification"). */
public final class StateRootMessage {
  private StateRootMessage() {}

  public static byte[] of(byte[] rootHash) {
    if (rootHash.length != 32) {
      throw new IllegalArgumentException("a state root hash has 32 bytes, got " + rootHash.length);
    }
    return IcDomain.prefixed(DomainSeparators.IC_STATE_ROOT, rootHash);
  }
}
