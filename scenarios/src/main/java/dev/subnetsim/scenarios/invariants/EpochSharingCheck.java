package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.dkg.ThresholdKey;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The no-master-secret checks on one subnet's consensus threshold keys (random beacon, state
 * certification), one sharing per DKG interval (epoch), as its replicas hold them. Polled on every
 * driver batch, it takes each epoch's keys from each replica the first time that replica shows them
 * (a replica keeps several epochs, so none is missed between polls) and checks:
 *
 * <ul>
 *   <li>the sharing's reconstruction threshold, the degree of its public coefficients plus one
 *       (identity coefficients at the top, committing to zeros, do not count), is at least f+1;
 *   <li>no replica's share is the master secret (share*G2 != the public key), unless the
 *       threshold is 1 (every share is the secret then: allowed only in a subnet where f = 0);
 *   <li>no coalition of f replicas (all of them or a deterministic sample, plus the scenario's
 *       Byzantine coalition) interpolates the public key from its shares; a coalition is tried once
 *       all its members have shown the epoch, or with the shares shown when the epoch is forgotten.
 * </ul>
 *
 * Only replicas that agree with the first one on the epoch's public coefficients pool their shares
 * (shares of different polynomials do not interpolate). At most {@link #KEPT_EPOCHS} epochs are
 * remembered, more than a replica keeps.
 */
final class EpochSharingCheck {
  /** Epochs remembered per subnet. */
  static final int KEPT_EPOCHS = 12;

  private final NoMasterSecretChecker.ConsensusHolder holder;
  private final int f;
  private final List<List<Integer>> coalitions;
  private final TreeMap<Long, Epoch> epochs = new TreeMap<>();
  /** Epochs at or below this are forgotten. */
  private long forgotten = -1;
  private final TreeSet<Long> checkedEpochs = new TreeSet<>();
  private int sharings;
  private long coalitionsTried;

  /** One key's sharing in one epoch: public coefficients, shares by committee index. */
  private static final class Sharing {
    final PublicCoefficients coefficients;
    final int threshold;
    final TreeMap<Integer, Scalar> shares = new TreeMap<>();
    final boolean[] tried;
    boolean reported;
    /** Shares taken but not yet compared with the secret, by committee index. */
    final TreeSet<Integer> unchecked = new TreeSet<>();
    /**
     * The secret, once {@code threshold} shares interpolate to the public key: then shares and
     * coalitions are judged by comparing scalars rather than by a G2 multiplication each (about
     * 2 ms; the flagship tries thousands of coalitions). Only this observer ever computes it.
     */
    Scalar secret;
    int sharesAtLastTry;

    Sharing(PublicCoefficients coefficients, int coalitions) {
      this.coefficients = coefficients;
      this.threshold = effectiveThreshold(coefficients);
      this.tried = new boolean[coalitions];
    }

    /** Whether {@code x} is the shared secret. */
    boolean isSecret(Scalar x) {
      if (secret == null && threshold >= 1 && shares.size() >= threshold
          && shares.size() > sharesAtLastTry) {
        sharesAtLastTry = shares.size();
        TreeMap<Integer, Scalar> first = new TreeMap<>();
        shares.entrySet().stream().limit(threshold).forEach(e -> first.put(e.getKey(),
            e.getValue()));
        Scalar s = Lagrange.interpolateAtZero(first);
        if (G2Point.generator().mul(s).equals(coefficients.publicKey())) {
          secret = s;
        }
      }
      return secret != null ? secret.equals(x)
          : G2Point.generator().mul(x).equals(coefficients.publicKey());
    }
  }

  /** One epoch: who has shown it, and its two sharings. */
  private static final class Epoch {
    final TreeSet<Integer> shown = new TreeSet<>();
    /** Someone showed it since its coalitions were last looked at. */
    boolean fresh;
    final EnumMap<ThresholdKey, Sharing> sharings = new EnumMap<>(ThresholdKey.class);
  }

  EpochSharingCheck(NoMasterSecretChecker.ConsensusHolder holder) {
    this.holder = holder;
    int n = holder.members().size();
    this.f = (n - 1) / 3;
    this.coalitions = NoMasterSecretChecker.coalitions(holder.subnet(), n, holder.coalition());
  }

  SubnetId subnet() {
    return holder.subnet();
  }

  /** The epochs whose sharings were checked so far, ascending. */
  List<Long> checkedEpochs() {
    return List.copyOf(checkedEpochs);
  }

  /** Sharings (epoch and key) checked so far. */
  int sharings() {
    return sharings;
  }

  /** Coalitions tried on sharings so far. */
  long coalitionsTried() {
    return coalitionsTried;
  }

  void poll(long t, List<Violation> out) {
    List<NodeId> members = holder.members();
    for (int i = 0; i < members.size(); i++) {
      for (EpochKeys k : holder.held().apply(members.get(i))) {
        if (k.epoch() > forgotten) {
          take(t, i, k, out);
        }
      }
    }
    for (var e : epochs.entrySet()) {
      if (!e.getValue().fresh) {
        continue;
      }
      e.getValue().fresh = false;
      for (var s : e.getValue().sharings.entrySet()) {
        checkShares(t, e.getKey(), s.getKey(), s.getValue(), out);
        tryCoalitions(t, e.getKey(), s.getKey(), s.getValue(), e.getValue().shown, false, out);
      }
    }
    while (epochs.size() > KEPT_EPOCHS) {
      var first = epochs.pollFirstEntry();
      first.getValue().sharings.forEach((key, s) ->
          tryCoalitions(t, first.getKey(), key, s, first.getValue().shown, true, out));
      forgotten = first.getKey();
    }
  }

  private void take(long t, int node, EpochKeys k, List<Violation> out) {
    Epoch e = epochs.computeIfAbsent(k.epoch(), x -> new Epoch());
    if (!e.shown.add(node)) {
      return;
    }
    e.fresh = true;
    for (ThresholdKey key : ThresholdKey.values()) {
      Sharing s = e.sharings.get(key);
      if (s == null) {
        s = new Sharing(k.coefficients(key), coalitions.size());
        e.sharings.put(key, s);
        sharings++;
        checkedEpochs.add(k.epoch());
        if (s.threshold < f + 1) {
          out.add(new Violation(NoMasterSecretChecker.NAME, t, "the " + what(key, k.epoch())
              + " has reconstruction threshold " + s.threshold + " < f+1 = " + (f + 1)));
        }
      }
      Scalar share = k.myShare(key);
      if (share == null || !s.coefficients.equals(k.coefficients(key))) {
        continue;
      }
      s.shares.put(node, share);
      s.unchecked.add(node);
    }
  }

  /** Compares the shares taken since the last poll with the secret. */
  private void checkShares(long t, long epoch, ThresholdKey key, Sharing s, List<Violation> out) {
    // At threshold 1 every share is the secret by design (allowed only while f = 0).
    for (int node : s.unchecked) {
      if (s.threshold > 1 && !s.reported && s.isSecret(s.shares.get(node))) {
        out.add(new Violation(NoMasterSecretChecker.NAME, t, holder.members().get(node)
            + " holds the " + what(key, epoch) + "'s master secret"));
        s.reported = true; // every coalition with it reconstructs too: one finding is enough
      }
    }
    s.unchecked.clear();
  }

  /**
   * Tries each coalition not yet tried whose members have all shown the epoch (every one if
   * {@code last}); stops at the first that reconstructs, which it reports.
   */
  private void tryCoalitions(long t, long epoch, ThresholdKey key, Sharing s,
      TreeSet<Integer> shown, boolean last, List<Violation> out) {
    for (int c = 0; c < coalitions.size() && !s.reported; c++) {
      List<Integer> coalition = coalitions.get(c);
      if (s.tried[c] || !(last || shown.containsAll(coalition))) {
        continue;
      }
      s.tried[c] = true;
      coalitionsTried++;
      TreeMap<Integer, Scalar> held = new TreeMap<>(s.shares);
      held.keySet().retainAll(coalition);
      if (!held.isEmpty() && s.isSecret(Lagrange.interpolateAtZero(held))) {
        s.reported = true;
        out.add(new Violation(NoMasterSecretChecker.NAME, t, "the coalition "
            + held.keySet().stream().map(holder.members()::get).toList() + " reconstructs the "
            + what(key, epoch)));
      }
    }
  }

  private String what(ThresholdKey key, long epoch) {
    return (key == ThresholdKey.BEACON ? "random-beacon" : "state-certification")
        + " key of epoch " + epoch + " (" + holder.subnet() + ")";
  }

  /** One more than the degree of the committed polynomial: identity top coefficients are zero. */
  static int effectiveThreshold(PublicCoefficients c) {
    List<G2Point> cs = c.coefficients();
    int t = cs.size();
    while (t > 0 && cs.get(t - 1).isIdentity()) {
      t--;
    }
    return t;
  }
}
