package dev.subnetsim.replica.execution;

/**
 * A canister id as the IC allocates them: the opaque principal of 10 bytes, an 8-byte big-endian
 * index followed by 0x01 0x01 (interface spec, "Principals"). Ordered by index. The management
 * canister {@code aaaaa-aa} is the empty principal; it is {@link #MANAGEMENT} (index -1).
 */
public record CanisterId(long index) implements Comparable<CanisterId> {
  /** The management canister: the empty principal, text form {@code aaaaa-aa}. */
  public static final CanisterId MANAGEMENT = new CanisterId(-1);

  public CanisterId {
    if (index < -1) {
      throw new IllegalArgumentException("canister index must be non-negative: " + index);
    }
  }

  public boolean isManagement() {
    return index == -1;
  }

  public byte[] toBytes() {
    if (isManagement()) {
      return new byte[0];
    }
    byte[] b = new byte[10];
    long v = index;
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    b[8] = 1;
    b[9] = 1;
    return b;
  }

  public static CanisterId fromBytes(byte[] b) {
    if (b.length == 0) {
      return MANAGEMENT;
    }
    if (b.length != 10 || b[8] != 1 || b[9] != 1) {
      throw new IllegalArgumentException("not a canister id: expected 10 bytes ending 0x0101");
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return new CanisterId(v);
  }

  @Override
  public int compareTo(CanisterId o) {
    return Long.compare(index, o.index);
  }

  @Override
  public String toString() {
    return isManagement() ? "aaaaa-aa" : "canister-" + index;
  }
}
