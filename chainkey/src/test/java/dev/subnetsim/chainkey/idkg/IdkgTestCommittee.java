package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A seeded committee of IDKG receivers (test data builder): keys, and helpers to run instances. */
public final class IdkgTestCommittee {
  public final EcCurve curve;
  public final int n;
  public final int threshold;
  public final List<IdkgReceiverKey> keys = new ArrayList<>();
  public final SeededRandom rng;

  public IdkgTestCommittee(EcCurve curve, int n, long seed) {
    this.curve = curve;
    this.n = n;
    this.threshold = (n - 1) / 3 + 1;
    this.rng = SeededRandom.fromSeed(seed);
    for (int i = 0; i < n; i++) {
      keys.add(IdkgReceiverKey.generate(curve, rng.fork("key-" + i)));
    }
  }

  public SortedMap<Integer, EcPoint> publicKeys() {
    TreeMap<Integer, EcPoint> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      m.put(i, keys.get(i).publicKey());
    }
    return m;
  }

  public List<Integer> all() {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }

  public IdkgRound.Result random(String id, boolean masked) {
    return IdkgRound.run(IdkgParams.random(id, curve, all(), publicKeys(), threshold, masked),
        d -> List.of(), keys::get, rng.fork(id), UnaryOperator.identity());
  }

  public IdkgRound.Result reshare(String id, IdkgRound.Result source) {
    return IdkgRound.run(IdkgParams.reshare(id, source.built().transcript(), all(), publicKeys(),
        threshold), d -> List.of(source.openings().get(d)), keys::get, rng.fork(id),
        UnaryOperator.identity());
  }

  public IdkgRound.Result product(String id, IdkgRound.Result unmasked, IdkgRound.Result masked) {
    return IdkgRound.run(IdkgParams.product(id, unmasked.built().transcript(),
        masked.built().transcript(), all(), publicKeys(), threshold),
        d -> List.of(unmasked.openings().get(d), masked.openings().get(d)), keys::get,
        rng.fork(id), UnaryOperator.identity());
  }
}
