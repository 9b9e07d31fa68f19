package dev.subnetsim.replica.canisters;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument and reply format of the example canisters: u32 count, then each field as u32 length
 * and bytes (the IC would use Candid; these canisters are Java programs talking to Java clients).
 */
public final class Fields {
  private Fields() {}

  public static byte[] encode(byte[]... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(4).putInt(fields.length).array());
    for (byte[] f : fields) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(f.length).array());
      out.writeBytes(f);
    }
    return out.toByteArray();
  }

  /**
   * Decodes exactly {@code expected} fields.
   *
   * @throws IllegalArgumentException naming what is wrong (a canister traps with it)
   */
  public static List<byte[]> decode(byte[] bytes, int expected) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    try {
      int n = b.getInt();
      if (n != expected) {
        throw new IllegalArgumentException("expected " + expected + " argument fields, got " + n);
      }
      List<byte[]> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
          throw new IllegalArgumentException("argument field " + i + " of " + len + " bytes overruns");
        }
        byte[] f = new byte[len];
        b.get(f);
        out.add(f);
      }
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes after " + n + " argument fields");
      }
      return out;
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated argument");
    }
  }
}
