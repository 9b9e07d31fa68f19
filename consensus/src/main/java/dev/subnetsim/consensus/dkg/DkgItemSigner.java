package dev.subnetsim.consensus.dkg;

import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;

/** Signs this replica's DKG items (dealings and complaints) with its individual key. */
record DkgItemSigner(ConsensusCrypto crypto, NodeSecrets me) {

  DkgItem sign(DkgItem.Kind kind, long target, ThresholdKey key, byte[] body) {
    byte[] sig = crypto.signIndividually(me,
        DkgItem.signedMessage(kind, target, key, me.index(), body));
    return new DkgItem(kind, target, key, me.index(), body, sig);
  }
}
