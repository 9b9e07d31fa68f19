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
import dev.subnetsim.replica.chainkey.presig.NodePresignatureShares;
import dev.subnetsim.replica.chainkey.presig.Presignatures;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
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
 * dealer). Public side: the key transcripts, the prefilled presignatures and the background refill
 * ({@link Presignatures}), known to every replica. Secret side: per node, its openings and its
 * IDKG receiver keys. The setup ceremony's stash (a warm start, optional) is exchanged in one
 * place at setup like the genesis keys; the refill runs through consensus during the run.
 */
public final class SigningKeys {
  public static final String KEY_NAME = "key_1";

  /** Public: key transcripts and presignature stashes. */
  public record Public(Map<EcCurve, IdkgTranscript> ecdsaKeys,
      Map<EcCurve, List<EcdsaPresignature>> ecdsaStash,
      Map<ThresholdSchnorr.Algorithm, IdkgTranscript> schnorrKeys,
      Map<ThresholdSchnorr.Algorithm, List<SchnorrPresignature>> schnorrStash,
      Presignatures presignatures) {}

  /** One node's openings of the keys and of every presignature. */
  public record Node(Map<EcCurve, CommitmentOpening> ecdsaKeys,
      Map<EcCurve, List<ThresholdEcdsa.NodeShares>> ecdsa,
      Map<ThresholdSchnorr.Algorithm, CommitmentOpening> schnorrKeys,
      Map<ThresholdSchnorr.Algorithm, List<CommitmentOpening>> schnorrNonces,
      NodePresignatureShares presignatureShares) {
    @Override
    public String toString() {
      return "SigningKeys.Node[<secret openings>]";
    }
  }

  /** A key transcript and every receiver's opening of it (each known only to its receiver). */
  public record Key(IdkgTranscript transcript, SortedMap<Integer, CommitmentOpening> openings) {
    static Key of(IdkgRound.Result r) {
      return new Key(r.built().transcript(), r.openings());
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

  /** Per curve, a fresh MEGa-style receiver key for each of {@code n} nodes. */
  public static Map<EcCurve, List<IdkgReceiverKey>> receiverKeys(int n, SeededRandom rng) {
    Map<EcCurve, List<IdkgReceiverKey>> receivers = new EnumMap<>(EcCurve.class);
    for (EcCurve c : EcCurve.values()) {
      List<IdkgReceiverKey> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        keys.add(IdkgReceiverKey.generate(c, rng.fork("mega/" + c + "/" + i)));
      }
      receivers.put(c, keys);
    }
    return receivers;
  }

  /** Keys for ECDSA (secp256k1, P-256), BIP340 and Ed25519 with stashes of the given sizes. */
  public static SigningKeys generate(String subnet, int n, int ecdsaStash, int schnorrStash,
      SeededRandom rng) {
    return generate(subnet, n, ecdsaStash, schnorrStash, RefillPolicy.DEFAULT, rng);
  }

  /** As above, with the stashes kept by {@code refill}. */
  public static SigningKeys generate(String subnet, int n, int ecdsaStash, int schnorrStash,
      RefillPolicy refill, SeededRandom rng) {
    int t = (n - 1) / 3 + 1;
    Ceremony ceremony = new Ceremony(subnet, all(n), receiverKeys(n, rng), t, rng);
    Map<EcCurve, Key> ecdsa = new EnumMap<>(EcCurve.class);
    for (EcCurve c : List.of(EcCurve.SECP256K1, EcCurve.P256)) {
      ecdsa.put(c, Key.of(ceremony.random("ecdsa/" + c + "/key", c, false)));
    }
    Map<ThresholdSchnorr.Algorithm, Key> schnorr = new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    for (ThresholdSchnorr.Algorithm alg : ThresholdSchnorr.Algorithm.values()) {
      schnorr.put(alg, Key.of(ceremony.random("schnorr/" + alg + "/key", curveOf(alg), false)));
    }
    return withStashes(ceremony, n, ecdsa, schnorr, ecdsaStash, schnorrStash, refill);
  }

