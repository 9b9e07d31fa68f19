package dev.subnetsim.chainkey.certification;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Outcome of a lookup (interface spec, "Lookup"): {@code Found v}; {@code Absent} (provably not in
 * the tree); {@code Unknown} (pruned away, cannot tell); {@code Error} (the path names an inner
 * node, not a value).
 */
public sealed interface LookupResult {

  record Found(byte[] value) implements LookupResult {
    public Found {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Found f && Arrays.equals(value, f.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Found[" + HexFormat.of().formatHex(value) + "]";
    }
  }

  record Absent() implements LookupResult {}

  record Unknown() implements LookupResult {}

  record Error() implements LookupResult {}

  LookupResult ABSENT = new Absent();
  LookupResult UNKNOWN = new Unknown();
  LookupResult ERROR = new Error();

  default boolean isFound() {
    return this instanceof Found;
  }
}
