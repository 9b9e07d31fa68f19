package dev.subnetsim.chainkey.ecdsa;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.PedersenGenerator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Threshold ECDSA from presignatures (eprint 2022/506 section 7; dfinity/ic
 * canister_threshold_sig/src/signing/ecdsa.rs). With r = x(R') mod q and m the hash, node i
 * reveals openings of numerator_i = (m + r*eps)*lambda_i + r*(key*lambda)_i and denominator_i =
 * (kappa*lambda)_i + delta*lambda_i; interpolating gives lambda*(m + r*key') and lambda*kappa',
 * whose quotient is s = (m + r*key')/kappa', a standard ECDSA signature under P' = P + eps*G. The
 * combiner verifies every share (attributing bad ones), normalizes s to the low half and verifies
 * the signature before returning it.
 */
public final class ThresholdEcdsa {
  private ThresholdEcdsa() {}

  /** A combined signature and who sent shares that failed verification. */
  public record Combined(byte[] signature, SortedSet<Integer> contributors,
      SortedSet<Integer> rejected) {}

  /** A node's openings of lambda, kappa*lambda and key*lambda. */
  public record NodeShares(CommitmentOpening.Pedersen lambda, CommitmentOpening.Pedersen kappaLambda,
      CommitmentOpening.Pedersen keyLambda) {}

  public static EcdsaSignatureShare createShare(EcdsaPresignature p, EcdsaRequest req, int index,
      NodeShares mine) {
    EcScalar r = r(p, req);
    EcScalar eps = req.derivedKey().offset();
    EcScalar a = req.message(p).add(r.mul(eps));
    EcScalar delta = req.delta(p);
    return new EcdsaSignatureShare(index,
        new CommitmentOpening.Pedersen(a.mul(mine.lambda().value()).add(r.mul(mine.keyLambda().value())),
            a.mul(mine.lambda().mask()).add(r.mul(mine.keyLambda().mask()))),
        new CommitmentOpening.Pedersen(mine.kappaLambda().value().add(delta.mul(mine.lambda().value())),
            mine.kappaLambda().mask().add(delta.mul(mine.lambda().mask()))));
  }

  /** Checks a share against the presignature's commitments at the share's index. */
  public static boolean verifyShare(EcdsaPresignature p, EcdsaRequest req, EcdsaSignatureShare s) {
    if (s.index() < 0 || !p.lambda().receivers().contains(s.index())) {
      return false;
    }
    EcScalar r = r(p, req);
    EcScalar a = req.message(p).add(r.mul(req.derivedKey().offset()));
    EcPoint lambdaI = p.lambda().commitment().evaluateAt(s.index());
    EcPoint num = EcPoint.multiScalarMul(List.of(lambdaI,
        p.keyTimesLambda().commitment().evaluateAt(s.index())), List.of(a, r));
    EcPoint den = p.kappaTimesLambda().commitment().evaluateAt(s.index())
        .add(lambdaI.mul(req.delta(p)));
    return PedersenGenerator.commit(s.numerator().value(), s.numerator().mask()).equals(num)
        && PedersenGenerator.commit(s.denominator().value(), s.denominator().mask()).equals(den);
  }

  /**
   * Verifies the shares, combines the lowest-index threshold of valid ones into r||s (low s) and
   * checks it under the derived key.
   *
   * @throws IllegalArgumentException with fewer than the threshold of valid shares (naming the
   *     senders of invalid ones)
   */
  public static Combined combine(EcdsaPresignature p, EcdsaRequest req,
      Collection<EcdsaSignatureShare> shares) {
    TreeMap<Integer, EcdsaSignatureShare> valid = new TreeMap<>();
    TreeSet<Integer> rejected = new TreeSet<>();
    for (EcdsaSignatureShare s : shares) {
      if (verifyShare(p, req, s)) {
        valid.putIfAbsent(s.index(), s);
      } else {
        rejected.add(s.index());
      }
    }
    if (valid.size() < p.threshold()) {
      throw new IllegalArgumentException("ECDSA needs " + p.threshold() + " valid shares, got "
          + valid.size() + "; invalid shares from " + rejected);
    }
    return combineValid(p, req, valid, rejected);
  }

  /**
   * As {@link #combine}, for shares the caller has already checked with {@link #verifyShare} (at
   * most one per index): a replica executing a response verifies each share once, through a
   * verdict cache, instead of again here.
   *
   * @throws IllegalArgumentException with fewer than the threshold of shares or two of one index
   */
  public static Combined combineVerified(EcdsaPresignature p, EcdsaRequest req,
      Collection<EcdsaSignatureShare> verified) {
    TreeMap<Integer, EcdsaSignatureShare> valid = new TreeMap<>();
    for (EcdsaSignatureShare s : verified) {
      if (valid.putIfAbsent(s.index(), s) != null) {
        throw new IllegalArgumentException("two ECDSA shares of node " + s.index());
      }
    }
    if (valid.size() < p.threshold()) {
      throw new IllegalArgumentException("ECDSA needs " + p.threshold() + " valid shares, got "
          + valid.size());
    }
    return combineValid(p, req, valid, new TreeSet<>());
  }

  private static Combined combineValid(EcdsaPresignature p, EcdsaRequest req,
      TreeMap<Integer, EcdsaSignatureShare> valid, TreeSet<Integer> rejected) {
    List<Integer> nodes = new ArrayList<>(valid.keySet()).subList(0, p.threshold());
    List<EcScalar> l = EcLagrange.coefficientsAtZero(p.curve(), nodes);
    EcScalar num = EcScalar.zero(p.curve());
    EcScalar den = EcScalar.zero(p.curve());
    for (int j = 0; j < nodes.size(); j++) {
      num = num.add(l.get(j).mul(valid.get(nodes.get(j)).numerator().value()));
      den = den.add(l.get(j).mul(valid.get(nodes.get(j)).denominator().value()));
    }
    EcScalar s = num.mul(den.inverse());
    BigInteger q = p.curve().order();
    if (s.toBigInteger().compareTo(q.shiftRight(1)) > 0) {
      s = s.neg();
    }
    byte[] sig = new byte[64];
    System.arraycopy(r(p, req).toBytes(), 0, sig, 0, 32);
    System.arraycopy(s.toBytes(), 0, sig, 32, 32);
    if (!verify(req.derivedKey().publicKey(), req.messageHash(), sig)) {
      throw new IllegalStateException("combined ECDSA signature does not verify");
    }
    return new Combined(sig, new TreeSet<>(nodes), rejected);
  }

  /** ECDSA verification (SEC 1 section 4.1.4) of r||s over a 32-byte hash. */
  public static boolean verify(EcPoint publicKey, byte[] hash, byte[] sig) {
    EcCurve curve = publicKey.curve();
    BigInteger q = curve.order();
    BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    if (sig.length != 64 || r.signum() == 0 || s.signum() == 0 || r.compareTo(q) >= 0
        || s.compareTo(q) >= 0) {
      return false;
    }
    EcScalar sInv = EcScalar.of(curve, s).inverse();
    EcScalar m = EcScalar.of(curve, new BigInteger(1, hash).mod(q));
    EcPoint x = EcPoint.multiScalarMul(List.of(curve.generator(), publicKey),
        List.of(m.mul(sInv), EcScalar.of(curve, r).mul(sInv)));
    return !x.isIdentity() && x.affineX().mod(q).equals(r);
  }

  private static EcScalar r(EcdsaPresignature p, EcdsaRequest req) {
    EcPoint rPrime = req.rerandomizedR(p);
    EcScalar r = EcScalar.of(p.curve(), rPrime.affineX().mod(p.curve().order()));
    if (r.isZero()) {
      throw new IllegalStateException("r = 0: use another presignature");
    }
    return r;
  }
}
