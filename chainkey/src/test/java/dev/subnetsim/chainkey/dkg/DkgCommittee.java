package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Lagrange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test fixture: receivers with encryption keys, and helpers to run the rounds of a DKG. */
final class DkgCommittee {

  final SeededRandom rng;
  final List<ReceiverKeyPair> keyPairs = new ArrayList<>();

  DkgCommittee(int receivers, SeededRandom rng) {
    this.rng = rng;
    for (int j = 0; j < receivers; j++) {
      keyPairs.add(ReceiverKeyPair.random(rng.fork("enc-" + j)));
    }
  }

  List<G1Point> publicKeys() {
    return keyPairs.stream().map(ReceiverKeyPair::publicKey).toList();
  }

  List<DkgReceiver> receivers(DkgConfig config) {
    List<DkgReceiver> out = new ArrayList<>();
    for (int j = 0; j < keyPairs.size(); j++) {
      out.add(new DkgReceiver(config, j, keyPairs.get(j)));
    }
    return out;
  }

  static List<Dealing> freshDealings(DkgConfig config, SeededRandom rng) {
    List<Dealing> out = new ArrayList<>();
    for (int d = 0; d < config.dealerCount(); d++) {
      out.add(new DkgDealer(config, d).createDealing(rng.fork("dealer-" + d)));
    }
    return out;
  }

  /** Every receiver opens every dealing; returns the complaints. */
  static List<Complaint> openAll(List<DkgReceiver> receivers, List<Dealing> dealings, SeededRandom rng) {
    List<Complaint> complaints = new ArrayList<>();
    for (DkgReceiver r : receivers) {
      for (Dealing d : dealings) {
        if (r.open(d, rng.fork("complaint-" + r.receiverIndex() + "-" + d.dealerIndex())) instanceof ShareOpening.Invalid inv) {
          complaints.add(inv.complaint());
        }
      }
    }
    return complaints;
  }

  static Map<Integer, Scalar> keyShares(List<DkgReceiver> receivers, Transcript t) {
    Map<Integer, Scalar> out = new TreeMap<>();
    for (DkgReceiver r : receivers) {
      out.put(r.receiverIndex(), r.computeKeyShare(t));
    }
    return out;
  }

  /** The test (and only the test) reconstructs the secret from all shares. */
  static Scalar reconstruct(Map<Integer, Scalar> shares) {
    return Lagrange.interpolateAtZero(shares);
  }

  /** A copy of the dealing whose ciphertext for {@code receiver} encrypts share + 1. */
  static Dealing withBadShareFor(Dealing d, int receiver) {
    List<Scalar> cs = new ArrayList<>(d.ciphertexts());
    cs.set(receiver, cs.get(receiver).add(Scalar.ONE));
    return new Dealing(d.dealerIndex(), d.commitment(), d.ephemeralKey(), cs);
  }
}
