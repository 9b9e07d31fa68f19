package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;

/** What the signing roles of one replica share: its secrets and the crypto facade. */
public record NodeContext(NodeSecrets secrets, ConsensusCrypto crypto) {
  public int index() {
    return secrets.index();
  }
}
