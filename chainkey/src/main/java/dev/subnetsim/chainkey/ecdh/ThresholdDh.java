package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Threshold Diffie–Hellman on a shared key x (public Y = x*G, shares x_i with public Y_i): for a
 * base point Q every node returns x_i*Q with a proof, shares are verified one by one (a failed
 * check names its sender) and any threshold of valid shares interpolate to x*Q. Used by threshold
 * ECDH (Q = the peer's public key) and by document-key retrieval (Q = the common point rG);
 * each use has its own domain separators, so a proof made for one is worthless for the other.
 *
 * <p>Two modes: plaintext shares with a Chaum–Pedersen proof ({@link DhShare}); shares encrypted
 * to a client transport key with a linear-relation proof ({@link EncryptedDhShare}), so that
 * neither the replicas nor an observer of all shares learns x*Q.
 */
public final class ThresholdDh {
  private final String plainDst;
  private final String encryptedDst;

  public ThresholdDh(String plainProofDst, String encryptedProofDst) {
    if (plainProofDst.equals(encryptedProofDst)) {
      throw new IllegalArgumentException("the two modes need distinct domain separators");
    }
    this.plainDst = plainProofDst;
    this.encryptedDst = encryptedProofDst;
  }

  // ---- plaintext shares ----

  /** Node share.index()'s S_i = x_i*Q with its DLEQ proof. */
  public DhShare createShare(EcThresholdPublicKey key, EcSecretShare share, EcPoint base, SecureRandom rng) {
    checkBase(key, base);
    byte[] ctx = DhTranscript.context(key.publicKey(), share.index(), base, null);
    EcDleqProof proof = EcDleqProof.prove(plainDst, ctx, key.curve().generator(), base, share.scalar(), rng);
    return new DhShare(share.index(), base.mul(share.scalar()), proof);
  }

  /** Whether {@code s} is node s.index()'s correct share x_i*Q (its proof verifies against Y_i). */
  public boolean verifyShare(EcThresholdPublicKey key, EcPoint base, DhShare s) {
    EcPoint yi = key.publicKeyShares().get(s.index());
    if (yi == null || s.share().curve() != key.curve() || s.share().isIdentity()) {
      return false;
    }
    byte[] ctx = DhTranscript.context(key.publicKey(), s.index(), base, null);
    return s.proof().verify(plainDst, ctx, key.curve().generator(), yi, base, s.share());
  }

  /**
   * Verifies every share, drops invalid ones (attributed in the result) and interpolates the
   * first {@code threshold} valid shares by node index.
   *
   * @throws NotEnoughValidSharesException if fewer than threshold shares verify
   */
  public CombinedDh combine(EcThresholdPublicKey key, EcPoint base, Collection<DhShare> shares) {
    checkBase(key, base);
    TreeMap<Integer, EcPoint> valid = new TreeMap<>();
    TreeSet<Integer> rejected = new TreeSet<>();
    for (DhShare s : sorted(shares)) {
      if (valid.containsKey(s.index())) {
        continue;
      }
      if (verifyShare(key, base, s)) {
        valid.put(s.index(), s.share());
      } else {
        rejected.add(s.index());
      }
    }
    rejected.removeAll(valid.keySet());
    TreeMap<Integer, EcPoint> used = firstThreshold(key, valid, rejected);
    EcPoint point = EcLagrange.interpolatePoints(key.curve(), used);
    return new CombinedDh(point, unmodifiable(used.keySet()), unmodifiable(rejected));
  }

  // ---- shares encrypted to a transport key ----

  /** Node share.index()'s share encrypted to {@code transportKey}, with its proof. */
  public EncryptedDhShare createEncryptedShare(
      EcThresholdPublicKey key, EcSecretShare share, EcPoint base, EcPoint transportKey, SecureRandom rng) {
    checkBase(key, base);
    checkBase(key, transportKey);
    EcScalar r = EcScalar.randomNonZero(key.curve(), rng);
    EcPoint ephemeral = EcPoint.mulGenerator(r);
    EcPoint ciphertext = EcPoint.multiScalarMul(List.of(base, transportKey), List.of(share.scalar(), r));
    byte[] ctx = DhTranscript.context(key.publicKey(), share.index(), base, transportKey);
    EncryptedShareProof proof = EncryptedShareProof.prove(
        encryptedDst, ctx, base, transportKey, share.scalar(), r, share.publicShare(), ephemeral, ciphertext, rng);
    return new EncryptedDhShare(share.index(), ephemeral, ciphertext, proof);
  }

  /** Whether {@code s} encrypts node s.index()'s correct share to {@code transportKey}. */
  public boolean verifyEncryptedShare(EcThresholdPublicKey key, EcPoint base, EcPoint transportKey, EncryptedDhShare s) {
    EcPoint yi = key.publicKeyShares().get(s.index());
    if (yi == null || s.ephemeral().curve() != key.curve() || s.ciphertext().curve() != key.curve()) {
      return false;
    }
    byte[] ctx = DhTranscript.context(key.publicKey(), s.index(), base, transportKey);
    return s.proof().verify(encryptedDst, ctx, base, transportKey, yi, s.ephemeral(), s.ciphertext());
  }

  /**
   * Verifies every encrypted share and combines the first threshold valid ones "under
   * encryption": R = sum lambda_i R_i, C = sum lambda_i C_i, so C - t*R = x*Q.
   *
   * @throws NotEnoughValidSharesException if fewer than threshold shares verify
   */
  public EncryptedCombinedDh combineEncrypted(
      EcThresholdPublicKey key, EcPoint base, EcPoint transportKey, Collection<EncryptedDhShare> shares) {
    checkBase(key, base);
    TreeMap<Integer, EncryptedDhShare> valid = new TreeMap<>();
    TreeSet<Integer> rejected = new TreeSet<>();
    List<EncryptedDhShare> list = new ArrayList<>(shares);
    list.sort((a, b) -> Integer.compare(a.index(), b.index()));
    for (EncryptedDhShare s : list) {
      if (valid.containsKey(s.index())) {
        continue;
      }
      if (verifyEncryptedShare(key, base, transportKey, s)) {
        valid.put(s.index(), s);
      } else {
        rejected.add(s.index());
      }
    }
    rejected.removeAll(valid.keySet());
    if (valid.size() < key.threshold()) {
      throw new NotEnoughValidSharesException(valid.size(), key.threshold(), unmodifiable(rejected));
    }
    TreeMap<Integer, EcPoint> rs = new TreeMap<>();
    TreeMap<Integer, EcPoint> cs = new TreeMap<>();
    for (EncryptedDhShare s : valid.values()) {
      if (rs.size() == key.threshold()) {
        break;
      }
      rs.put(s.index(), s.ephemeral());
      cs.put(s.index(), s.ciphertext());
    }
    return new EncryptedCombinedDh(
        EcLagrange.interpolatePoints(key.curve(), rs),
        EcLagrange.interpolatePoints(key.curve(), cs),
        unmodifiable(rs.keySet()),
        unmodifiable(rejected));
  }

  // ---- helpers ----

  private static void checkBase(EcThresholdPublicKey key, EcPoint base) {
    if (base.curve() != key.curve()) {
      throw new IllegalArgumentException("point on " + base.curve().logName() + ", key on " + key.curve().logName());
    }
    if (base.isIdentity()) {
      throw new IllegalArgumentException("the identity is not a valid base point or transport key");
    }
  }

  private static List<DhShare> sorted(Collection<DhShare> shares) {
    List<DhShare> list = new ArrayList<>(shares);
    list.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return list;
  }

  private static TreeMap<Integer, EcPoint> firstThreshold(
      EcThresholdPublicKey key, TreeMap<Integer, EcPoint> valid, SortedSet<Integer> rejected) {
    if (valid.size() < key.threshold()) {
      throw new NotEnoughValidSharesException(valid.size(), key.threshold(), unmodifiable(rejected));
    }
    TreeMap<Integer, EcPoint> used = new TreeMap<>();
    for (var e : valid.entrySet()) {
      if (used.size() == key.threshold()) {
        break;
      }
      used.put(e.getKey(), e.getValue());
    }
    return used;
  }

  private static SortedSet<Integer> unmodifiable(Set<Integer> s) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(s));
  }
}
