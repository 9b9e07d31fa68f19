package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.schnorr.SchnorrPresignature;
import java.util.TreeMap;

/**
 * Test data builder: a committee with a key made by IDKG and presignatures made by IDKG (no
 * trusted dealer anywhere), with each node's openings.
 */
public final class IdkgPresignatures {
  public final IdkgTestCommittee committee;
  public final IdkgRound.Result key;

  public IdkgPresignatures(EcCurve curve, int n, long seed) {
    committee = new IdkgTestCommittee(curve, n, seed);
    key = committee.random("key", false);
  }

  public int n() {
    return committee.n;
  }

  public IdkgTranscript keyTranscript() {
    return key.built().transcript();
  }

  /** An ECDSA presignature and every node's shares of it. */
  public record Ecdsa(EcdsaPresignature presignature, TreeMap<Integer, ThresholdEcdsa.NodeShares> shares) {}

  public Ecdsa ecdsa(String id) {
    IdkgRound.Result kappaMasked = committee.random(id + "/kappa-masked", true);
    IdkgRound.Result kappa = committee.reshare(id + "/kappa", kappaMasked);
    IdkgRound.Result lambda = committee.random(id + "/lambda", true);
    IdkgRound.Result kappaLambda = committee.product(id + "/kappa-lambda", kappa, lambda);
    IdkgRound.Result keyLambda = committee.product(id + "/key-lambda", key, lambda);
    TreeMap<Integer, ThresholdEcdsa.NodeShares> shares = new TreeMap<>();
    for (int i = 0; i < committee.n; i++) {
      shares.put(i, new ThresholdEcdsa.NodeShares(
          (CommitmentOpening.Pedersen) lambda.openings().get(i),
          (CommitmentOpening.Pedersen) kappaLambda.openings().get(i),
          (CommitmentOpening.Pedersen) keyLambda.openings().get(i)));
    }
    return new Ecdsa(new EcdsaPresignature(id, kappa.built().transcript(),
        lambda.built().transcript(), kappaLambda.built().transcript(),
        keyLambda.built().transcript(), keyTranscript()), shares);
  }

  /** A Schnorr presignature and every node's (nonce, key) openings. */
  public record Schnorr(SchnorrPresignature presignature, TreeMap<Integer, CommitmentOpening> nonces,
      TreeMap<Integer, CommitmentOpening> keys) {}

  public Schnorr schnorr(String id) {
    IdkgRound.Result nonce = committee.random(id + "/nonce", false);
    return new Schnorr(new SchnorrPresignature(id, nonce.built().transcript(), keyTranscript()),
        new TreeMap<>(nonce.openings()), new TreeMap<>(key.openings()));
  }
}
