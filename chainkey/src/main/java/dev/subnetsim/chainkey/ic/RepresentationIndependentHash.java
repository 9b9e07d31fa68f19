package dev.subnetsim.chainkey.ic;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The interface spec's representation-independent hash of structured data ("Representation-
 * independent hashing of structured data", {@code hash_of_map}) and request ids ("Request ids":
 * the hash of a request's {@code content} map). Each present field contributes
 * {@code H(name) · H(value)}; the concatenations are sorted bytewise and hashed. Values: blobs
 * as-is, text as UTF-8, naturals as shortest unsigned LEB128, integers as shortest signed LEB128,
 * arrays as H of the concatenated element hashes, maps recursively.
 */
public final class RepresentationIndependentHash {
  private RepresentationIndependentHash() {}

  /** A value of a hashed map. */
  public sealed interface Value permits Blob, Text, Nat, Int, Array, MapValue {}

  public record Blob(Bytes value) implements Value {
    public Blob {
      Objects.requireNonNull(value, "value");
    }

    public Blob(byte[] bytes) {
      this(Bytes.of(bytes));
    }

    /** The blob (a copy). */
    public byte[] bytes() {
      return value.toArray();
    }
  }

  public record Text(String text) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  public record Nat(BigInteger value) implements Value {
    public Nat {
      if (value.signum() < 0) {
        throw new IllegalArgumentException("a natural number must not be negative: " + value);
      }
    }

    /** {@code value} taken as an unsigned 64-bit number (e.g. {@code ingress_expiry}). */
    public static Nat ofUnsigned(long value) {
      return new Nat(new BigInteger(Long.toUnsignedString(value)));
    }
  }

  public record Int(BigInteger value) implements Value {
    public Int {
      Objects.requireNonNull(value, "value");
    }
  }

  public record Array(List<Value> elements) implements Value {
    public Array {
      elements = List.copyOf(elements);
    }
  }

  public record MapValue(Map<String, Value> fields) implements Value {
    public MapValue {
      fields = Map.copyOf(fields);
    }
  }

  public static Blob blob(byte[] bytes) {
    return new Blob(bytes);
  }

  public static Text text(String s) {
    return new Text(s);
  }

  public static Nat nat(long unsignedValue) {
    return Nat.ofUnsigned(unsignedValue);
  }

  /** {@code hash_of_map}: the 32-byte representation-independent hash of a map. */
  public static byte[] hashOfMap(Map<String, Value> fields) {
    List<byte[]> items = new ArrayList<>(fields.size());
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      items.add(concat(sha256(e.getKey().getBytes(StandardCharsets.UTF_8)), hashOfValue(e.getValue())));
    }
    items.sort(Arrays::compareUnsigned);
    return sha256(concat(items.toArray(new byte[0][])));
  }

  /** A request id: the representation-independent hash of a request's {@code content} map. */
  public static byte[] requestId(Map<String, Value> content) {
    return hashOfMap(content);
  }

  /**
   * What a request signature covers (interface spec, "Authentication"):
   * {@code 0x0A · "ic-request" · request_id}.
   */
  public static byte[] requestSignatureMessage(byte[] requestId) {
    if (requestId.length != 32) {
      throw new IllegalArgumentException("a request id has 32 bytes, got " + requestId.length);
    }
    return IcDomain.prefixed(dev.subnetsim.chainkey.DomainSeparators.IC_REQUEST, requestId);
  }

  public static byte[] hashOfValue(Value value) {
    if (value instanceof Blob b) {
      return sha256(b.bytes());
    } else if (value instanceof Text t) {
      return sha256(t.text().getBytes(StandardCharsets.UTF_8));
    } else if (value instanceof Nat n) {
      return sha256(Leb128.encodeUnsigned(n.value()));
    } else if (value instanceof Int i) {
      return sha256(Leb128.encodeSigned(i.value()));
    } else if (value instanceof Array a) {
      return sha256(concat(a.elements().stream().map(RepresentationIndependentHash::hashOfValue).toArray(byte[][]::new)));
    } else {
      return hashOfMap(((MapValue) value).fields());
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
