package dev.subnetsim.chainkey.certification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of CBOR (RFC 8949) the IC's certification formats use: unsigned integers, byte
 * strings, text strings, arrays, maps with text keys, and tags (55799, the self-describing tag).
 * Read by {@link CborReader}, written canonically by {@link CborWriter}.
 */
public sealed interface CborValue {

  /** Major type 0. */
  record UInt(long value) implements CborValue {
    public UInt {
      if (value < 0) {
        throw new IllegalArgumentException("CBOR unsigned integers above 2^63-1 are not supported here");
      }
    }
  }

  /** Major type 2. */
  record Bytes(dev.subnetsim.chainkey.bytes.Bytes bytes) implements CborValue {
    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }

    public Bytes(byte[] value) {
      this(dev.subnetsim.chainkey.bytes.Bytes.of(value));
    }

    /** The byte string (a copy). */
    public byte[] value() {
      return bytes.toArray();
    }

    @Override
    public String toString() {
      return "h'" + bytes.toHex() + "'";
    }
  }

  /** Major type 3. */
  record Text(String value) implements CborValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Major type 4. */
  record Array(List<CborValue> items) implements CborValue {
    public Array {
      items = List.copyOf(items);
    }
  }

  /** Major type 5 with text keys, in encoding order. */
  record MapValue(Map<String, CborValue> entries) implements CborValue {
    public MapValue {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** Major type 6. */
  record Tagged(long tag, CborValue content) implements CborValue {
    public Tagged {
      Objects.requireNonNull(content, "content");
    }
  }

  /** The self-describing CBOR tag (RFC 8949 section 3.4.6); IC messages may start with it. */
  long SELF_DESCRIBE_TAG = 55799;

  static CborValue selfDescribed(CborValue content) {
    return new Tagged(SELF_DESCRIBE_TAG, content);
  }

  /** {@code v} without any number of leading self-describe tags. */
  static CborValue stripSelfDescribe(CborValue v) {
    CborValue cur = v;
    while (cur instanceof Tagged t && t.tag() == SELF_DESCRIBE_TAG) {
      cur = t.content();
    }
    return cur;
  }
}
