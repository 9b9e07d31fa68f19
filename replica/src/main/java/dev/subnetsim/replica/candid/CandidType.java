package dev.subnetsim.replica.candid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Candid types this codec reads and writes: every primitive, {@code opt}, {@code vec}
 * ({@code blob} is {@code vec nat8}), {@code record} and {@code variant}. Function and service
 * references are not supported (no method here takes one).
 */
public sealed interface CandidType {
  /** A primitive type by its (negative) type code. */
  enum Primitive implements CandidType {
    NULL(-1), BOOL(-2), NAT(-3), INT(-4), NAT8(-5), NAT16(-6), NAT32(-7), NAT64(-8), INT8(-9),
    INT16(-10), INT32(-11), INT64(-12), FLOAT32(-13), FLOAT64(-14), TEXT(-15), RESERVED(-16),
    EMPTY(-17), PRINCIPAL(-24);

    final int code;

    Primitive(int code) {
      this.code = code;
    }

    static Primitive ofCode(long code) {
      for (Primitive p : values()) {
        if (p.code == code) {
          return p;
        }
      }
      return null;
    }
  }

  /** {@code opt T}: values are {@link java.util.Optional}. */
  record Opt(CandidType inner) implements CandidType {
    public Opt {
      Objects.requireNonNull(inner);
    }
  }

  /** {@code vec T} for T other than nat8: values are {@link List}. */
  record Vec(CandidType inner) implements CandidType {
    public Vec {
      if (inner == Primitive.NAT8) {
        throw new IllegalArgumentException("vec nat8 is CandidType.BLOB");
      }
    }
  }

  /** {@code vec nat8}, written {@code blob}: values are {@code byte[]}. */
  record Blob() implements CandidType {}

  /**
   * A field of a record or a case of a variant. Its id is the name's hash (Candid's
   * {@code idlHash}), or the number itself for a numeric name ({@code "0"}, {@code "1"}: tuples).
   */
  record Field(String name, CandidType type) {
    public long id() {
      return idOf(name);
    }
  }

  /**
   * {@code record { ... }}: values are {@code Map<String, Object>} by field name. The fields are
   * kept sorted by id, the order they travel in.
   */
  record Record(List<Field> fields) implements CandidType {
    public Record {
      fields = sortedById(fields);
    }
  }

  /**
   * {@code variant { ... }}: values are {@link CandidVariant}; a case without data has type
   * {@code null}. The cases are kept sorted by id, the order that numbers them on the wire.
   */
  record Variant(List<Field> fields) implements CandidType {
    public Variant {
      fields = sortedById(fields);
    }
  }

  CandidType TEXT = Primitive.TEXT;
  CandidType NAT64 = Primitive.NAT64;
  CandidType NAT = Primitive.NAT;
  CandidType BOOL = Primitive.BOOL;
  CandidType NULL = Primitive.NULL;
  CandidType PRINCIPAL = Primitive.PRINCIPAL;
  CandidType BLOB = new Blob();

  static CandidType opt(CandidType inner) {
    return new Opt(inner);
  }

  static CandidType vec(CandidType inner) {
    return inner == Primitive.NAT8 ? BLOB : new Vec(inner);
  }

  static Field field(String name, CandidType type) {
    return new Field(name, type);
  }

  static Record record(Field... fields) {
    return new Record(List.of(fields));
  }

  /** A variant whose named cases carry no data ({@code variant { a; b }}). */
  static Variant enumeration(String... cases) {
    List<Field> fs = new ArrayList<>();
    for (String c : cases) {
      fs.add(new Field(c, NULL));
    }
    return new Variant(fs);
  }

  static Variant variant(Field... cases) {
    return new Variant(List.of(cases));
  }

  /** Candid's field id: a decimal name is its number, any other the idlHash of its UTF-8. */
  static long idOf(String name) {
    if (!name.isEmpty() && name.length() <= 10 && name.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(name);
      if (n <= 0xffffffffL) {
        return n;
      }
    }
    long h = 0;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h * 223 + (b & 0xff)) & 0xffffffffL;
    }
    return h;
  }

  private static List<Field> sortedById(List<Field> fields) {
    List<Field> sorted = new ArrayList<>(fields);
    sorted.sort(Comparator.comparingLong(Field::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id() == sorted.get(i - 1).id()) {
        throw new IllegalArgumentException("fields " + sorted.get(i - 1).name() + " and "
            + sorted.get(i).name() + " have the same id");
      }
    }
    return List.copyOf(sorted);
  }
}
