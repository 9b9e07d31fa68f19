package dev.subnetsim.replica.candid;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes and decodes Candid argument tuples (Candid specification, "Binary Format"):
 * {@code "DIDL"}, the type table, the argument types as signed LEB128 references, then the values.
 * Java values by type: {@code null} for {@code null} and {@code reserved}; {@link Boolean};
 * {@link java.math.BigInteger} for {@code nat} and {@code int}; {@link Integer} for
 * {@code nat8/16}, {@code int8/16/32}; {@link Long} for {@code nat32}, {@code nat64} (unsigned)
 * and {@code int64}; {@link Float}, {@link Double}; {@link String}; {@code byte[]} for
 * {@code blob} and {@code principal}; {@link Optional} for {@code opt}; {@link List} for
 * {@code vec}; {@code Map<String, Object>} by field name for {@code record};
 * {@link CandidVariant} for {@code variant}.
 *
 * <p>Decoding takes the types the method expects and applies Candid's subtyping where a
 * service's interface may have moved on from its client's: record fields the method does not know
 * are skipped, an absent {@code opt} field or argument is {@code none}, extra trailing arguments
 * are ignored. Anything else is refused with {@link IllegalArgumentException}, bounded before
 * anything is allocated, since arguments come from anyone.
 */
public final class Candid {
  static final byte[] MAGIC = {'D', 'I', 'D', 'L'};
  static final int OPT = -18;
  static final int VEC = -19;
  static final int RECORD = -20;
  static final int VARIANT = -21;
  /** More type table entries, arguments or fields than any method here takes is refused. */
  static final int MAX_TYPES = 256;

  private Candid() {}

  /** Whether {@code bytes} starts with the Candid magic. */
  public static boolean isCandid(byte[] bytes) {
    return bytes.length >= 4 && Arrays.equals(bytes, 0, 4, MAGIC, 0, 4);
  }

