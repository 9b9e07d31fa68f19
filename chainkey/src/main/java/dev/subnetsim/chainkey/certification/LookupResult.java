package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.Objects;

/**
 * Outcome of a lookup (interface spec, "Lookup"): {@code Found v}; {@code Absent} (provably not in
 * the tree); {@code Unknown} (pruned away, cannot tell); {@code Error} (the path names an inner
 * node, not a value).
 */
public sealed interface LookupResult {

  record Found(Bytes bytes) implements LookupResult {
    public Found {
      Objects.requireNonNull(bytes, "bytes");
    }

    public Found(byte[] value) {
      this(Bytes.of(value));
    }

    /** The value (a copy). */
    public byte[] value() {
      return bytes.toArray();
    }

    @Override
    public String toString() {
      return "Found[" + bytes.toHex() + "]";
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
