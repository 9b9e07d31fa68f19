package dev.subnetsim.replica.management;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the CBOR maps that carry management-canister arguments and replies. The IC uses
 * Candid here; the simulator uses CBOR maps with the same field names (a simplification: canisters
 * are Java programs, so no Candid type table is needed, and chainkey already has canonical CBOR).
 */
final class CborFields {
  private final String method;
  private final Map<String, CborValue> entries;

  private CborFields(String method, Map<String, CborValue> entries) {
    this.method = method;
    this.entries = entries;
  }

  static CborFields read(String method, byte[] bytes) {
    CborValue v;
    try {
      v = CborReader.decode(bytes);
    } catch (RuntimeException e) {
      throw new InvalidManagementArgsException(method, "argument is not CBOR: " + e.getMessage());
    }
    if (!(v instanceof CborValue.MapValue m)) {
      throw new InvalidManagementArgsException(method, "argument must be a CBOR map");
    }
    return new CborFields(method, m.entries());
  }

  byte[] bytes(String field) {
    return optionalBytes(field).orElseThrow(() -> missing(field, "bytes"));
  }

  Optional<byte[]> optionalBytes(String field) {
    CborValue v = entries.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof CborValue.Bytes b)) {
      throw new InvalidManagementArgsException(method, "field '" + field + "' must be bytes");
    }
    return Optional.of(b.value());
  }

  String text(String field) {
    CborValue v = entries.get(field);
    if (v == null) {
      throw missing(field, "text");
    }
    if (!(v instanceof CborValue.Text t)) {
      throw new InvalidManagementArgsException(method, "field '" + field + "' must be text");
    }
    return t.value();
  }

  long uint(String field) {
    CborValue v = entries.get(field);
    if (!(v instanceof CborValue.UInt u)) {
      throw v == null ? missing(field, "unsigned integer")
          : new InvalidManagementArgsException(method, "field '" + field + "' must be an unsigned integer");
    }
    return u.value();
  }

  List<byte[]> bytesList(String field) {
    CborValue v = entries.get(field);
    if (v == null) {
      throw missing(field, "array of bytes");
    }
    if (!(v instanceof CborValue.Array a)) {
      throw new InvalidManagementArgsException(method, "field '" + field + "' must be an array");
    }
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < a.items().size(); i++) {
      if (!(a.items().get(i) instanceof CborValue.Bytes b)) {
        throw new InvalidManagementArgsException(method, "field '" + field + "'[" + i + "] must be bytes");
      }
      out.add(b.value());
    }
    return out;
  }

  private InvalidManagementArgsException missing(String field, String type) {
    return new InvalidManagementArgsException(method, "missing field '" + field + "' (" + type + ")");
  }

  /** Builds a map in insertion order (callers insert fields alphabetically: canonical bytes). */
  static final class Builder {
    private final Map<String, CborValue> entries = new LinkedHashMap<>();

    Builder bytes(String field, byte[] value) {
      entries.put(field, new CborValue.Bytes(value));
      return this;
    }

    Builder optionalBytes(String field, Optional<byte[]> value) {
      value.ifPresent(v -> bytes(field, v));
      return this;
    }

    Builder text(String field, String value) {
      entries.put(field, new CborValue.Text(value));
      return this;
    }

    Builder uint(String field, long value) {
      entries.put(field, new CborValue.UInt(value));
      return this;
    }

    Builder bytesList(String field, List<byte[]> values) {
      entries.put(field, new CborValue.Array(values.stream().<CborValue>map(CborValue.Bytes::new).toList()));
      return this;
    }

    byte[] encode() {
      return CborWriter.encode(new CborValue.MapValue(entries));
    }
  }
}
