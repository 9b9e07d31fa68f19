package dev.subnetsim.chainkey.ic;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;

/**
 * Canister ids as the IC allocates them: an 8-byte big-endian index followed by {@code 0x01 0x01}
 * (an opaque id, interface spec "Special forms of Principals"; e.g. index 7 is the Internet
 * Identity canister {@code rdmx6-jaaaa-aaaaa-aaadq-cai}). Subnet ranges are intervals of these.
 */
public final class CanisterIds {
  private CanisterIds() {}

  public static final int LENGTH = 10;

  public static Principal fromIndex(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("canister index must be non-negative: " + index);
    }
    byte[] bytes = new BigEndianWriter(LENGTH).u64(index).u8(1).u8(1).toBytes();
    return Principal.fromBytes(bytes);
  }

  /** True iff the principal has the 10-byte {@code u64 · 0x01 0x01} canister-id shape. */
  public static boolean isCanisterIdShape(Principal p) {
    byte[] b = p.toBytes();
    return b.length == LENGTH && b[8] == 1 && b[9] == 1;
  }

  /** @throws IllegalArgumentException if the principal is not of the canister-id shape */
  public static long index(Principal canisterId) {
    if (!isCanisterIdShape(canisterId)) {
      throw new IllegalArgumentException("not a canister id of the form u64 · 0x0101: " + canisterId);
    }
    return new BigEndianReader(canisterId.toBytes(), "canister id").i64("index");
  }
}
