package dev.subnetsim.chainkey.certification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@link CborValue}s with definite lengths and shortest-form heads (RFC 8949 "preferred
 * serialization"), the form the IC's serde_cbor produces and agent-js decodes. Map entries are
 * written in the map's iteration order (callers give the IC's field order).
 */
public final class CborWriter {
  private CborWriter() {}

  public static byte[] encode(CborValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, value);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, CborValue value) {
    if (value instanceof CborValue.UInt u) {
      head(out, 0, u.value());
    } else if (value instanceof CborValue.Bytes b) {
      byte[] v = b.value();
      head(out, 2, v.length);
      out.writeBytes(v);
    } else if (value instanceof CborValue.Text t) {
      byte[] v = t.value().getBytes(StandardCharsets.UTF_8);
      head(out, 3, v.length);
      out.writeBytes(v);
    } else if (value instanceof CborValue.Array a) {
      head(out, 4, a.items().size());
      for (CborValue item : a.items()) {
        write(out, item);
      }
    } else if (value instanceof CborValue.MapValue m) {
      head(out, 5, m.entries().size());
      for (Map.Entry<String, CborValue> e : m.entries().entrySet()) {
        write(out, new CborValue.Text(e.getKey()));
        write(out, e.getValue());
      }
    } else if (value instanceof CborValue.Tagged t) {
      head(out, 6, t.tag());
      write(out, t.content());
    } else {
      throw new IllegalArgumentException("unknown CBOR value " + value);
    }
  }

  private static void head(ByteArrayOutputStream out, int major, long arg) {
    int mt = major << 5;
    if (arg < 24) {
      out.write(mt | (int) arg);
    } else if (arg < 0x100) {
      out.write(mt | 24);
      out.write((int) arg);
    } else if (arg < 0x10000) {
      out.write(mt | 25);
      be(out, arg, 2);
    } else if (arg < 0x1_0000_0000L) {
      out.write(mt | 26);
      be(out, arg, 4);
    } else {
      out.write(mt | 27);
      be(out, arg, 8);
    }
  }

  private static void be(ByteArrayOutputStream out, long v, int n) {
    for (int i = n - 1; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }
}
