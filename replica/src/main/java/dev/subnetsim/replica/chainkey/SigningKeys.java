package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgReceiverKey;
import dev.subnetsim.chainkey.idkg.IdkgRound;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.SchnorrPresignature;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.ec.EcPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A subnet's threshold signing keys and presignature stashes, made by IDKG among its nodes at
 * genesis (each node deals with its own randomness and decrypts only its own shares; no trusted
 * dealer). Public side: the key transcripts and presignatures, known to every replica. Secret side:
 * per node, its openings. Simplification: the stash is dealt once at genesis rather than refilled
 * through consensus payloads during the run; requests beyond it are rejected as the IC rejects
 * requests when no presignature is available.
 */
public final class SigningKeys {
  public static final String KEY_NAME = "key_1";

  /** Public: key transcripts and presignature stashes. */
  public record Public(Map<EcCurve, IdkgTranscript> ecdsaKeys,
      Map<EcCurve, List<EcdsaPresignature>> ecdsaStash,
      Map<ThresholdSchnorr.Algorithm, IdkgTranscript> schnorrKeys,
      Map<ThresholdSchnorr.Algorithm, List<SchnorrPresignature>> schnorrStash) {}

  /** One node's openings of the keys and of every presignature. */
  public record Node(Map<EcCurve, List<ThresholdEcdsa.NodeShares>> ecdsa,
      Map<ThresholdSchnorr.Algorithm, CommitmentOpening> schnorrKeys,
      Map<ThresholdSchnorr.Algorithm, List<CommitmentOpening>> schnorrNonces) {
    @Override
    public String toString() {
      return "SigningKeys.Node[<secret openings>]";
    }
  }

  private final Public publicSide;
  private final List<Node> nodes;

  private SigningKeys(Public publicSide, List<Node> nodes) {
    this.publicSide = publicSide;
    this.nodes = nodes;
  }