  /** The tuple {@code values} of {@code types}. */
  public static byte[] encode(List<CandidType> types, List<?> values) {
    if (types.size() != values.size()) {
      throw new IllegalArgumentException(types.size() + " types for " + values.size()
          + " values");
    }
    Map<CandidType, Integer> table = new LinkedHashMap<>();
    for (CandidType t : types) {
      register(t, table);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    uleb(out, table.size());
    for (CandidType t : table.keySet()) {
      entry(out, t, table);
    }
    uleb(out, types.size());
    for (CandidType t : types) {
      sleb(out, ref(t, table));
    }
    for (int i = 0; i < types.size(); i++) {
      value(out, types.get(i), values.get(i));
    }
    return out.toByteArray();
  }

  /**
   * Decodes a tuple as {@code expected}'s types.
   *
   * @throws IllegalArgumentException saying what does not fit
   */
  public static List<Object> decode(byte[] bytes, List<CandidType> expected) {
    return new CandidReader(bytes).decode(expected);
  }

  /** Adds the compound types in {@code t} to the table, inner types first. */
  private static void register(CandidType t, Map<CandidType, Integer> table) {
    if (table.containsKey(t)) {
      return;
    }
    if (t instanceof CandidType.Primitive) {
      return;
    }
    if (t instanceof CandidType.Opt o) {
      register(o.inner(), table);
    } else if (t instanceof CandidType.Vec v) {
      register(v.inner(), table);
    } else if (t instanceof CandidType.Record r) {
      r.fields().forEach(f -> register(f.type(), table));
    } else if (t instanceof CandidType.Variant v) {
      v.fields().forEach(f -> register(f.type(), table));
    }
    table.putIfAbsent(t, table.size());
  }

  private static void entry(ByteArrayOutputStream out, CandidType t,
      Map<CandidType, Integer> table) {
    if (t instanceof CandidType.Opt o) {
      sleb(out, OPT);
      sleb(out, ref(o.inner(), table));
    } else if (t instanceof CandidType.Vec v) {
      sleb(out, VEC);
      sleb(out, ref(v.inner(), table));
    } else if (t instanceof CandidType.Blob) {
      sleb(out, VEC);
      sleb(out, CandidType.Primitive.NAT8.code);
    } else if (t instanceof CandidType.Record r) {
      fields(out, RECORD, r.fields(), table);
    } else if (t instanceof CandidType.Variant v) {
      fields(out, VARIANT, v.fields(), table);
    } else {
      throw new IllegalStateException("no table entry for " + t);
    }
  }

  private static void fields(ByteArrayOutputStream out, int op, List<CandidType.Field> fields,
      Map<CandidType, Integer> table) {
    sleb(out, op);
    uleb(out, fields.size());
    for (CandidType.Field f : fields) {
      uleb(out, f.id());
      sleb(out, ref(f.type(), table));
    }
  }

  private static long ref(CandidType t, Map<CandidType, Integer> table) {
    return t instanceof CandidType.Primitive p ? p.code : table.get(t);
  }

  private static void value(ByteArrayOutputStream out, CandidType t, Object v) {
    if (t instanceof CandidType.Opt o) {
      Optional<?> opt = (Optional<?>) v;
      out.write(opt.isPresent() ? 1 : 0);
      opt.ifPresent(inner -> value(out, o.inner(), inner));
    } else if (t instanceof CandidType.Blob) {
      byte[] bytes = (byte[]) v;
      uleb(out, bytes.length);
      out.writeBytes(bytes);
    } else if (t instanceof CandidType.Vec vec) {
      List<?> items = (List<?>) v;
      uleb(out, items.size());
      items.forEach(item -> value(out, vec.inner(), item));
    } else if (t instanceof CandidType.Record r) {
      Map<?, ?> m = (Map<?, ?>) v;
      for (CandidType.Field f : r.fields()) {
        if (!m.containsKey(f.name())) {
          throw new IllegalArgumentException("record value lacks field " + f.name());
        }
        value(out, f.type(), m.get(f.name()));
      }
    } else if (t instanceof CandidType.Variant var) {
      variant(out, var, (CandidVariant) v);
    } else {
      primitive(out, (CandidType.Primitive) t, v);
    }
  }

  private static void variant(ByteArrayOutputStream out, CandidType.Variant t, CandidVariant v) {
    List<CandidType.Field> fs = t.fields();
    for (int i = 0; i < fs.size(); i++) {
      if (fs.get(i).name().equals(v.tag())) {
        uleb(out, i);
        value(out, fs.get(i).type(), v.value());
        return;
      }
    }
    throw new IllegalArgumentException("variant has no case " + v.tag());
  }

  private static void primitive(ByteArrayOutputStream out, CandidType.Primitive p, Object v) {
    switch (p) {
      case NULL, RESERVED -> { }
      case EMPTY -> throw new IllegalArgumentException("empty has no values");
      case BOOL -> out.write((Boolean) v ? 1 : 0);
      case NAT -> ulebBig(out, (BigInteger) v);
      case INT -> slebBig(out, (BigInteger) v);
      case NAT8, INT8 -> little(out, ((Integer) v).longValue(), 1);
      case NAT16, INT16 -> little(out, ((Integer) v).longValue(), 2);
      case INT32 -> little(out, ((Integer) v).longValue(), 4);
      case NAT32 -> little(out, (Long) v, 4);
      case NAT64, INT64 -> little(out, (Long) v, 8);
      case FLOAT32 -> little(out, Float.floatToRawIntBits((Float) v), 4);
      case FLOAT64 -> little(out, Double.doubleToRawLongBits((Double) v), 8);
      case TEXT -> {
        byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
        uleb(out, b.length);
        out.writeBytes(b);
      }
      case PRINCIPAL -> {
        byte[] b = (byte[]) v;
        if (b.length > 29) {
          throw new IllegalArgumentException("a principal has at most 29 bytes");
        }
        out.write(1);
        uleb(out, b.length);
        out.writeBytes(b);
      }
    }
  }

  private static void little(ByteArrayOutputStream out, long x, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (x >>> (8 * i)));
    }
  }

  static void uleb(ByteArrayOutputStream out, long v) {
    ulebBig(out, BigInteger.valueOf(v));
  }

  private static void ulebBig(ByteArrayOutputStream out, BigInteger v) {
    if (v.signum() < 0) {
      throw new IllegalArgumentException("a nat is not negative: " + v);
    }
    BigInteger x = v;
    do {
      int b = x.intValue() & 0x7f;
      x = x.shiftRight(7);
      out.write(x.signum() == 0 ? b : b | 0x80);
    } while (x.signum() != 0);
  }

  static void sleb(ByteArrayOutputStream out, long v) {
    slebBig(out, BigInteger.valueOf(v));
  }

  private static void slebBig(ByteArrayOutputStream out, BigInteger v) {
    BigInteger x = v;
    while (true) {
      int b = x.intValue() & 0x7f;
      x = x.shiftRight(7);
      boolean done = (x.signum() == 0 && (b & 0x40) == 0)
          || (x.equals(BigInteger.ONE.negate()) && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }
}
