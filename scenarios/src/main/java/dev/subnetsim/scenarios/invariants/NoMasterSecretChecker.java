package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "No replica and no coalition of at most f replicas ever holds a master secret", checked on the
 * secret material the key-holding subnets' replicas actually hold: the genesis holder's shares at
 * the start, and each reshare target's shares as soon as they are installed. No single replica's
 * share of any chain key (vetKD, ECDH per curve, document key, ECDSA and Schnorr keys) is the
 * master secret (share*G != public key), and the scenario's Byzantine coalition of that subnet
 * interpolating its shares does not obtain it either. A violation would mean a key was dealt or
 * reshared with too low a threshold.
 */
public final class NoMasterSecretChecker implements InvariantChecker {
  public static final String NAME = "no-master-secret";

  /** A subnet's key material: public keys and every node's shares (by committee index). */
  public record Material(SubnetChainKeys publicKeys, List<NodeChainKeyShares> shares) {}

  /** A key-holding subnet: its material once it exists, its members and Byzantine coalition. */
  public record Holder(String subnet, Supplier<Optional<Material>> material, List<NodeId> members,
      List<Integer> coalition) {}

  private final List<Holder> holders;
  private final TreeMap<String, Boolean> checked = new TreeMap<>();

  public NoMasterSecretChecker(List<Holder> holders) {
    this.holders = List.copyOf(holders);
  }

  /** One subnet holding {@code keys} from genesis. */
  public NoMasterSecretChecker(ChainKeyGenesis keys, List<NodeId> members, List<Integer> coalition) {
    this(List.of(new Holder("genesis", () -> Optional.of(new Material(keys.publicKeys(),
        keys.shares())), members, coalition)));
  }

  /** The subnets checked so far (their material existed). */
  public List<String> checkedSubnets() {
    return List.copyOf(checked.keySet());
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
      if (checked.containsKey(h.subnet())) {
        continue;
      }
      Optional<Material> m = h.material().get();
      if (m.isPresent()) {
        checked.put(h.subnet(), true);
        new Check(h, m.get(), out, t).run();
      }
    }
    return out;
  }

  private record Check(Holder h, Material m, List<Violation> out, long t) {
    void run() {
      SubnetChainKeys pub = m.publicKeys();
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

    private static EcScalar value(CommitmentOpening o) {
      return o == null ? null : o.value();
    }

    private String where() {
      return " (" + h.subnet() + ")";
    }

    private void ec(String what, EcPoint publicKey, Function<NodeChainKeyShares, EcScalar> share) {
      TreeMap<Integer, EcScalar> coalitionShares = new TreeMap<>();
      for (NodeChainKeyShares s : m.shares()) {
        EcScalar x = share.apply(s);
        if (x == null) {
          continue;
        }
        if (EcPoint.mulGenerator(x).equals(publicKey)) {
          out.add(new Violation(NAME, t, h.members().get(s.index()) + " holds the " + what
              + "'s secret" + where()));
        }
        if (h.coalition().contains(s.index())) {
          coalitionShares.put(s.index(), x);
        }
      }
      if (!coalitionShares.isEmpty()
          && EcPoint.mulGenerator(EcLagrange.interpolateScalars(publicKey.curve(), coalitionShares))
              .equals(publicKey)) {
        out.add(new Violation(NAME, t, "the coalition " + h.coalition() + " reconstructs the "
            + what + where()));
      }
    }

    private void bls(String what, G2Point publicKey) {
      TreeMap<Integer, Scalar> coalitionShares = new TreeMap<>();
      for (NodeChainKeyShares s : m.shares()) {
        if (s.vetKdShare() == null) {
          continue;
        }
        if (G2Point.generator().mul(s.vetKdShare()).equals(publicKey)) {
          out.add(new Violation(NAME, t, h.members().get(s.index()) + " holds the " + what
              + "'s secret" + where()));
        }
        if (h.coalition().contains(s.index())) {
          coalitionShares.put(s.index(), s.vetKdShare());
        }
      }
      if (!coalitionShares.isEmpty() && G2Point.generator()
          .mul(Lagrange.interpolateAtZero(coalitionShares)).equals(publicKey)) {
        out.add(new Violation(NAME, t, "the coalition " + h.coalition() + " reconstructs the "
            + what + where()));
      }
    }
  }
}
