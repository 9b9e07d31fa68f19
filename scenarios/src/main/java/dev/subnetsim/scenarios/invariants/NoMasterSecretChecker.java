package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * "No replica and no coalition of at most f replicas ever holds a master secret", checked on the
 * secret material the key-holding subnet's replicas actually hold: no single replica's share of any
 * chain key (vetKD, ECDH per curve, document key, Schnorr keys; for ECDSA keys replicas hold only
 * shares of key*lambda products) is the master secret
 * (share*G != public key), and the scenario's Byzantine coalition (at most f there) interpolating
 * its shares does not obtain it either. Checked once at the start of the run (the shares never
 * change during a run); a violation would mean a key was dealt with too low a threshold.
 */
public final class NoMasterSecretChecker implements InvariantChecker {
  public static final String NAME = "no-master-secret";

  private final ChainKeyGenesis keys;
  private final List<NodeId> members;
  private final List<Integer> coalition;
  private boolean checked;

  public NoMasterSecretChecker(ChainKeyGenesis keys, List<NodeId> members, List<Integer> coalition) {
    this.keys = keys;
    this.members = List.copyOf(members);
    this.coalition = List.copyOf(coalition);
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
    if (checked) {
      return List.of();
    }
    checked = true;
    List<Violation> out = new ArrayList<>();
    var pub = keys.publicKeys();
    G2Point vetKd = pub.vetKdKey().publicKey();
    checkBls("vetKD key", vetKd, out, t);
    pub.ecdhKeys().forEach((curve, k) -> checkEc("ECDH " + curve.logName() + " key", k.publicKey(),
        s -> s.ecdhShares().get(curve).scalar(), out, t));
    checkEc("document key", pub.documentServerKey().publicKey(), s -> s.documentShare().scalar(), out, t);
    pub.signing().schnorrKeys().forEach((alg, tr) -> checkEc(alg + " key",
        tr.commitment().constantTerm(), s -> s.signing().schnorrKeys().get(alg).value(), out, t));
    return out;
  }

  private void checkEc(String what, EcPoint publicKey, Function<NodeChainKeyShares, EcScalar> share,
      List<Violation> out, long t) {
    TreeMap<Integer, EcScalar> coalitionShares = new TreeMap<>();
    for (NodeChainKeyShares s : keys.shares()) {
      EcScalar x = share.apply(s);
      if (x == null) {
        continue;
      }
      if (EcPoint.mulGenerator(x).equals(publicKey)) {
        out.add(new Violation(NAME, t, members.get(s.index()) + " holds the " + what + "'s secret"));
      }
      if (coalition.contains(s.index())) {
        coalitionShares.put(s.index(), x);
      }
    }
    if (!coalitionShares.isEmpty()
        && EcPoint.mulGenerator(EcLagrange.interpolateScalars(publicKey.curve(), coalitionShares))
            .equals(publicKey)) {
      out.add(new Violation(NAME, t, "the coalition " + coalition + " reconstructs the " + what));
    }
  }

  private void checkBls(String what, G2Point publicKey, List<Violation> out, long t) {
    TreeMap<Integer, Scalar> coalitionShares = new TreeMap<>();
    for (NodeChainKeyShares s : keys.shares()) {
      if (G2Point.generator().mul(s.vetKdShare()).equals(publicKey)) {
        out.add(new Violation(NAME, t, members.get(s.index()) + " holds the " + what + "'s secret"));
      }
      if (coalition.contains(s.index())) {
        coalitionShares.put(s.index(), s.vetKdShare());
      }
    }
    if (!coalitionShares.isEmpty() && G2Point.generator()
        .mul(Lagrange.interpolateAtZero(coalitionShares)).equals(publicKey)) {
      out.add(new Violation(NAME, t, "the coalition " + coalition + " reconstructs the " + what));
    }
  }
}
