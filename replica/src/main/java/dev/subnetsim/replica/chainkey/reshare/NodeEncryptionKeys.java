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
 * encryption keys and NI-DKG keys): per node, a MEGa-style key per curve for IDKG dealings and a
 * BLS12-381 receiver key for the vetKD key's DKG dealings. Dealers of another subnet see only the
 * public halves; node i's secret halves are used only for node i.
 */
public final class NodeEncryptionKeys {
  private final List<Map<EcCurve, IdkgReceiverKey>> idkg = new ArrayList<>();
  private final List<ReceiverKeyPair> dkg = new ArrayList<>();

  public NodeEncryptionKeys(int n, SeededRandom rng) {
    for (int i = 0; i < n; i++) {
      Map<EcCurve, IdkgReceiverKey> mine = new EnumMap<>(EcCurve.class);
      for (EcCurve c : EcCurve.values()) {
        mine.put(c, IdkgReceiverKey.generate(c, rng.fork("idkg/" + c + "/" + i)));
      }
      idkg.add(mine);
      dkg.add(ReceiverKeyPair.random(rng.fork("dkg/" + i)));
    }
  }

  public int size() {
    return dkg.size();
  }

  /** Public IDKG encryption keys of every node, by committee index. */
  public SortedMap<Integer, EcPoint> idkgPublicKeys(EcCurve curve) {
    TreeMap<Integer, EcPoint> m = new TreeMap<>();
    for (int i = 0; i < idkg.size(); i++) {
      m.put(i, idkg.get(i).get(curve).publicKey());
    }
    return m;
  }

  public List<G1Point> dkgPublicKeys() {
    return dkg.stream().map(ReceiverKeyPair::publicKey).toList();
  }

  /** Node {@code index}'s own secret IDKG key on {@code curve}. */
  public IdkgReceiverKey idkgKey(int index, EcCurve curve) {
    return idkg.get(index).get(curve);
  }

  /** All nodes' IDKG keys per curve (for the presignature ceremony, run in one place). */
  public Map<EcCurve, List<IdkgReceiverKey>> idkgKeysByCurve() {
    Map<EcCurve, List<IdkgReceiverKey>> m = new EnumMap<>(EcCurve.class);
    for (EcCurve c : EcCurve.values()) {
      m.put(c, idkg.stream().map(k -> k.get(c)).toList());
    }
    return m;
  }

  public ReceiverKeyPair dkgKey(int index) {
    return dkg.get(index);
  }
}
