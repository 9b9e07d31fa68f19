package dev.subnetsim.chainkey.schnorr;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Threshold Schnorr from a RandomUnmasked presignature (dfinity/ic canister_threshold_sig signing
 * bip340.rs and eddsa.rs): BIP340 over secp256k1 (x-only keys; the nonce and the key are negated
 * when their points have odd y; optional BIP341 taproot tweak) and Ed25519 (RFC 8032 section 5.1.6
 * with a SHA-512 challenge). Node i's share is s_i = k'_i + e*d_i, where k' and d are the
 * rerandomized nonce and the (derived, tweaked, sign-adjusted) key as affine functions of the
 * node's shares, so s_i*G is computable from the commitments and every share is checkable.
 */
public final class ThresholdSchnorr {
  private ThresholdSchnorr() {}

  public enum Algorithm { BIP340, ED25519 }

  public record Combined(byte[] signature, SortedSet<Integer> contributors,
      SortedSet<Integer> rejected) {}

  /** Everything public about one signature: nonce and key as sign * (share + shift). */
  private record Plan(EcPoint rFinal, EcScalar nonceSign, EcScalar nonceShift, EcScalar keySign,
      EcScalar keyShift, EcScalar keyAdd, EcScalar challenge) {

    /** The signer's secret terms applied to shares k_i, x_i. */
    EcScalar share(EcScalar k, EcScalar x) {
      EcScalar kk = nonceSign.mul(k.add(nonceShift));
      EcScalar d = keySign.mul(x.add(keyShift)).add(keyAdd);
      return kk.add(challenge.mul(d));
    }

    EcPoint sharePoint(EcPoint kPoint, EcPoint xPoint) {
      EcPoint kk = kPoint.add(EcPoint.mulGenerator(nonceShift)).mul(nonceSign);
      EcPoint d = xPoint.add(EcPoint.mulGenerator(keyShift)).mul(keySign)
          .add(EcPoint.mulGenerator(keyAdd));
      return kk.add(d.mul(challenge));
    }
  }

  private static Plan plan(Algorithm alg, SchnorrPresignature p, SchnorrRequest req) {
    EcCurve curve = p.curve();
    check(alg, curve);
    EcScalar one = EcScalar.one(curve);
    EcScalar delta = req.delta(p);
    EcPoint r = p.r().add(EcPoint.mulGenerator(delta));
    EcScalar eps = req.derivedKey().offset();
    EcPoint key = req.derivedKey().publicKey();
    if (alg == Algorithm.ED25519) {
      EcScalar e = ed25519Challenge(r, key, req.message());
      return new Plan(r, one, delta, one, eps, EcScalar.zero(curve), e);
    }
    EcScalar nonceSign = r.hasEvenY() ? one : one.neg();
    EcScalar keySign = key.hasEvenY() ? one : one.neg();
    EcPoint evenKey = key.hasEvenY() ? key : key.neg();
    EcScalar tweak = EcScalar.zero(curve);
    EcPoint q = evenKey;
    if (req.taprootMerkleRoot().isPresent()) {
      tweak = EcScalar.of(curve, new BigInteger(1, taggedHash("TapTweak",
          concat(evenKey.xCoordinateBytes(), req.taprootMerkleRoot().get()))).mod(curve.order()));
      q = evenKey.add(EcPoint.mulGenerator(tweak));
    }
    EcScalar outerSign = q.hasEvenY() ? one : one.neg();
    EcScalar e = EcScalar.of(curve, new BigInteger(1, taggedHash("BIP0340/challenge",
        concat(r.xCoordinateBytes(), q.xCoordinateBytes(), req.message()))).mod(curve.order()));
    // d = outer * (keySign * (x + eps) + tweak) = (outer*keySign) * (x + eps) + outer*tweak
    return new Plan(r.hasEvenY() ? r : r.neg(), nonceSign, delta, outerSign.mul(keySign), eps,
        outerSign.mul(tweak), e);
  }

  /** The public key a verifier uses: SEC1 x-only (32 B) for BIP340, RFC 8032 (32 B) for Ed25519. */
  public static byte[] verificationKey(Algorithm alg, SchnorrRequest req) {
    EcPoint key = req.derivedKey().publicKey();
    if (alg == Algorithm.ED25519) {
      return key.encode();
    }
    EcPoint evenKey = key.hasEvenY() ? key : key.neg();
    if (req.taprootMerkleRoot().isEmpty()) {
      return evenKey.xCoordinateBytes();
    }
    EcScalar t = EcScalar.of(key.curve(), new BigInteger(1, taggedHash("TapTweak",
        concat(evenKey.xCoordinateBytes(), req.taprootMerkleRoot().get()))).mod(key.curve().order()));
    return evenKey.add(EcPoint.mulGenerator(t)).xCoordinateBytes();
  }

  public static SchnorrShare createShare(Algorithm alg, SchnorrPresignature p, SchnorrRequest req,
      int index, CommitmentOpening nonceShare, CommitmentOpening keyShare) {
    return new SchnorrShare(index, plan(alg, p, req).share(nonceShare.value(), keyShare.value()));
  }

