package dev.subnetsim.chainkey.derivation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;

/**
 * A sequence of byte-string components. On the IC the effective path of a canister's key is
 * {@code [canister_id] ++ derivation_path} (interface spec, ecdsa_public_key / schnorr_public_key;
 * ic_secp256k1 {@code DerivationPath::from_canister_id_and_path}). Immutable; components are
 * defensively copied.
 */
public final class DerivationPath {
  private final List<byte[]> components;

  private DerivationPath(List<byte[]> components) {
    this.components = components;
  }

  /** A free-form path. */
  public static DerivationPath of(List<byte[]> components) {
    List<byte[]> copy = new ArrayList<>(components.size());
    for (byte[] c : components) {
      copy.add(c.clone());
    }
    return new DerivationPath(List.copyOf(copy));
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
    List<byte[]> cs = new ArrayList<>();
    for (int i : indices) {
      cs.add(new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i});
    }
    return new DerivationPath(List.copyOf(cs));
  }

  public int size() {
    return components.size();
  }

  /** Component k (a copy). */
  public byte[] component(int k) {
    return components.get(k).clone();
  }

  /** All components (copies). */
  public List<byte[]> components() {
    List<byte[]> out = new ArrayList<>();
    for (byte[] c : components) {
      out.add(c.clone());
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DerivationPath p) || p.components.size() != components.size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!Arrays.equals(components.get(i), p.components.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (byte[] c : components) {
      h = 31 * h + Arrays.hashCode(c);
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DerivationPath[");
    for (int i = 0; i < components.size(); i++) {
      sb.append(i == 0 ? "" : "/").append(Hex.toHexString(components.get(i)));
    }
    return sb.append(']').toString();
  }
}
