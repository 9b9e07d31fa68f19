package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * Public checks of a DKG item, gossiped or in a block: signer and signature; a dealing against its
 * resharing config; a complaint well-formed, by its signer, against another node (judged when the
 * transcript is made).
 */
final class DkgItemChecker {
  private final ConsensusConfig config;
  private final ConsensusCrypto crypto;
  private final ResharingConfigs configs;
  /** Items that already passed these checks, by slot (owned by {@link DkgItemPool}). */
  private final TreeMap<String, DkgItem> pending;

  DkgItemChecker(ConsensusConfig config, ConsensusCrypto crypto, ResharingConfigs configs,
      TreeMap<String, DkgItem> pending) {
    this.config = config;
    this.crypto = crypto;
    this.configs = configs;
    this.pending = pending;
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with {@code item}
   */
  void check(DkgItem item) {
    DkgItem known = pending.get(item.slot());
    if (known != null && Arrays.equals(known.body(), item.body())
        && Arrays.equals(known.signature(), item.signature())) {
      return; // the same item passed these checks when it was gossiped (or is our own)
    }
    String what = "dkg " + item.kind().name().toLowerCase() + " of node index " + item.signer();
    if (item.signer() >= config.n()) {
      throw new IllegalArgumentException(what + ": unknown signer");
    }
    if (!crypto.verifyIndividual(item.signer(), item.signedMessage(), item.signature())) {
      throw new IllegalArgumentException(what + ": not signed by its signer");
    }
    if (item.kind() == DkgItem.Kind.COMPLAINT) {
      Complaint c = Complaint.fromBytes(item.body()); // MalformedDkgBytesException names the field
      if (c.complainerIndex() != item.signer() || c.dealerIndex() >= config.n()
          || c.dealerIndex() == item.signer()) {
        throw new IllegalArgumentException(what + ": complaint of " + c.complainerIndex()
            + " against " + c.dealerIndex());
      }
      return;
    }
    DkgConfig c = configs.forEpoch(item.targetEpoch(), item.key()).orElseThrow(
        () -> new IllegalArgumentException(what + " for epoch " + item.targetEpoch()
            + " whose source keys are unknown"));
    boolean valid = crypto.verifyDealing(c.toBytes(), item.body(), config.n(), () -> {
      try {
        Dealing d = Dealing.fromBytes(item.body());
        return d.dealerIndex() == item.signer() && DealingValidator.isValid(c, d);
      } catch (RuntimeException e) {
        return false;
      }
    });
    if (!valid) {
      throw new IllegalArgumentException("invalid " + what + " for epoch " + item.targetEpoch());
    }
  }
}
