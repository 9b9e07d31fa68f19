package dev.subnetsim.replica.candid;

import java.math.BigInteger;
import java.nio.ByteBuffer;
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
 * Reads one Candid message from hostile bytes: the type table as sent (possibly recursive, kept
 * as references), then each value as the type the method expects, through Candid's subtyping
 * (see {@link Candid}). Every length is checked against the bytes left, nesting is bounded, and
 * a {@code vec} of zero-sized values is bounded too, so no message costs more than its size.
 */
final class CandidReader {
  private static final int MAX_DEPTH = 128;
  /** Elements of a vec whose values take no bytes (vec null): nothing here needs more. */
  private static final long MAX_ZERO_SIZED = 1 << 16;

  /** A type table entry: opt/vec with an inner reference, or record/variant with fields. */
  private record Entry(int op, long inner, long[] ids, long[] refs) {}

  private final byte[] b;
  private int pos;
  private Entry[] table;

  CandidReader(byte[] bytes) {
    this.b = bytes;
  }

  List<Object> decode(List<CandidType> expected) {
    if (!Candid.isCandid(b)) {
      throw new IllegalArgumentException("not Candid: missing the DIDL magic");
    }
    pos = 4;
    readTable();
    long count = uleb();
    if (count > Candid.MAX_TYPES) {
      throw new IllegalArgumentException(count + " arguments (at most " + Candid.MAX_TYPES + ")");
    }
    long[] args = new long[(int) count];
    for (int i = 0; i < count; i++) {
      args[i] = checkedRef(sleb());
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (i < expected.size()) {
        values.add(read(args[i], expected.get(i), "argument " + i, 0));
      } else {
        skip(args[i], 0);
      }
    }
    for (int i = args.length; i < expected.size(); i++) {
      values.add(absent(expected.get(i), "argument " + i));
    }
    if (pos != b.length) {
      throw new IllegalArgumentException((b.length - pos) + " bytes after the values");
    }
    return values;
  }

  private void readTable() {
    long entries = uleb();
    if (entries > Candid.MAX_TYPES) {
      throw new IllegalArgumentException("type table of " + entries + " entries (at most "
          + Candid.MAX_TYPES + ")");
    }
    table = new Entry[(int) entries];
    for (int i = 0; i < entries; i++) {
      int op = (int) sleb();
      if (op == Candid.OPT || op == Candid.VEC) {
        table[i] = new Entry(op, sleb(), null, null);
      } else if (op == Candid.RECORD || op == Candid.VARIANT) {
        long n = uleb();
        if (n > Candid.MAX_TYPES) {
          throw new IllegalArgumentException(n + " fields (at most " + Candid.MAX_TYPES + ")");
        }
        long[] ids = new long[(int) n];
        long[] refs = new long[(int) n];
        for (int j = 0; j < n; j++) {
          ids[j] = uleb();
          if (ids[j] > 0xffffffffL || (j > 0 && ids[j] <= ids[j - 1])) {
            throw new IllegalArgumentException("field ids out of order in type " + i);
          }
          refs[j] = sleb();
        }
        table[i] = new Entry(op, 0, ids, refs);
      } else {
        throw new IllegalArgumentException("unsupported type table entry " + op);
      }
    }
    for (Entry e : table) {
      if (e.refs == null) {
        checkedRef(e.inner);
      } else {
        Arrays.stream(e.refs).forEach(this::checkedRef);
      }
    }
  }

  private long checkedRef(long ref) {
    if (ref >= 0 ? ref >= table.length : CandidType.Primitive.ofCode(ref) == null) {
      throw new IllegalArgumentException("type reference " + ref + " is not a type");
    }
    return ref;
  }

  private String wireName(long ref) {
    if (ref < 0) {
      return CandidType.Primitive.ofCode(ref).name().toLowerCase();
    }
    return switch (table[(int) ref].op) {
      case Candid.OPT -> "opt";
      case Candid.VEC -> "vec";
      case Candid.RECORD -> "record";
      default -> "variant";
    };
  }

