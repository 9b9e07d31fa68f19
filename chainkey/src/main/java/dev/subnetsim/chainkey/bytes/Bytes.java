package dev.subnetsim.chainkey.bytes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An immutable byte string with value semantics: equals, hashCode ({@link Arrays#hashCode}, so a
 * list of these hashes as a list of the arrays did), unsigned lexicographic order and hex. Holders
 * of byte fields keep one of these instead of a defensively copied array and hand-written
 * Arrays.equals / clone code. The array goes in and out as copies only.
 */
public final class Bytes implements Comparable<Bytes> {

  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] value;

  private Bytes(byte[] value) {
    this.value = value;
  }

  /** A copy of {@code b}. */
  public static Bytes of(byte[] b) {
    return b.length == 0 ? EMPTY : new Bytes(b.clone());
  }

  /** A copy of each array, in order. */
  public static List<Bytes> ofEach(List<byte[]> arrays) {
    return arrays.stream().map(Bytes::of).toList();
  }

  public static Bytes empty() {
    return EMPTY;
  }

  /**
   * From hex text (either case).
   *
   * @throws IllegalArgumentException if the text is not an even number of hex digits
   */
  public static Bytes fromHex(String hex) {
    return new Bytes(HexFormat.of().parseHex(hex));
  }

  public int length() {
    return value.length;
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  /**
   * Byte {@code i}.
   *
   * @throws IndexOutOfBoundsException unless 0 &lt;= i &lt; length()
   */
  public byte byteAt(int i) {
    return value[i];
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return value.clone();
  }

  /** Lowercase hex. */
  public String toHex() {
    return HexFormat.of().formatHex(value);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(value, o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(value, b.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
