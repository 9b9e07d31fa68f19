package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.PolynomialCommitment;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "No replica and no coalition of at most f replicas ever holds a master secret", checked on the
 * secret material the replicas actually hold, for two families of keys:
 *
 * <ul>
 *   <li>chain keys (vetKD, ECDH per curve, document key, ECDSA and Schnorr keys): the genesis
 *       holder's shares at the start, and each reshare target's shares as its replicas decrypt
 *       them (again whenever more replicas hold theirs);
 *   <li>every subnet's consensus threshold keys (random beacon, state certification), the sharing
 *       of every DKG interval as each replica holds it ({@link EpochSharingCheck}).
 * </ul>
 *
 * For each key: its reconstruction threshold is at least f+1, f = floor((n-1)/3) of the subnet
 * holding it (the degree of its committed polynomial plus one where it is committed, else the
 * threshold it declares); no single replica's share is the master secret (share*G != public key);
 * and no coalition of f of that subnet's replicas interpolating their shares obtains it either:
 * every such coalition when there are at most {@value #MAX_COALITIONS}, else a deterministic sample
 * of that many (seeded by the subnet's name), plus the scenario's own Byzantine coalition. A
 * violation would mean a key was dealt or reshared with too low a threshold.
 */
public final class NoMasterSecretChecker implements InvariantChecker {
  public static final String NAME = "no-master-secret";

  /** A subnet's key material: public keys and the shares its nodes hold (by committee index). */
  public record Material(SubnetChainKeys publicKeys, List<NodeChainKeyShares> shares) {}

  /** A key-holding subnet: its material once it exists, its members and Byzantine coalition. */
  public record Holder(SubnetId subnet, Supplier<Optional<Material>> material, List<NodeId> members,
      List<Integer> coalition) {}

  /**
   * A subnet whose consensus threshold keys are checked: {@code held} gives every epoch's keys a
   * member holds now (none if it has not booted).
   */
  public record ConsensusHolder(SubnetId subnet, List<NodeId> members, List<Integer> coalition,
      Function<NodeId, List<EpochKeys>> held) {}

  /**
   * What the consensus-key checks covered: the epochs checked per subnet, the sharings (epoch and
   * key) and the coalitions tried on them.
   */
  public record Coverage(Map<SubnetId, List<Long>> epochs, int sharings, long coalitions) {}

  /** Coalitions of f checked per subnet at most (all of them below this). */
  static final int MAX_COALITIONS = 128;

  private final List<Holder> holders;
  private final List<EpochSharingCheck> consensus;
  /** Per subnet checked so far, the replicas (committee indices) whose shares were checked. */
  private final TreeMap<SubnetId, java.util.TreeSet<Integer>> checked = new TreeMap<>();

  public NoMasterSecretChecker(List<Holder> holders) {
    this(holders, List.of());
  }

  /** Chain-key {@code holders} and subnets whose {@code consensus} keys are checked. */
  public NoMasterSecretChecker(List<Holder> holders, List<ConsensusHolder> consensus) {
    this.holders = List.copyOf(holders);
    this.consensus = consensus.stream().map(EpochSharingCheck::new).toList();
  }

  /** One subnet holding {@code keys} from genesis. */
  public NoMasterSecretChecker(ChainKeyGenesis keys, List<NodeId> members, List<Integer> coalition) {
    this(List.of(new Holder(new SubnetId("genesis"),
        () -> Optional.of(new Material(keys.publicKeys(), keys.shares())), members, coalition)));
  }

  /** The subnets whose chain keys were checked so far (their material existed). */
  public List<SubnetId> checkedSubnets() {
    return List.copyOf(checked.keySet());
  }

  /** Per subnet whose chain keys were checked, how many of its replicas' shares were. */
  public Map<SubnetId, Integer> checkedShares() {
    Map<SubnetId, Integer> out = new TreeMap<>();
    checked.forEach((subnet, replicas) -> out.put(subnet, replicas.size()));
    return Collections.unmodifiableMap(out);
  }

  /** What the consensus-key checks covered so far. */
  public Coverage consensusCoverage() {
    Map<SubnetId, List<Long>> epochs = new TreeMap<>();
    int sharings = 0;
    long coalitions = 0;
    for (EpochSharingCheck c : consensus) {
      epochs.put(c.subnet(), c.checkedEpochs());
      sharings += c.sharings();
      coalitions += c.coalitionsTried();
    }
    return new Coverage(Collections.unmodifiableMap(epochs), sharings, coalitions);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Violation> onObservation(long t, NodeId node, Observation o) {
    return List.of();
  }

  @Override
  public List<Violation> onTime(long t) {
    List<Violation> out = new ArrayList<>();
    for (Holder h : holders) {
      java.util.TreeSet<Integer> done = checked.get(h.subnet());
      if (done != null && done.size() >= h.members().size()) {
        continue;
      }
      Optional<Material> m = h.material().get();
      if (m.isEmpty()) {
        continue;
      }
      // Reshare targets' replicas decrypt their shares one by one (a crashed one when it
      // returns): check again whenever more of them hold theirs, with the newcomers.
      java.util.TreeSet<Integer> fresh = new java.util.TreeSet<>();
      m.get().shares().forEach(sh -> fresh.add(sh.index()));
      if (done != null) {
        fresh.removeAll(done);
        if (fresh.isEmpty()) {
          continue;
        }
      }
      new Check(h, m.get(), coalitions(h), out, t, done == null, fresh).run();
      checked.computeIfAbsent(h.subnet(), k -> new java.util.TreeSet<>()).addAll(fresh);
    }
    for (EpochSharingCheck c : consensus) {
      c.poll(t, out);
    }
    return out;
  }

  /**
   * The coalitions to try on holder {@code h}: every set of f members (or a deterministic sample of
   * {@link #MAX_COALITIONS}), and the scenario's Byzantine coalition if it is not empty.
   */
  static List<List<Integer>> coalitions(Holder h) {
    return coalitions(h.subnet(), h.members().size(), h.coalition());
  }

  /** As above, for subnet {@code subnet} of {@code n} members with Byzantine {@code byzantine}. */
  static List<List<Integer>> coalitions(SubnetId subnet, int n, List<Integer> byzantine) {
    int f = (n - 1) / 3;
    List<List<Integer>> out = new ArrayList<>();
    if (!byzantine.isEmpty()) {
      out.add(List.copyOf(byzantine));
    }
    if (f == 0) {
      return out;
    }
    java.math.BigInteger all = binomial(n, f);
    if (all.compareTo(java.math.BigInteger.valueOf(MAX_COALITIONS)) <= 0) {
      int[] c = new int[f];
      for (int i = 0; i < f; i++) {
        c[i] = i;
      }
      while (true) {
        out.add(java.util.Arrays.stream(c).boxed().toList());
        int i = f - 1;
        while (i >= 0 && c[i] == n - f + i) {
          i--;
        }
        if (i < 0) {
          return out;
        }
        c[i]++;
        for (int j = i + 1; j < f; j++) {
          c[j] = c[j - 1] + 1;
        }
      }
    }
    java.util.random.RandomGenerator r = new java.util.SplittableRandom(
        subnet.name().hashCode() * 0x9E3779B97F4A7C15L + n);
    java.util.TreeSet<String> seen = new java.util.TreeSet<>();
    while (out.size() < MAX_COALITIONS + (byzantine.isEmpty() ? 0 : 1)) {
      java.util.TreeSet<Integer> pick = new java.util.TreeSet<>();
      while (pick.size() < f) {
        pick.add(r.nextInt(n));
      }
      if (seen.add(pick.toString())) {
        out.add(List.copyOf(pick));
      }
    }
    return out;
  }

  private static java.math.BigInteger binomial(int n, int k) {
    java.math.BigInteger b = java.math.BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      b = b.multiply(java.math.BigInteger.valueOf(n - i))
          .divide(java.math.BigInteger.valueOf(i + 1));
    }
    return b;
  }

  /**
   * One check of a holder's material: on the {@code first} one the thresholds too; the shares of
   * the {@code fresh} replicas alone, and the coalitions with at least one of them.
   */
  private record Check(Holder h, Material m, List<List<Integer>> coalitions, List<Violation> out,
      long t, boolean first, java.util.Set<Integer> fresh) {
    void run() {
      SubnetChainKeys pub = m.publicKeys();
      if (first) {
        thresholds(pub);
      }
      keys(pub);
    }

    private void thresholds(SubnetChainKeys pub) {
      if (pub.vetKdKey() != null) {
        threshold("vetKD key", EpochSharingCheck.effectiveThreshold(pub.vetKdKey()));
      }
      pub.ecdhKeys().forEach((curve, k) ->
          threshold("ECDH " + curve.logName() + " key", k.threshold()));
      if (pub.documentServerKey() != null) {
        threshold("document key", pub.documentServerKey().threshold());
      }
      pub.signing().ecdsaKeys().forEach((curve, tr) ->
          threshold("ECDSA " + curve.logName() + " key", degreePlusOne(tr.commitment())));
      pub.signing().schnorrKeys().forEach((alg, tr) ->
          threshold(alg + " key", degreePlusOne(tr.commitment())));
    }

    private void keys(SubnetChainKeys pub) {
      if (pub.vetKdKey() != null) {
        bls("vetKD key", pub.vetKdKey().publicKey());
      }
      pub.ecdhKeys().forEach((curve, k) -> ec("ECDH " + curve.logName() + " key", k.publicKey(),
          s -> s.ecdhShares().containsKey(curve) ? s.ecdhShares().get(curve).scalar() : null));
      if (pub.documentServerKey() != null) {
        ec("document key", pub.documentServerKey().publicKey(),
            s -> s.documentShare() == null ? null : s.documentShare().scalar());
      }
      pub.signing().ecdsaKeys().forEach((curve, tr) -> ec("ECDSA " + curve.logName() + " key",
          tr.commitment().constantTerm(), s -> value(s.signing().ecdsaKeys().get(curve))));
      pub.signing().schnorrKeys().forEach((alg, tr) -> ec(alg + " key",
          tr.commitment().constantTerm(), s -> value(s.signing().schnorrKeys().get(alg))));
    }

    /** A key's reconstruction threshold must exceed the f a coalition may have. */
    private void threshold(String what, int threshold) {
      int f = (h.members().size() - 1) / 3;
      if (threshold < f + 1) {
        out.add(new Violation(NAME, t, "the " + what + where() + " has reconstruction threshold "
            + threshold + " < f+1 = " + (f + 1)));
      }
    }

    /** One more than the committed polynomial's degree: identity top coefficients are zero. */
    private static int degreePlusOne(PolynomialCommitment c) {
      int d = c.points().size();
      while (d > 0 && c.points().get(d - 1).isIdentity()) {
        d--;
      }
      return d;
    }

    private static EcScalar value(CommitmentOpening o) {
      return o == null ? null : o.value();
    }

    private String where() {
      return " (" + h.subnet() + ")";
    }

    private void ec(String what, EcPoint publicKey, Function<NodeChainKeyShares, EcScalar> share) {
      TreeMap<Integer, EcScalar> held = new TreeMap<>();
      for (NodeChainKeyShares s : m.shares()) {
        EcScalar x = share.apply(s);
        if (x == null) {
          continue;
        }
        if (fresh.contains(s.index()) && EcPoint.mulGenerator(x).equals(publicKey)) {
          out.add(new Violation(NAME, t, h.members().get(s.index()) + " holds the " + what
              + "'s secret" + where()));
        }
        held.put(s.index(), x);
      }
      for (List<Integer> coalition : coalitions) {
        if (java.util.Collections.disjoint(coalition, fresh)) {
          continue; // checked before, with the same shares
        }
        TreeMap<Integer, EcScalar> shares = new TreeMap<>(held);
        shares.keySet().retainAll(coalition);
        if (shares.size() > 1 && EcPoint.mulGenerator(EcLagrange.interpolateScalars(
            publicKey.curve(), shares)).equals(publicKey)) {
          out.add(new Violation(NAME, t, "the coalition " + coalition + " reconstructs the "
              + what + where()));
          return;
        }
      }
    }

    private void bls(String what, G2Point publicKey) {
      TreeMap<Integer, Scalar> held = new TreeMap<>();
      for (NodeChainKeyShares s : m.shares()) {
        if (s.vetKdShare() == null) {
          continue;
        }
        if (fresh.contains(s.index())
            && G2Point.generator().mul(s.vetKdShare()).equals(publicKey)) {
          out.add(new Violation(NAME, t, h.members().get(s.index()) + " holds the " + what
              + "'s secret" + where()));
        }
        held.put(s.index(), s.vetKdShare());
      }
      for (List<Integer> coalition : coalitions) {
        if (java.util.Collections.disjoint(coalition, fresh)) {
          continue; // checked before, with the same shares
        }
        TreeMap<Integer, Scalar> shares = new TreeMap<>(held);
        shares.keySet().retainAll(coalition);
        if (shares.size() > 1 && G2Point.generator().mul(Lagrange.interpolateAtZero(shares))
            .equals(publicKey)) {
          out.add(new Violation(NAME, t, "the coalition " + coalition + " reconstructs the "
              + what + where()));
          return;
        }
      }
    }
  }
}
