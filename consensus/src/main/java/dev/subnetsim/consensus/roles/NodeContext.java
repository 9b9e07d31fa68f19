package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.dkg.SubnetDkg;

/**
 * What the signing roles of one replica share: its secrets, the crypto facade and its DKG state
 * (the threshold keys of each height's interval).
 */
public record NodeContext(NodeSecrets secrets, ConsensusCrypto crypto, SubnetDkg dkg) {
  public int index() {
    return secrets.index();
  }
}
