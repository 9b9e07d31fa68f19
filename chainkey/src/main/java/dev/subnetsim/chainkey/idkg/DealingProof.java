package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.security.SecureRandom;

/**
 * The zero-knowledge proofs a dealing needs (eprint 2022/506 section 5), non-interactive by
 * Fiat-Shamir over the instance context, the dealer and every statement point:
 * <ul>
 *   <li>{@link EqualOpening} (ReshareOfMasked): the dealer's new constant commitment C0 = v*G opens
 *       the same value as its Pedersen-committed source share P = v*G + m*H, shown as knowledge of
 *       m with P - C0 = m*H (a Schnorr proof in base H).</li>
 *   <li>{@link Product} (UnmaskedTimesMasked): with A = a*G (its unmasked source share) and
 *       B = b*G + m*H (its masked source share), the constant commitment C0 = a*b*G + z*H of its
 *       new sharing equals a*B + z'*H with z' = z - a*m; the dealer shows it knows a and z' with
 *       A = a*G and C0 = a*B + z'*H.</li>
 * </ul>
 */
public sealed interface DealingProof {

  byte[] toBytes();

  record EqualOpening(EcScalar challenge, EcScalar response) implements DealingProof {
    static EqualOpening prove(IdkgParams p, int dealer, EcPoint difference, EcScalar mask,
        SecureRandom rng) {
      EcPoint h = PedersenGenerator.h(p.curve());
      EcScalar w = EcScalar.randomNonZero(p.curve(), rng);
      EcScalar c = fiatShamir(DomainSeparators.IDKG_EQUAL_OPENING_PROOF, p, dealer, difference,
          h.mul(w));
      return new EqualOpening(c, w.add(c.mul(mask)));
    }

    boolean verify(IdkgParams p, int dealer, EcPoint difference) {
      EcPoint h = PedersenGenerator.h(p.curve());
      EcPoint t = h.mul(response).sub(difference.mul(challenge));
      return fiatShamir(DomainSeparators.IDKG_EQUAL_OPENING_PROOF, p, dealer, difference, t)
          .equals(challenge);
    }

    public byte[] toBytes() {
      return new BigEndianWriter(64).raw(challenge.toBytes()).raw(response.toBytes()).toBytes();
    }
  }

  record Product(EcScalar challenge, EcScalar responseA, EcScalar responseZ) implements DealingProof {
    static Product prove(IdkgParams p, int dealer, EcPoint a, EcPoint b, EcPoint c0,
        EcScalar factor, EcScalar zPrime, SecureRandom rng) {
      EcPoint h = PedersenGenerator.h(p.curve());
      EcScalar w = EcScalar.randomNonZero(p.curve(), rng);
      EcScalar v = EcScalar.randomNonZero(p.curve(), rng);
      EcPoint t1 = EcPoint.mulGenerator(w);
      EcPoint t2 = b.mul(w).add(h.mul(v));
      EcScalar c = fiatShamir(DomainSeparators.IDKG_PRODUCT_PROOF, p, dealer, a, b, c0, t1, t2);
      return new Product(c, w.add(c.mul(factor)), v.add(c.mul(zPrime)));
    }

    boolean verify(IdkgParams p, int dealer, EcPoint a, EcPoint b, EcPoint c0) {
      EcPoint h = PedersenGenerator.h(p.curve());
      EcPoint t1 = EcPoint.mulGenerator(responseA).sub(a.mul(challenge));
      EcPoint t2 = b.mul(responseA).add(h.mul(responseZ)).sub(c0.mul(challenge));
      return fiatShamir(DomainSeparators.IDKG_PRODUCT_PROOF, p, dealer, a, b, c0, t1, t2)
          .equals(challenge);
    }

    public byte[] toBytes() {
      return new BigEndianWriter(96).raw(challenge.toBytes()).raw(responseA.toBytes())
          .raw(responseZ.toBytes()).toBytes();
    }
  }

  private static EcScalar fiatShamir(String dst, IdkgParams p, int dealer, EcPoint... points) {
    BigEndianWriter m = new BigEndianWriter().raw(p.context()).u32(dealer);
    for (EcPoint pt : points) {
      m.lengthPrefixed(pt.encode());
    }
    return EcScalar.hash(p.curve(), dst, m.toBytes());
  }

  /** Decodes the proof of {@code kind} from {@link #toBytes}; empty for kinds without proofs. */
  static java.util.Optional<DealingProof> fromBytes(TranscriptKind kind, EcCurve curve, byte[] b) {
    java.util.function.IntFunction<EcScalar> at = i ->
        EcScalar.fromBytes(curve, java.util.Arrays.copyOfRange(b, i, i + 32));
    return switch (kind) {
      case RESHARE_OF_MASKED -> {
        expect(b, 64, kind);
        yield java.util.Optional.of(new EqualOpening(at.apply(0), at.apply(32)));
      }
      case UNMASKED_TIMES_MASKED -> {
        expect(b, 96, kind);
        yield java.util.Optional.of(new Product(at.apply(0), at.apply(32), at.apply(64)));
      }
      default -> {
        expect(b, 0, kind);
        yield java.util.Optional.empty();
      }
    };
  }

  private static void expect(byte[] b, int n, TranscriptKind kind) {
    if (b.length != n) {
      throw new MalformedIdkgBytesException(kind + " proof must be " + n + " bytes, got " + b.length);
    }
  }
}
