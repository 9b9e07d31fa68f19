package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls.BatchVerifier;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Threshold BLS in the IC's min-sig form (signatures in G1, keys in G2; dfinity/ic
 * rs/crypto/internal/crypto_lib/threshold_sig/bls12_381): node i signs with its key share
 * s_i = p(i+1) as sigma_i = s_i * H(m); any t valid shares combine by Lagrange interpolation at 0
 * in G1 into sigma = p(0) * H(m), an ordinary BLS signature under the public key p(0) * G2.
 *
 * <p>Hashing uses {@link DomainSeparators#BLS_SIG_DST} unless an instance with another DST is
 * made (e.g. a domain of the project's own that must not collide with IC signatures).
 */
public final class ThresholdBls {

  private static final ThresholdBls IC = new ThresholdBls(DomainSeparators.BLS_SIG_DST);

  private final String dst;

  private ThresholdBls(String dst) {
    this.dst = dst;
  }

  /** The IC's scheme: DST {@code BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_}. */
  public static ThresholdBls ic() {
    return IC;
  }

  /** The same scheme with another hash-to-curve DST. */
  public static ThresholdBls withDst(String dst) {
    return new ThresholdBls(dst);
  }

  public String dst() {
    return dst;
  }

  /**
   * Trusted-dealer key generation (tests, benchmarks, bootstrapping a simulation; the DKG replaces
   * it): a random polynomial of {@code threshold} coefficients, its commitment and the n shares.
   */
  public static ThresholdKeySet generateKeys(int n, int threshold, SecureRandom rng) {
    Thresholds.check(threshold, n);
    Polynomial p = Polynomial.random(threshold, rng);
    return new ThresholdKeySet(PublicCoefficients.commit(p), p.sharesFor(n));
  }

  /** sigma_i = s_i * H(m). */
  public G1Point signShare(Scalar secretKeyShare, byte[] message) {
    return HashToCurve.hashToG1(message, dst).mul(secretKeyShare);
  }

  /** {@link #signShare} with H(m) given (hashed under {@link #dst()}, e.g. remembered). */
  public G1Point signShareHashed(Scalar secretKeyShare, G1Point messageHash) {
    return messageHash.mul(secretKeyShare);
  }

  /** e(sigma_i, G2) == e(H(m), pk_i); identity shares and keys are invalid. */
  public boolean verifyShare(G2Point publicKeyShare, byte[] message, G1Point signatureShare) {
    return BatchVerifier.verifyOne(publicKeyShare, message, signatureShare, dst);
  }

  /** Verifies node i's share against the public coefficients. */
  public boolean verifyShare(PublicCoefficients pc, int nodeIndex, byte[] message, G1Point share) {
    return verifyShare(pc.publicKeyShare(nodeIndex), message, share);
  }

  /** Verifies a combined signature (or any BLS signature) under the public key. */
  public boolean verify(G2Point publicKey, byte[] message, G1Point signature) {
    return BatchVerifier.verifyOne(publicKey, message, signature, dst);
  }

  /**
   * Combines shares without verifying them: interpolates the {@code threshold} shares with the
   * lowest node indices (deterministic choice). Use when the shares are known valid (verified on
   * receipt); otherwise {@link #combineVerified}.
   *
   * @throws InsufficientSharesException if fewer than threshold shares are given
   * @throws IllegalArgumentException for a threshold below 1 or a negative node index
   */
  public G1Point combine(int threshold, Map<Integer, G1Point> sharesByNode) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    NodeIndex.checkDistinct(sharesByNode.keySet());
    if (sharesByNode.size() < threshold) {
      throw new InsufficientSharesException(threshold, sharesByNode.size(), List.of());
    }
    TreeMap<Integer, G1Point> chosen = new TreeMap<>();
    for (Map.Entry<Integer, G1Point> e : new TreeMap<>(sharesByNode).entrySet()) {
      if (chosen.size() == threshold) {
        break;
      }
      chosen.put(e.getKey(), e.getValue());
    }
    return Lagrange.interpolateG1AtZero(chosen);
  }

  /**
   * Node indices (ascending) of the shares that do not verify against their public key shares:
   * one randomized batch check when all are valid (two Miller loops in total), bisection when it
   * fails. For validating shares on receipt, many at a time.
   *
   * @param rng randomness for the batch randomizers
   */
  public List<Integer> invalidShares(
      PublicCoefficients pc, byte[] message, Map<Integer, G1Point> sharesByNode, SecureRandom rng) {
    NodeIndex.checkDistinct(sharesByNode.keySet());
    TreeMap<Integer, G1Point> sorted = new TreeMap<>(sharesByNode);
    List<Integer> indices = List.copyOf(sorted.keySet());
    List<BatchVerifier.Item> items = new ArrayList<>(indices.size());
    for (int i : indices) {
      items.add(new BatchVerifier.Item(pc.publicKeyShare(i), message, sorted.get(i)));
    }
    List<Integer> invalid = new ArrayList<>();
    for (int pos : BatchVerifier.invalidIndices(items, dst, rng)) {
      invalid.add(indices.get(pos));
    }
    return List.copyOf(invalid);
  }

  /**
   * Verifies every share against its public key share (one randomized batch; bisection when it
   * fails), drops the invalid ones, and combines the threshold valid shares with the lowest node
   * indices. The invalid senders are reported even when the combination succeeds.
   *
   * @param rng randomness for the batch randomizers
   * @throws InsufficientSharesException if fewer than threshold shares are valid (it carries the
   *     invalid indices)
   */
  public CombinedSignature combineVerified(
      PublicCoefficients pc, byte[] message, Map<Integer, G1Point> sharesByNode, SecureRandom rng) {
    TreeMap<Integer, G1Point> sorted = new TreeMap<>(sharesByNode);
    List<Integer> indices = List.copyOf(sorted.keySet());
    List<Integer> invalid = invalidShares(pc, message, sorted, rng);
    TreeMap<Integer, G1Point> chosen = new TreeMap<>();
    for (int i : indices) {
      if (chosen.size() < pc.threshold() && !invalid.contains(i)) {
        chosen.put(i, sorted.get(i));
      }
    }
    if (chosen.size() < pc.threshold()) {
      throw new InsufficientSharesException(pc.threshold(), indices.size() - invalid.size(), invalid);
    }
    return new CombinedSignature(
        Lagrange.interpolateG1AtZero(chosen), List.copyOf(chosen.keySet()), invalid);
  }

  /**
   * The cheap common case of {@link #combineVerified}: combines the threshold shares with the
   * lowest node indices without verifying them and checks only the result (one pairing check
   * instead of a batch over all shares). If the result verifies it is the unique BLS signature
   * under the public key, so nothing is lost for the signature; the other shares are then neither
   * verified nor reported. If it does not verify, falls back to {@link #combineVerified}, which
   * verifies every share and attributes the invalid ones.
   *
   * @throws InsufficientSharesException as combineVerified
   */
  public CombinedSignature combineOptimistically(
      PublicCoefficients pc, byte[] message, Map<Integer, G1Point> sharesByNode, SecureRandom rng) {
    NodeIndex.checkDistinct(sharesByNode.keySet());
    if (sharesByNode.size() >= pc.threshold()) {
      G1Point candidate = combine(pc.threshold(), sharesByNode);
      if (verify(pc.publicKey(), message, candidate)) {
        List<Integer> used = new TreeMap<>(sharesByNode).keySet().stream().limit(pc.threshold()).toList();
        return new CombinedSignature(candidate, used, List.of());
      }
    }
    return combineVerified(pc, message, sharesByNode, rng);
  }
}
