package dev.subnetsim.replica.candid;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes and decodes Candid argument tuples (Candid specification, "Binary Format"):
 * {@code "DIDL"}, the type table (here {@code opt} and {@code vec nat8} entries), the argument
 * types as signed LEB128 references, then the values. Java values: {@code null} for
 * {@code null}, {@link Boolean}, {@link BigInteger} for {@code nat}, {@link Long} (unsigned) for
 * {@code nat64}, {@link String}, {@code byte[]} for {@code blob}, {@link Optional} for
 * {@code opt}.
 *
 * <p>Decoding takes the types the method expects and accepts exactly them (a client's extra
 * trailing arguments are ignored, as the specification allows); any other bytes are refused with
 * {@link IllegalArgumentException}, bounded before anything is allocated, since arguments come
 * from anyone.
 */
public final class Candid {
  private static final byte[] MAGIC = {'D', 'I', 'D', 'L'};
  private static final int OPT = -18;
  private static final int VEC = -19;
  private static final int NAT8 = -5;
  /** More type table entries or arguments than any method here takes is refused. */
  static final int MAX_TYPES = 64;

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
      if (t instanceof CandidType.Opt o) {
        sleb(out, OPT);
        sleb(out, ref(o.inner(), table));
      } else {
        sleb(out, VEC);
        sleb(out, NAT8);
      }
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

  /** Decodes a tuple that must start with {@code expected}'s types. */
  public static List<Object> decode(byte[] bytes, List<CandidType> expected) {
    Reader r = new Reader(bytes);
    if (!isCandid(bytes)) {
      throw new IllegalArgumentException("not Candid: missing the DIDL magic");
    }
    r.pos = 4;
    long entries = r.uleb();
    if (entries > MAX_TYPES) {
      throw new IllegalArgumentException("type table of " + entries + " entries (at most "
          + MAX_TYPES + ")");
    }
    long[][] table = new long[(int) entries][];
    for (int i = 0; i < entries; i++) {
      long op = r.sleb();
      if (op != OPT && op != VEC) {
        throw new IllegalArgumentException("unsupported type table entry " + op);
      }
      table[i] = new long[] {op, r.sleb()};
    }
    long count = r.uleb();
    if (count > MAX_TYPES) {
      throw new IllegalArgumentException(count + " arguments (at most " + MAX_TYPES + ")");
    }
    List<CandidType> actual = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      actual.add(resolve(r.sleb(), table, 0));
    }
    if (actual.size() < expected.size()
        || !actual.subList(0, expected.size()).equals(expected)) {
      throw new IllegalArgumentException("argument types " + actual + ", expected " + expected);
    }
    List<Object> values = new ArrayList<>();
    for (CandidType t : actual) {
      values.add(r.value(t));
    }
    if (r.pos != bytes.length) {
      throw new IllegalArgumentException((bytes.length - r.pos) + " bytes after the values");
    }
    return values.subList(0, expected.size());
  }

  private static CandidType resolve(long ref, long[][] table, int depth) {
    if (depth > MAX_TYPES) {
      throw new IllegalArgumentException("type table refers to itself");
    }
    if (ref >= 0) {
      if (ref >= table.length) {
        throw new IllegalArgumentException("type reference " + ref + " outside the table");
      }
      long[] e = table[(int) ref];
      if (e[0] == VEC) {
        if (e[1] != NAT8) {
          throw new IllegalArgumentException("only vec nat8 (blob) is supported");
        }
        return CandidType.BLOB;
      }
      return CandidType.opt(resolve(e[1], table, depth + 1));
    }
    CandidType.Primitive p = CandidType.Primitive.ofCode(ref);
    if (p == null) {
      throw new IllegalArgumentException("unsupported type code " + ref);
    }
    return p;
  }

  private static void register(CandidType t, Map<CandidType, Integer> table) {
    if (t instanceof CandidType.Opt o) {
      register(o.inner(), table);
      table.putIfAbsent(t, table.size());
    } else if (t instanceof CandidType.Blob) {
      table.putIfAbsent(t, table.size());
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
      return;
    }
    if (t instanceof CandidType.Blob) {
      byte[] b = (byte[]) v;
      uleb(out, b.length);
      out.writeBytes(b);
      return;
    }
    switch ((CandidType.Primitive) t) {
      case NULL -> { }
      case BOOL -> out.write((Boolean) v ? 1 : 0);
      case NAT -> ulebBig(out, (BigInteger) v);
      case NAT64 -> {
        long x = (Long) v;
        for (int i = 0; i < 8; i++) {
          out.write((int) (x >>> (8 * i)));
        }
      }
      case TEXT -> {
        byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
        uleb(out, b.length);
        out.writeBytes(b);
      }
      default -> throw new IllegalStateException();
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
    long x = v;
    while (true) {
      int b = (int) (x & 0x7f);
      x >>= 7;
      boolean done = (x == 0 && (b & 0x40) == 0) || (x == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  /** Bounds-checked reading of a hostile byte string. */
  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    int u8() {
      if (pos >= b.length) {
        throw new IllegalArgumentException("truncated at byte " + pos);
      }
      return b[pos++] & 0xff;
    }

    long uleb() {
      long v = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        int x = u8();
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("LEB128 number too long at byte " + pos);
    }

    long sleb() {
      long v = 0;
      for (int shift = 0; shift < 63; shift += 7) {
        int x = u8();
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          if (shift + 7 < 64 && (x & 0x40) != 0) {
            v |= -1L << (shift + 7);
          }
          return v;
        }
      }
      throw new IllegalArgumentException("SLEB128 number too long at byte " + pos);
    }

    byte[] bytes(long n) {
      if (n > b.length - pos) {
        throw new IllegalArgumentException("length " + n + " past the end at byte " + pos);
      }
      byte[] out = Arrays.copyOfRange(b, pos, pos + (int) n);
      pos += (int) n;
      return out;
    }

    Object value(CandidType t) {
      if (t instanceof CandidType.Opt o) {
        int tag = u8();
        if (tag > 1) {
          throw new IllegalArgumentException("opt tag " + tag + " at byte " + (pos - 1));
        }
        return tag == 0 ? Optional.empty() : Optional.of(value(o.inner()));
      }
      if (t instanceof CandidType.Blob) {
        return bytes(uleb());
      }
      return switch ((CandidType.Primitive) t) {
        case NULL -> null;
        case BOOL -> {
          int x = u8();
          if (x > 1) {
            throw new IllegalArgumentException("bool " + x);
          }
          yield x == 1;
        }
        case NAT -> {
          BigInteger v = BigInteger.ZERO;
          for (int shift = 0; ; shift += 7) {
            if (shift > 1024) {
              throw new IllegalArgumentException("nat longer than 1024 bits");
            }
            int x = u8();
            v = v.or(BigInteger.valueOf(x & 0x7f).shiftLeft(shift));
            if ((x & 0x80) == 0) {
              yield v;
            }
          }
        }
        case NAT64 -> {
          long v = 0;
          for (int i = 0; i < 8; i++) {
            v |= (long) u8() << (8 * i);
          }
          yield v;
        }
        case TEXT -> {
          byte[] s = bytes(uleb());
          try {
            yield StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(s)).toString();
          } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not UTF-8");
          }
        }
      };
    }
  }
}
