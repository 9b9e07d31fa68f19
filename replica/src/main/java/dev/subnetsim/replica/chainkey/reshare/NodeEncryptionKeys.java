package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.idkg.IdkgReceiverKey;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The encryption keys a subnet's nodes registered (the IC registry's per-node IDKG dealing
 * encryption keys and NI-DKG keys), public halves only: per node, a MEGa-style key per curve for
 * IDKG dealings and a BLS12-381 receiver key for the vetKD key's DKG dealings. Each node's secret
 * halves are a {@link NodeEncryptionKey} that only that node's replica holds.
 */
public final class NodeEncryptionKeys {
  private final List<Map<EcCurve, EcPoint>> idkg;
  private final List<G1Point> dkg;

  /** The registry of {@code own}'s public halves (node i's key at index i). */
  public NodeEncryptionKeys(List<NodeEncryptionKey> own) {
    List<Map<EcCurve, EcPoint>> idkgKeys = new ArrayList<>();
    List<G1Point> dkgKeys = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      NodeEncryptionKey k = own.get(i);
      if (k.index() != i) {
        throw new IllegalArgumentException("key of node " + k.index() + " at index " + i);
      }
      Map<EcCurve, EcPoint> mine = new EnumMap<>(EcCurve.class);
      k.idkg().forEach((c, key) -> mine.put(c, key.publicKey()));
      idkgKeys.add(mine);
      dkgKeys.add(k.dkg().publicKey());
    }
    this.idkg = List.copyOf(idkgKeys);
    this.dkg = List.copyOf(dkgKeys);
  }

  /**
   * Each of {@code n} nodes generates its keys (as a node does when it is provisioned); the
   * caller hands node i's secret halves to node i's replica only.
   */
  public static List<NodeEncryptionKey> generate(int n, SeededRandom rng) {
    List<NodeEncryptionKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<EcCurve, IdkgReceiverKey> mine = new EnumMap<>(EcCurve.class);
      for (EcCurve c : EcCurve.values()) {
        mine.put(c, IdkgReceiverKey.generate(c, rng.fork("idkg/" + c + "/" + i)));
      }
      keys.add(new NodeEncryptionKey(i, mine, ReceiverKeyPair.random(rng.fork("dkg/" + i))));
    }
    return keys;
  }

  public int size() {
    return dkg.size();
  }

  /** Public IDKG encryption keys of every node, by committee index. */
  public SortedMap<Integer, EcPoint> idkgPublicKeys(EcCurve curve) {
    TreeMap<Integer, EcPoint> m = new TreeMap<>();
    for (int i = 0; i < idkg.size(); i++) {
      m.put(i, idkg.get(i).get(curve));
    }
    return m;
  }

  /** Public IDKG encryption keys per curve (what presignature dealers encrypt to). */
  public Map<EcCurve, SortedMap<Integer, EcPoint>> idkgPublicKeysByCurve() {
    Map<EcCurve, SortedMap<Integer, EcPoint>> m = new EnumMap<>(EcCurve.class);
    for (EcCurve c : EcCurve.values()) {
      m.put(c, idkgPublicKeys(c));
    }
    return m;
  }

  public List<G1Point> dkgPublicKeys() {
    return dkg;
  }
}