  public Public publicSide() {
    return publicSide;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  /** Keys for ECDSA (secp256k1, P-256), BIP340 and Ed25519 with stashes of the given sizes. */
  public static SigningKeys generate(String subnet, int n, int ecdsaStash, int schnorrStash,
      SeededRandom rng) {
    int t = (n - 1) / 3 + 1;
    Map<EcCurve, List<IdkgReceiverKey>> receivers = new EnumMap<>(EcCurve.class);
    for (EcCurve c : EcCurve.values()) {
      List<IdkgReceiverKey> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        keys.add(IdkgReceiverKey.generate(c, rng.fork("mega/" + c + "/" + i)));
      }
      receivers.put(c, keys);
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    Ceremony ceremony = new Ceremony(subnet, all, receivers, t, rng);
    Map<EcCurve, IdkgTranscript> ecdsaKeys = new EnumMap<>(EcCurve.class);
    Map<EcCurve, List<EcdsaPresignature>> ecdsaPre = new EnumMap<>(EcCurve.class);
    List<Map<EcCurve, List<ThresholdEcdsa.NodeShares>>> nodeEcdsa = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodeEcdsa.add(new EnumMap<>(EcCurve.class));
    }
    for (EcCurve c : List.of(EcCurve.SECP256K1, EcCurve.P256)) {
      IdkgRound.Result key = ceremony.random("ecdsa/" + c + "/key", c, false);
      ecdsaKeys.put(c, key.built().transcript());
      List<EcdsaPresignature> stash = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodeEcdsa.get(i).put(c, new ArrayList<>());
      }
      for (int k = 0; k < ecdsaStash; k++) {
        String id = "ecdsa/" + c + "/presig-" + k;
        IdkgRound.Result kappaMasked = ceremony.random(id + "/kappa-masked", c, true);
        IdkgRound.Result kappa = ceremony.reshare(id + "/kappa", kappaMasked);
        IdkgRound.Result lambda = ceremony.random(id + "/lambda", c, true);
        IdkgRound.Result kappaLambda = ceremony.product(id + "/kappa-lambda", kappa, lambda);
        IdkgRound.Result keyLambda = ceremony.product(id + "/key-lambda", key, lambda);
        stash.add(new EcdsaPresignature(id, kappa.built().transcript(), lambda.built().transcript(),
            kappaLambda.built().transcript(), keyLambda.built().transcript(), key.built().transcript()));
        for (int i = 0; i < n; i++) {
          nodeEcdsa.get(i).get(c).add(new ThresholdEcdsa.NodeShares(
              (CommitmentOpening.Pedersen) lambda.openings().get(i),
              (CommitmentOpening.Pedersen) kappaLambda.openings().get(i),
              (CommitmentOpening.Pedersen) keyLambda.openings().get(i)));
        }
      }
      ecdsaPre.put(c, List.copyOf(stash));
    }
    Map<ThresholdSchnorr.Algorithm, IdkgTranscript> schnorrKeys = new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    Map<ThresholdSchnorr.Algorithm, List<SchnorrPresignature>> schnorrPre = new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    List<Map<ThresholdSchnorr.Algorithm, CommitmentOpening>> nodeKeys = new ArrayList<>();
    List<Map<ThresholdSchnorr.Algorithm, List<CommitmentOpening>>> nodeNonces = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodeKeys.add(new EnumMap<>(ThresholdSchnorr.Algorithm.class));
      nodeNonces.add(new EnumMap<>(ThresholdSchnorr.Algorithm.class));
    }
    for (ThresholdSchnorr.Algorithm alg : ThresholdSchnorr.Algorithm.values()) {
      EcCurve c = alg == ThresholdSchnorr.Algorithm.BIP340 ? EcCurve.SECP256K1 : EcCurve.ED25519;
      IdkgRound.Result key = ceremony.random("schnorr/" + alg + "/key", c, false);
      schnorrKeys.put(alg, key.built().transcript());
      List<SchnorrPresignature> stash = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodeKeys.get(i).put(alg, key.openings().get(i));
        nodeNonces.get(i).put(alg, new ArrayList<>());
      }
      for (int k = 0; k < schnorrStash; k++) {
        String id = "schnorr/" + alg + "/presig-" + k;
        IdkgRound.Result nonce = ceremony.random(id, c, false);
        stash.add(new SchnorrPresignature(id, nonce.built().transcript(), key.built().transcript()));
        for (int i = 0; i < n; i++) {
          nodeNonces.get(i).get(alg).add(nonce.openings().get(i));
        }
      }
      schnorrPre.put(alg, List.copyOf(stash));
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new Node(nodeEcdsa.get(i), nodeKeys.get(i), nodeNonces.get(i)));
    }
    return new SigningKeys(new Public(ecdsaKeys, ecdsaPre, schnorrKeys, schnorrPre), nodes);
  }

  /** Runs IDKG instances of the committee, each node with its own keys and randomness. */
  private record Ceremony(String subnet, List<Integer> all, Map<EcCurve, List<IdkgReceiverKey>> keys,
      int t, SeededRandom rng) {
    SortedMap<Integer, EcPoint> publicKeys(EcCurve c) {
      TreeMap<Integer, EcPoint> m = new TreeMap<>();
      for (int i : all) {
        m.put(i, keys.get(c).get(i).publicKey());
      }
      return m;
    }

    IdkgRound.Result random(String id, EcCurve c, boolean masked) {
      return IdkgRound.run(IdkgParams.random(subnet + "/" + id, c, all, publicKeys(c), t, masked),
          d -> List.of(), i -> keys.get(c).get(i), rng.fork(id), UnaryOperator.identity());
    }

    IdkgRound.Result reshare(String id, IdkgRound.Result source) {
      EcCurve c = source.built().transcript().curve();
      return IdkgRound.run(IdkgParams.reshare(subnet + "/" + id, source.built().transcript(), all,
          publicKeys(c), t), d -> List.of(source.openings().get(d)), i -> keys.get(c).get(i),
          rng.fork(id), UnaryOperator.identity());
    }

    IdkgRound.Result product(String id, IdkgRound.Result unmasked, IdkgRound.Result masked) {
      EcCurve c = unmasked.built().transcript().curve();
      return IdkgRound.run(IdkgParams.product(subnet + "/" + id, unmasked.built().transcript(),
          masked.built().transcript(), all, publicKeys(c), t),
          d -> List.of(unmasked.openings().get(d), masked.openings().get(d)),
          i -> keys.get(c).get(i), rng.fork(id), UnaryOperator.identity());
    }
  }
}