  private IllegalArgumentException mismatch(String where, long ref, CandidType expected) {
    return new IllegalArgumentException(where + ": a " + wireName(ref) + " where " + expected
        + " is expected");
  }

  /** The value of an opt that is not there: none (and null for null/reserved). */
  private static Object absent(CandidType expected, String where) {
    if (expected instanceof CandidType.Opt) {
      return Optional.empty();
    }
    if (expected == CandidType.Primitive.NULL || expected == CandidType.Primitive.RESERVED) {
      return null;
    }
    throw new IllegalArgumentException(where + " is missing");
  }

  private Object read(long ref, CandidType expected, String where, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(where + ": nested deeper than " + MAX_DEPTH);
    }
    if (expected == CandidType.Primitive.RESERVED) {
      skip(ref, depth);
      return null;
    }
    Entry e = ref >= 0 ? table[(int) ref] : null;
    if (expected instanceof CandidType.Opt o) {
      if (ref == CandidType.Primitive.NULL.code || ref == CandidType.Primitive.RESERVED.code) {
        skip(ref, depth);
        return Optional.empty();
      }
      if (e == null || e.op != Candid.OPT) {
        throw mismatch(where, ref, expected);
      }
      int tag = u8();
      if (tag > 1) {
        throw new IllegalArgumentException(where + ": opt tag " + tag + " at byte " + (pos - 1));
      }
      return tag == 0 ? Optional.empty()
          : Optional.of(read(e.inner, o.inner(), where, depth + 1));
    }
    if (expected instanceof CandidType.Blob) {
      if (e == null || e.op != Candid.VEC || e.inner != CandidType.Primitive.NAT8.code) {
        throw mismatch(where, ref, expected);
      }
      return bytes(uleb());
    }
    if (expected instanceof CandidType.Vec v) {
      if (e == null || e.op != Candid.VEC) {
        throw mismatch(where, ref, expected);
      }
      long n = vecLength(e.inner);
      List<Object> items = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        items.add(read(e.inner, v.inner(), where + "[" + i + "]", depth + 1));
      }
      return items;
    }
    if (expected instanceof CandidType.Record r) {
      if (e == null || e.op != Candid.RECORD) {
        throw mismatch(where, ref, expected);
      }
      return record(e, r, where, depth);
    }
    if (expected instanceof CandidType.Variant v) {
      if (e == null || e.op != Candid.VARIANT) {
        throw mismatch(where, ref, expected);
      }
      long index = uleb();
      if (index >= e.ids.length) {
        throw new IllegalArgumentException(where + ": variant index " + index + " of "
            + e.ids.length);
      }
      for (CandidType.Field f : v.fields()) {
        if (f.id() == e.ids[(int) index]) {
          return new CandidVariant(f.name(), read(e.refs[(int) index], f.type(),
              where + "." + f.name(), depth + 1));
        }
      }
      throw new IllegalArgumentException(where + ": variant case " + e.ids[(int) index]
          + " is not one of " + v);
    }
    CandidType.Primitive p = (CandidType.Primitive) expected;
    if (ref != p.code) {
      throw mismatch(where, ref, expected);
    }
    return primitive(p, where);
  }

  private Map<String, Object> record(Entry e, CandidType.Record r, String where, int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int j = 0; j < e.ids.length; j++) {
      CandidType.Field known = null;
      for (CandidType.Field f : r.fields()) {
        if (f.id() == e.ids[j]) {
          known = f;
        }
      }
      if (known == null) {
        skip(e.refs[j], depth + 1);
      } else {
        out.put(known.name(), read(e.refs[j], known.type(), where + "." + known.name(),
            depth + 1));
      }
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (CandidType.Field f : r.fields()) {
      ordered.put(f.name(), out.containsKey(f.name()) ? out.get(f.name())
          : absent(f.type(), where + "." + f.name()));
    }
    return ordered;
  }

  /** Reads past a value of a wire type the method does not know. */
  private void skip(long ref, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("a value nested deeper than " + MAX_DEPTH);
    }
    if (ref < 0) {
      primitive(CandidType.Primitive.ofCode(ref), "a skipped value");
      return;
    }
    Entry e = table[(int) ref];
    switch (e.op) {
      case Candid.OPT -> {
        int tag = u8();
        if (tag > 1) {
          throw new IllegalArgumentException("opt tag " + tag + " at byte " + (pos - 1));
        }
        if (tag == 1) {
          skip(e.inner, depth + 1);
        }
      }
      case Candid.VEC -> {
        long n = vecLength(e.inner);
        for (long i = 0; i < n; i++) {
          skip(e.inner, depth + 1);
        }
      }
      case Candid.RECORD -> {
        for (long f : e.refs) {
          skip(f, depth + 1);
        }
      }
      default -> {
        long index = uleb();
        if (index >= e.ids.length) {
          throw new IllegalArgumentException("variant index " + index + " of " + e.ids.length);
        }
        skip(e.refs[(int) index], depth + 1);
      }
    }
  }

  /** A vec's length, no more than the bytes left (or a small bound for zero-sized values). */
  private long vecLength(long inner) {
    long n = uleb();
    boolean zeroSized = inner == CandidType.Primitive.NULL.code
        || inner == CandidType.Primitive.RESERVED.code
        || (inner >= 0 && table[(int) inner].op == Candid.RECORD
            && table[(int) inner].ids.length == 0);
    if (n > (zeroSized ? MAX_ZERO_SIZED : b.length - pos)) {
      throw new IllegalArgumentException("vec of " + n + " values in " + (b.length - pos)
          + " bytes");
    }
    return n;
  }

  private Object primitive(CandidType.Primitive p, String where) {
    return switch (p) {
      case NULL, RESERVED -> null;
      case EMPTY -> throw new IllegalArgumentException(where + ": a value of type empty");
      case BOOL -> {
        int x = u8();
        if (x > 1) {
          throw new IllegalArgumentException(where + ": bool " + x);
        }
        yield x == 1;
      }
      case NAT -> leb(false);
      case INT -> leb(true);
      case NAT8 -> (int) little(1);
      case NAT16 -> (int) little(2);
      case NAT32 -> little(4);
      case NAT64, INT64 -> little(8);
      case INT8 -> (int) (byte) little(1);
      case INT16 -> (int) (short) little(2);
      case INT32 -> (int) little(4);
      case FLOAT32 -> Float.intBitsToFloat((int) little(4));
      case FLOAT64 -> Double.longBitsToDouble(little(8));
      case TEXT -> text(bytes(uleb()), where);
      case PRINCIPAL -> {
        if (u8() != 1) {
          throw new IllegalArgumentException(where + ": an opaque principal reference");
        }
        long n = uleb();
        if (n > 29) {
          throw new IllegalArgumentException(where + ": a principal of " + n + " bytes");
        }
        yield bytes(n);
      }
    };
  }

  private static String text(byte[] s, String where) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(s)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(where + ": text is not UTF-8");
    }
  }

  private int u8() {
    if (pos >= b.length) {
      throw new IllegalArgumentException("truncated at byte " + pos);
    }
    return b[pos++] & 0xff;
  }

  private long little(int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v |= (long) u8() << (8 * i);
    }
    return v;
  }

  /** nat or int in (S)LEB128, at most 1024 bits. */
  private BigInteger leb(boolean signed) {
    BigInteger v = BigInteger.ZERO;
    for (int shift = 0; ; shift += 7) {
      if (shift > 1024) {
        throw new IllegalArgumentException("a number longer than 1024 bits");
      }
      int x = u8();
      v = v.or(BigInteger.valueOf(x & 0x7f).shiftLeft(shift));
      if ((x & 0x80) == 0) {
        return signed && (x & 0x40) != 0 ? v.subtract(BigInteger.ONE.shiftLeft(shift + 7)) : v;
      }
    }
  }

  private long uleb() {
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

  private long sleb() {
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

  private byte[] bytes(long n) {
    if (n > b.length - pos) {
      throw new IllegalArgumentException("length " + n + " past the end at byte " + pos);
    }
    byte[] out = Arrays.copyOfRange(b, pos, pos + (int) n);
    pos += (int) n;
    return out;
  }
}
