package dev.subnetsim.scenarios.bench;

import dev.subnetsim.chainkey.bls.BatchVerifier;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.crypto.CryptoOpCounter.Op;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.crypto.VerificationCache;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Unit cost of each consensus crypto operation for a committee of n, measured in this JVM right
 * before the runs it prices (so the floor and the runs see the same machine and load): each op is
 * warmed up, then timed over a fixed number of repetitions with the verification cache disabled.
 */
final class CryptoUnitCosts {
  private CryptoUnitCosts() {}

  static Map<Op, Double> measureNanos(int n) {
    GenesisKeys keys = GenesisKeys.generate("costs", n, SeededRandom.fromSeed(3));
    ConsensusCrypto c = new ConsensusCrypto(keys.publicKeys(), VerificationCache.disabled());
    int f = (n - 1) / 3;
    byte[] msg = SignedMessages.notarizationMessage(1, new byte[32]);
    List<NodeSecrets> s = keys.secrets();
    TreeMap<Integer, byte[]> beaconShares = new TreeMap<>();
    for (int i = 0; i <= f; i++) {
      beaconShares.put(i, c.signBeaconShare(s.get(i), msg));
    }
    List<byte[]> individual = new ArrayList<>();
    List<Integer> signers = new ArrayList<>();
    for (int i = 0; i < n - f; i++) {
      individual.add(c.signIndividually(s.get(i), msg));
      signers.add(i);
    }
    byte[] beacon = c.combineBeacon(beaconShares);
    byte[] multi = c.aggregate(individual);
    Map<Op, Double> costs = new EnumMap<>(Op.class);
    costs.put(Op.SIGN_THRESHOLD_SHARE, time(() -> c.signBeaconShare(s.get(0), msg)));
    costs.put(Op.SIGN_INDIVIDUAL, time(() -> c.signIndividually(s.get(0), msg)));
    costs.put(Op.VERIFY_THRESHOLD_SHARE, time(() -> c.verifyBeaconShare(0, msg, beaconShares.get(0))));
    costs.put(Op.VERIFY_INDIVIDUAL, time(() -> c.verifyIndividual(0, msg, individual.get(0))));
    costs.put(Op.COMBINE_THRESHOLD, time(() -> c.combineBeacon(beaconShares)));
    costs.put(Op.AGGREGATE_MULTISIG, time(() -> c.aggregate(individual)));
    costs.put(Op.VERIFY_THRESHOLD, time(() -> c.verifyBeacon(msg, beacon)));
    costs.put(Op.VERIFY_MULTISIG, time(() -> c.verifyMultiSignature(signers, msg, multi)));
    costs.put(Op.CACHE_HIT, 0.0);
    // A share decided in a batch: decoding it plus its part of one batch check of n-f shares on
    // one message (what ConsensusCrypto#verifyTogether does for a height's shares).
    List<BatchVerifier.Item> items = new ArrayList<>();
    SeededRandom rng = SeededRandom.fromSeed(4);
    String dst = JblstBlsSignatures.icMultiSignature().messageDst();
    costs.put(Op.VERIFY_SHARE_BATCHED, time(() -> {
      items.clear();
      for (int i = 0; i < individual.size(); i++) {
        items.add(new BatchVerifier.Item(keys.publicKeys().multiSigKeys().get(i).point(), msg,
            G1Point.fromBytesNonIdentity(individual.get(i))));
      }
      BatchVerifier.invalidIndices(items, dst, rng);
    }) / individual.size());
    return costs;
  }

  private static double time(Runnable op) {
    for (int i = 0; i < 30; i++) {
      op.run();
    }
    int reps = 100;
    long start = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      op.run();
    }
    return (System.nanoTime() - start) / (double) reps;
  }
}