  /**
   * The public side of signing keys a committee received by resharing ({@code ecdsa},
   * {@code schnorr}: the transcripts of the keys it holds, possibly only some), with empty
   * presignature stashes that the refill fills through consensus: a prefilled stash would need a
   * ceremony holding every node's key share in one place.
   */
  public static Public resharedPublic(String subnet, int n, Map<EcCurve, IdkgTranscript> ecdsa,
      Map<ThresholdSchnorr.Algorithm, IdkgTranscript> schnorr, int ecdsaTarget, int schnorrTarget,
      Map<EcCurve, SortedMap<Integer, EcPoint>> receiverKeys, RefillPolicy refill) {
    Map<String, IdkgTranscript> keyIds = new TreeMap<>();
    Map<String, Integer> prefilled = new TreeMap<>();
    Map<String, Integer> targets = new TreeMap<>();
    Map<EcCurve, List<EcdsaPresignature>> ecdsaPre = new EnumMap<>(EcCurve.class);
    Map<ThresholdSchnorr.Algorithm, List<SchnorrPresignature>> schnorrPre =
        new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    ecdsa.forEach((c, t) -> {
      keyIds.put("ecdsa/" + c, t);
      prefilled.put("ecdsa/" + c, 0);
      targets.put("ecdsa/" + c, ecdsaTarget);
      ecdsaPre.put(c, List.of());
    });
    schnorr.forEach((a, t) -> {
      keyIds.put("schnorr/" + a, t);
      prefilled.put("schnorr/" + a, 0);
      targets.put("schnorr/" + a, schnorrTarget);
      schnorrPre.put(a, List.of());
    });
    Presignatures presignatures = new Presignatures(subnet, n, receiverKeys, keyIds, prefilled,
        targets, refill.inFlight());
    return new Public(copy(EcCurve.class, ecdsa), ecdsaPre,
        copy(ThresholdSchnorr.Algorithm.class, schnorr), schnorrPre, presignatures);
  }

  /**
   * A node's secret side of reshared signing keys: its own openings of the keys it holds, no
   * prefilled presignature shares, and its own IDKG receiver keys for the refill.
   */
  public static Node resharedNode(int index, Map<EcCurve, CommitmentOpening> ecdsaKeys,
      Map<ThresholdSchnorr.Algorithm, CommitmentOpening> schnorrKeys,
      Map<EcCurve, IdkgReceiverKey> own) {
    Map<EcCurve, List<ThresholdEcdsa.NodeShares>> ecdsa = new EnumMap<>(EcCurve.class);
    ecdsaKeys.keySet().forEach(c -> ecdsa.put(c, List.of()));
    Map<ThresholdSchnorr.Algorithm, List<CommitmentOpening>> nonces =
        new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    schnorrKeys.keySet().forEach(a -> nonces.put(a, List.of()));
    return new Node(copy(EcCurve.class, ecdsaKeys), ecdsa,
        copy(ThresholdSchnorr.Algorithm.class, schnorrKeys), nonces,
        new NodePresignatureShares(index, own));
  }

  private static <K extends Enum<K>, V> Map<K, V> copy(Class<K> type, Map<K, V> m) {
    Map<K, V> out = new EnumMap<>(type);
    out.putAll(m);
    return out;
  }

  private static EcCurve curveOf(ThresholdSchnorr.Algorithm alg) {
    return alg == ThresholdSchnorr.Algorithm.BIP340 ? EcCurve.SECP256K1 : EcCurve.ED25519;
  }

