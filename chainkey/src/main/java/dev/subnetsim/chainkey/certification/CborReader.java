package dev.subnetsim.chainkey.certification;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict reader for the CBOR subset of {@link CborValue}. Rejects, with a
 * {@link MalformedCborException} naming the byte offset: truncated input, trailing bytes,
 * indefinite lengths (the IC never produces them), negative integers, floats and simple values,
 * non-text map keys, duplicate map keys, invalid UTF-8, and nesting deeper than
 * {@value #MAX_DEPTH} (a hash tree from the IC is far shallower; the bound stops stack exhaustion).
 */
public final class CborReader {

  static final int MAX_DEPTH = 256;

  private final byte[] in;
  private int pos;

  private CborReader(byte[] in) {
    this.in = in;
  }

  public static CborValue decode(byte[] bytes) {
    CborReader r = new CborReader(bytes);
    CborValue v = r.read(0);
    if (r.pos != bytes.length) {
      throw new MalformedCborException(
          "trailing bytes after the CBOR value: " + (bytes.length - r.pos) + " bytes at offset " + r.pos);
    }
    return v;
  }

  private CborValue read(int depth) {
    if (depth > MAX_DEPTH) {
      throw new MalformedCborException("CBOR nested deeper than " + MAX_DEPTH + " at offset " + pos);
    }
    int start = pos;
    int initial = u8();
    int major = initial >>> 5;
    int info = initial & 31;
    if (major == 7) {
      throw new MalformedCborException("unsupported CBOR float/simple value (major type 7) at offset " + start);
    }
    if (info == 31) {
      throw new MalformedCborException("indefinite-length CBOR item (major type " + major + ") at offset " + start);
    }
    long arg = argument(info, start);
    switch (major) {
      case 0:
        return new CborValue.UInt(arg);
      case 1:
        throw new MalformedCborException("unsupported negative CBOR integer at offset " + start);
      case 2:
        return new CborValue.Bytes(take(arg, start));
      case 3:
        return new CborValue.Text(utf8(take(arg, start), start));
      case 4: {
        List<CborValue> items = new ArrayList<>();
        for (long i = 0; i < arg; i++) {
          items.add(read(depth + 1));
        }
        return new CborValue.Array(items);
      }
      case 5: {
        Map<String, CborValue> entries = new LinkedHashMap<>();
        for (long i = 0; i < arg; i++) {
          int keyAt = pos;
          CborValue key = read(depth + 1);
          if (!(key instanceof CborValue.Text t)) {
            throw new MalformedCborException("CBOR map key is not a text string at offset " + keyAt);
          }
          CborValue value = read(depth + 1);
          if (entries.put(t.value(), value) != null) {
            throw new MalformedCborException("duplicate CBOR map key '" + t.value() + "' at offset " + keyAt);
          }
        }
        return new CborValue.MapValue(entries);
      }
      default: // 6
        return new CborValue.Tagged(arg, read(depth + 1));
    }
  }

  private long argument(int info, int start) {
    if (info < 24) {
      return info;
    }
    int n;
    switch (info) {
      case 24: n = 1; break;
      case 25: n = 2; break;
      case 26: n = 4; break;
      case 27: n = 8; break;
      default:
        throw new MalformedCborException("reserved CBOR additional information " + info + " at offset " + start);
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | u8();
    }
    if (v < 0) {
      throw new MalformedCborException("CBOR argument above 2^63-1 at offset " + start);
    }
    return v;
  }

  private int u8() {
    if (pos >= in.length) {
      throw new MalformedCborException("truncated CBOR: input ends at offset " + pos);
    }
    return in[pos++] & 0xff;
  }

  private byte[] take(long len, int start) {
    if (len > in.length - pos) {
      throw new MalformedCborException(
          "truncated CBOR: string at offset " + start + " declares " + len + " bytes, " + (in.length - pos) + " left");
    }
    byte[] out = java.util.Arrays.copyOfRange(in, pos, pos + (int) len);
    pos += (int) len;
    return out;
  }

  private static String utf8(byte[] b, int start) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedCborException("invalid UTF-8 in CBOR text string at offset " + start);
    }
  }
}
