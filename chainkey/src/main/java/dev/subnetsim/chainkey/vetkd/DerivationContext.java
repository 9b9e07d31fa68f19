package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.Objects;

/**
 * The vetKD derivation context: the requesting canister's id and an optional context string
 * (empty = none). Derivation is two public steps (dfinity/vetkeys {@code
 * MasterPublicKey.deriveCanisterKey} and {@code DerivedPublicKey.deriveSubKey}; dfinity/ic vetkd
 * {@code DerivationContext::derive_key}):
 *
 * <pre>
 * off1 = H2S("ic-vetkd-bls12-381-g2-canister-id", lp(mpk96) || lp(canister_id));  cpk = mpk + off1*G2
 * off2 = H2S("ic-vetkd-bls12-381-g2-context",     lp(cpk96) || lp(context));      dpk = cpk + off2*G2
 * </pre>
 *
 * where {@code lp(x) = u64_be(len x) || x} and H2S is {@link HashToCurve#hashToScalar}. The
 * second step is skipped when the context is empty (then dpk = cpk, offset = off1). Immutable.
 */
public final class DerivationContext {

  private final Bytes canisterId;
  private final Bytes context;

  private DerivationContext(Bytes canisterId, Bytes context) {
    this.canisterId = canisterId;
    this.context = context;
  }

  /** A context for the canister's raw principal bytes and a context string (may be empty). */
  public static DerivationContext of(byte[] canisterId, byte[] context) {
    Objects.requireNonNull(canisterId, "canisterId");
    Objects.requireNonNull(context, "context");
    return new DerivationContext(Bytes.of(canisterId), Bytes.of(context));
  }

  public byte[] canisterId() {
    return canisterId.toArray();
  }

  public byte[] context() {
    return context.toArray();
  }

  /** Both steps: the derived public key and the total offset off1 (+ off2). */
  public DerivedKey derive(G2Point masterPublicKey) {
    DerivedKey canisterKey = deriveCanisterKey(masterPublicKey, canisterId.toArray());
    if (context.isEmpty()) {
      return canisterKey;
    }
    DerivedKey sub = deriveSubKey(canisterKey.publicKey(), context.toArray());
    return new DerivedKey(sub.publicKey(), canisterKey.offset().add(sub.offset()));
  }

  /** Step one: the canister key {@code cpk = mpk + off1*G2} (offset = off1). */
  public static DerivedKey deriveCanisterKey(G2Point masterPublicKey, byte[] canisterId) {
    Scalar off1 =
        hashToScalar(DomainSeparators.VETKD_CANISTER_ID, masterPublicKey.toBytes(), canisterId);
    return new DerivedKey(masterPublicKey.add(G2Point.generator().mul(off1)), off1);
  }

  /**
   * Step two: {@code dpk = cpk + off2*G2} (offset = off2 only). An empty context returns the key
   * unchanged with offset zero, as {@code deriveSubKey} does.
   */
  public static DerivedKey deriveSubKey(G2Point canisterKey, byte[] context) {
    if (context.length == 0) {
      return new DerivedKey(canisterKey, Scalar.ZERO);
    }
    Scalar off2 = hashToScalar(DomainSeparators.VETKD_CONTEXT, canisterKey.toBytes(), context);
    return new DerivedKey(canisterKey.add(G2Point.generator().mul(off2)), off2);
  }

  /** H2S(dst, lp(a) || lp(b)). */
  static Scalar hashToScalar(String dst, byte[] a, byte[] b) {
    byte[] input = new BigEndianWriter(16 + a.length + b.length).u64(a.length).raw(a)
        .u64(b.length).raw(b).toBytes();
    return HashToCurve.hashToScalar(dst, input);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivationContext d && canisterId.equals(d.canisterId)
        && context.equals(d.context);
  }

  @Override
  public int hashCode() {
    return 31 * canisterId.hashCode() + context.hashCode();
  }

  @Override
  public String toString() {
    return "DerivationContext(canister=" + canisterId.toHex() + ", context=" + context.toHex()
        + ")";
  }
}