  private static List<Integer> all(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  private static SigningKeys withStashes(Ceremony ceremony, int n, Map<EcCurve, Key> ecdsa,
      Map<ThresholdSchnorr.Algorithm, Key> schnorr, int ecdsaTarget, int schnorrTarget,
      RefillPolicy refill) {
    int ecdsaStash = refill.prefill() ? ecdsaTarget : 0;
    int schnorrStash = refill.prefill() ? schnorrTarget : 0;
    Map<String, IdkgTranscript> keyIds = new TreeMap<>();
    Map<String, Integer> prefilled = new TreeMap<>();
    Map<String, Integer> targets = new TreeMap<>();
    ecdsa.forEach((c, k) -> {
      keyIds.put("ecdsa/" + c, k.transcript());
      prefilled.put("ecdsa/" + c, ecdsaStash);
      targets.put("ecdsa/" + c, ecdsaTarget);
    });
    schnorr.forEach((a, k) -> {
      keyIds.put("schnorr/" + a, k.transcript());
      prefilled.put("schnorr/" + a, schnorrStash);
      targets.put("schnorr/" + a, schnorrTarget);
    });
    Map<EcCurve, SortedMap<Integer, EcPoint>> receiverKeys = new EnumMap<>(EcCurve.class);
    for (EcCurve c : EcCurve.values()) {
      receiverKeys.put(c, ceremony.publicKeys(c));
    }
    Presignatures presignatures = new Presignatures(ceremony.subnet(), n, receiverKeys, keyIds,
        prefilled, targets, refill.inFlight());
    Map<EcCurve, IdkgTranscript> ecdsaKeys = new EnumMap<>(EcCurve.class);
    Map<EcCurve, List<EcdsaPresignature>> ecdsaPre = new EnumMap<>(EcCurve.class);
    List<Map<EcCurve, List<ThresholdEcdsa.NodeShares>>> nodeEcdsa = new ArrayList<>();
    List<Map<EcCurve, CommitmentOpening>> nodeEcdsaKeys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodeEcdsa.add(new EnumMap<>(EcCurve.class));
      nodeEcdsaKeys.add(new EnumMap<>(EcCurve.class));
    }
    for (var e : ecdsa.entrySet()) {
      EcCurve c = e.getKey();
      Key key = e.getValue();
      ecdsaKeys.put(c, key.transcript());
      List<EcdsaPresignature> stash = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        nodeEcdsa.get(i).put(c, new ArrayList<>());
        if (key.openings().containsKey(i)) {
          nodeEcdsaKeys.get(i).put(c, key.openings().get(i));
        }
      }
      for (int k = 0; k < ecdsaStash; k++) {
        String id = "ecdsa/" + c + "/presig-" + k;
        Key kappaMasked = Key.of(ceremony.random(id + "/kappa-masked", c, true));
        Key kappa = Key.of(ceremony.reshare(id + "/kappa", kappaMasked));
        Key lambda = Key.of(ceremony.random(id + "/lambda", c, true));
        Key kappaLambda = Key.of(ceremony.product(id + "/kappa-lambda", kappa, lambda));
        Key keyLambda = Key.of(ceremony.product(id + "/key-lambda", key, lambda));
        stash.add(new EcdsaPresignature(id, kappa.transcript(), lambda.transcript(),
            kappaLambda.transcript(), keyLambda.transcript(), key.transcript()));
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
    for (var e : schnorr.entrySet()) {
      ThresholdSchnorr.Algorithm alg = e.getKey();
      EcCurve c = curveOf(alg);
      Key key = e.getValue();
      schnorrKeys.put(alg, key.transcript());
      List<SchnorrPresignature> stash = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (key.openings().containsKey(i)) {
          nodeKeys.get(i).put(alg, key.openings().get(i));
        }
        nodeNonces.get(i).put(alg, new ArrayList<>());
      }
      for (int k = 0; k < schnorrStash; k++) {
        String id = "schnorr/" + alg + "/presig-" + k;
        IdkgRound.Result nonce = ceremony.random(id, c, false);
        stash.add(new SchnorrPresignature(id, nonce.built().transcript(), key.transcript()));
        for (int i = 0; i < n; i++) {
          nodeNonces.get(i).get(alg).add(nonce.openings().get(i));
        }
      }
      schnorrPre.put(alg, List.copyOf(stash));
    }
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<EcCurve, IdkgReceiverKey> own = new EnumMap<>(EcCurve.class);
      for (EcCurve c : EcCurve.values()) {
        own.put(c, ceremony.keys().get(c).get(i));
      }
      nodes.add(new Node(nodeEcdsaKeys.get(i), nodeEcdsa.get(i), nodeKeys.get(i),
          nodeNonces.get(i), new NodePresignatureShares(i, own)));
    }
    return new SigningKeys(new Public(ecdsaKeys, ecdsaPre, schnorrKeys, schnorrPre,
        presignatures), nodes);
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

    IdkgRound.Result reshare(String id, Key source) {
      EcCurve c = source.transcript().curve();
      return IdkgRound.run(IdkgParams.reshare(subnet + "/" + id, source.transcript(),
          dealersOf(source), publicKeys(c), t), d -> List.of(source.openings().get(d)),
          i -> keys.get(c).get(i), rng.fork(id), UnaryOperator.identity());
    }

    IdkgRound.Result product(String id, Key unmasked, Key masked) {
      EcCurve c = unmasked.transcript().curve();
      List<Integer> dealers = dealersOf(unmasked).stream()
          .filter(masked.openings()::containsKey).toList();
      return IdkgRound.run(IdkgParams.product(subnet + "/" + id, unmasked.transcript(),
          masked.transcript(), dealers, publicKeys(c), t),
          d -> List.of(unmasked.openings().get(d), masked.openings().get(d)),
          i -> keys.get(c).get(i), rng.fork(id), UnaryOperator.identity());
    }

    /** Dealers of an instance on {@code source}: the members holding an opening of it. */
    private List<Integer> dealersOf(Key source) {
      return all.stream().filter(source.openings()::containsKey).toList();
    }
  }
}
