package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The dealing phase of the DKG for one replica: once per epoch e it deals, from its epoch-e
 * shares, a resharing of each key for epoch e+2, seeded from its own key so reruns deal alike.
 */
final class ResharingDealer {
  private final ConsensusConfig config;
  private final NodeSecrets me;
  private final ResharingConfigs configs;
  private final DkgItemSigner signer;
  /** A Byzantine dealer: encrypts a garbage share to one receiver. */
  private final boolean dealsBadly;
  private final TreeSet<Long> dealt = new TreeSet<>();

  ResharingDealer(ConsensusConfig config, NodeSecrets me, ResharingConfigs configs,
      DkgItemSigner signer, boolean dealsBadly) {
    this.config = config;
    this.me = me;
    this.configs = configs;
    this.signer = signer;
    this.dealsBadly = dealsBadly;
  }

  /** The signed dealings for epoch e+2 from {@code current}'s shares, once per epoch e. */
  List<DkgItem> deal(long e, EpochKeys current) {
    List<DkgItem> out = new ArrayList<>();
    if (!dealt.add(e)) {
      return out;
    }
    for (ThresholdKey key : ThresholdKey.values()) {
      if (current.myShare(key) == null) {
        continue;
      }
      DkgConfig c = configs.forEpoch(e + 2, key).orElseThrow();
      SeededRandom rng = SeededRandom.fromSeed(me.multiSigKey().toBytes(),
          "consensus-dkg/" + config.subnet().name() + "/" + (e + 2) + "/" + key);
      Dealing dealing = new DkgDealer(c, me.index()).createResharingDealing(
          current.myShare(key), rng);
      if (dealsBadly) {
        dealing = withBadShare(dealing, (me.index() + 1) % config.n());
      }
      out.add(signer.sign(DkgItem.Kind.DEALING, e + 2, key, dealing.toBytes()));
    }
    return out;
  }

  /** The dealing with receiver {@code victim}'s encrypted share off by one. */
  private static Dealing withBadShare(Dealing d, int victim) {
    List<Scalar> ciphertexts = new ArrayList<>(d.ciphertexts());
    ciphertexts.set(victim, ciphertexts.get(victim).add(Scalar.ONE));
    return new Dealing(d.dealerIndex(), d.commitment(), d.ephemeralKey(), ciphertexts);
  }
}
