package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument and reply format of the example canisters: u32 count, then each field as u32 length
 * and bytes (the IC would use Candid; these canisters are Java programs talking to Java clients).
 */
public final class Fields {
  private Fields() {}

  public static byte[] encode(byte[]... fields) {
    BigEndianWriter w = new BigEndianWriter().u32(fields.length);
    for (byte[] f : fields) {
      w.lengthPrefixed(f);
    }
    return w.toBytes();
  }

  /**
   * Decodes exactly {@code expected} fields.
   *
   * @throws IllegalArgumentException naming what is wrong (a canister traps with it); truncated,
   *     overrunning or trailing bytes are its subclass MalformedBytesException
   */
  public static List<byte[]> decode(byte[] bytes, int expected) {
    BigEndianReader r = new BigEndianReader(bytes, "argument");
    int n = r.i32("field count");
    if (n != expected) {
      throw new IllegalArgumentException("expected " + expected + " argument fields, got " + n);
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.lengthPrefixed("field " + i, Integer.MAX_VALUE));
    }
    r.finish();
    return out;
  }
}
