package dev.subnetsim.chainkey.derivation;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of byte-string components. On the IC the effective path of a canister's key is
 * {@code [canister_id] ++ derivation_path} (interface spec, ecdsa_public_key / schnorr_public_key;
 * ic_secp256k1 {@code DerivationPath::from_canister_id_and_path}). Immutable; components are
 * defensively copied.
 */
public final class DerivationPath {
  private final List<Bytes> components;

  private DerivationPath(List<Bytes> components) {
    this.components = components;
  }

  /** A free-form path. */
  public static DerivationPath of(List<byte[]> components) {
    return new DerivationPath(components.stream().map(Bytes::of).toList());
  }

  /** The empty path (the master key itself). */
  public static DerivationPath empty() {
    return new DerivationPath(List.of());
  }

  /** {@code [canisterId] ++ path}: the path the IC derives a canister's key with. */
  public static DerivationPath forCanister(byte[] canisterId, List<byte[]> path) {
    List<byte[]> all = new ArrayList<>(path.size() + 1);
    all.add(canisterId);
    all.addAll(path);
    return of(all);
  }

  /** BIP32/SLIP-10 style: each index a 4-byte big-endian component (non-hardened if < 2^31). */
  public static DerivationPath bip32(int... indices) {
    List<Bytes> cs = new ArrayList<>();
    for (int i : indices) {
      cs.add(Bytes.of(new BigEndianWriter(4).u32(i).toBytes()));
    }
    return new DerivationPath(List.copyOf(cs));
  }

  public int size() {
    return components.size();
  }

  /** Component k (a copy). */
  public byte[] component(int k) {
    return components.get(k).toArray();
  }

  /** All components (copies). */
  public List<byte[]> components() {
    List<byte[]> out = new ArrayList<>();
    for (Bytes c : components) {
      out.add(c.toArray());
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivationPath p && components.equals(p.components);
  }

  @Override
  public int hashCode() {
    return components.hashCode(); // the same value the former hand-written loop gave
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DerivationPath[");
    for (int i = 0; i < components.size(); i++) {
      sb.append(i == 0 ? "" : "/").append(components.get(i).toHex());
    }
    return sb.append(']').toString();
  }
}