  public static boolean verifyShare(Algorithm alg, SchnorrPresignature p, SchnorrRequest req,
      SchnorrShare s) {
    if (s.index() < 0 || !p.nonce().receivers().contains(s.index())) {
      return false;
    }
    return EcPoint.mulGenerator(s.s()).equals(plan(alg, p, req).sharePoint(
        p.nonce().commitment().evaluateAt(s.index()), p.key().commitment().evaluateAt(s.index())));
  }

  /**
   * Verifies shares, interpolates the lowest-index threshold of valid ones, and returns the
   * signature (BIP340: x(R) || s; Ed25519: enc(R) || s little-endian) after verifying it.
   *
   * @throws IllegalArgumentException with fewer than the threshold of valid shares
   */
  public static Combined combine(Algorithm alg, SchnorrPresignature p, SchnorrRequest req,
      Collection<SchnorrShare> shares) {
    Plan plan = plan(alg, p, req);
    TreeMap<Integer, SchnorrShare> valid = new TreeMap<>();
    TreeSet<Integer> rejected = new TreeSet<>();
    for (SchnorrShare s : shares) {
      if (verifyShare(alg, p, req, s)) {
        valid.putIfAbsent(s.index(), s);
      } else {
        rejected.add(s.index());
      }
    }
    if (valid.size() < p.threshold()) {
      throw new IllegalArgumentException(alg + " needs " + p.threshold() + " valid shares, got "
          + valid.size() + "; invalid shares from " + rejected);
    }
    List<Integer> nodes = new ArrayList<>(valid.keySet()).subList(0, p.threshold());
    List<EcScalar> l = EcLagrange.coefficientsAtZero(p.curve(), nodes);
    EcScalar s = EcScalar.zero(p.curve());
    for (int j = 0; j < nodes.size(); j++) {
      s = s.add(l.get(j).mul(valid.get(nodes.get(j)).s()));
    }
    byte[] sig = alg == Algorithm.ED25519
        ? concat(plan.rFinal().encode(), s.toBytesLittleEndian())
        : concat(plan.rFinal().xCoordinateBytes(), s.toBytes());
    if (!verify(alg, verificationKey(alg, req), req.message(), sig)) {
      throw new IllegalStateException("combined " + alg + " signature does not verify");
    }
    return new Combined(sig, new TreeSet<>(nodes), rejected);
  }

  /** BIP340 verification (x-only key) or RFC 8032 Ed25519 verification (cofactorless). */
  public static boolean verify(Algorithm alg, byte[] publicKey, byte[] message, byte[] sig) {
    try {
      if (sig.length != 64) {
        return false;
      }
      if (alg == Algorithm.ED25519) {
        EcCurve c = EcCurve.ED25519;
        EcPoint a = EcPoint.decode(c, publicKey);
        EcPoint r = EcPoint.decode(c, java.util.Arrays.copyOfRange(sig, 0, 32));
        byte[] sBytes = java.util.Arrays.copyOfRange(sig, 32, 64);
        EcScalar s = EcScalar.fromBytesLittleEndian(c, sBytes);
        EcScalar e = ed25519Challenge(r, a, message);
        return EcPoint.mulGenerator(s).equals(r.add(a.mul(e)));
      }
      EcCurve c = EcCurve.SECP256K1;
      EcPoint p = EcPoint.liftX(c, publicKey);
      BigInteger rx = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
      BigInteger sv = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
      if (rx.compareTo(c.fieldPrime()) >= 0 || sv.compareTo(c.order()) >= 0) {
        return false;
      }
      EcScalar e = EcScalar.of(c, new BigInteger(1, taggedHash("BIP0340/challenge",
          concat(java.util.Arrays.copyOfRange(sig, 0, 32), publicKey, message))).mod(c.order()));
      EcPoint r = EcPoint.mulGenerator(EcScalar.of(c, sv)).sub(p.mul(e));
      return !r.isIdentity() && r.hasEvenY() && r.affineX().equals(rx);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static EcScalar ed25519Challenge(EcPoint r, EcPoint a, byte[] message) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-512");
      d.update(r.encode());
      d.update(a.encode());
      d.update(message);
      return EcScalar.fromBytesLittleEndianReduced(EcCurve.ED25519, d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** BIP340 tagged hash: SHA256(SHA256(tag) || SHA256(tag) || msg). */
  static byte[] taggedHash(String tag, byte[] msg) {
    try {
      byte[] t = MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(t);
      d.update(t);
      d.update(msg);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static void check(Algorithm alg, EcCurve curve) {
    if ((alg == Algorithm.BIP340) != (curve == EcCurve.SECP256K1)
        || (alg == Algorithm.ED25519) != (curve == EcCurve.ED25519)) {
      throw new IllegalArgumentException(alg + " cannot sign on " + curve.logName());
    }
  }
}
