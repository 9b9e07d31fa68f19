package dev.subnetsim.chainkey.fuzz;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.chainkey.certification.MalformedCborException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded decoder fuzzing (test support, shared by every module's decoder fuzz suite): feeds a
 * decoder random bytes and mutations of valid encodings (truncations, bit flips, length prefixes
 * set huge, CBOR headers declaring huge lengths, insertions, deletions, appended bytes) and checks
 * the decoder is total: every input either decodes or is rejected with the format's one exception.
 * CBOR inputs are also mutated value by value and re-encoded, so well-formed CBOR reaches the
 * format's own field checks.
 *
 * <p>The number of inputs per decoder is the system property {@value #INPUTS_PROPERTY}: the
 * parent pom sets 1,000 for the default (CI) run and 10,000 under {@code -Pslow}. Every input
 * comes from a {@link SplittableRandom} seeded by the caller, so a failure replays exactly.
 */
public final class DecoderFuzz {
  public static final String INPUTS_PROPERTY = "decoder.fuzz.inputs";
  private static final int DEFAULT_INPUTS = 1_000;
  /** 32-bit values a hostile length prefix or count takes. */
  private static final int[] HUGE = {0x7fffffff, 0xffffffff, 0x80000000, 0x40000000, 0x7ffffff0,
      0x00ffffff, 0x00010000, 0xfffffffe};
  /** CBOR initial bytes with a 4- or 8-byte argument: byte/text strings, arrays, maps, tags. */
  private static final int[] CBOR_LONG_HEADERS = {0x5a, 0x5b, 0x7a, 0x7b, 0x9a, 0x9b, 0xba, 0xbb,
      0xda, 0xdb};

  private DecoderFuzz() {}

  /** A decoder under test. */
  @FunctionalInterface
  public interface Decoder {
    Object decode(byte[] bytes) throws Exception;
  }

  /** How many inputs were decoded and how many rejected. */
  public record Outcome(int decoded, int rejected) {}

  /** Inputs per decoder in this run. */
  public static int inputs() {
    return Integer.getInteger(INPUTS_PROPERTY, DEFAULT_INPUTS);
  }

  /**
   * Checks that every {@code valid} encoding decodes, then that {@link #inputs()} fuzzed inputs
   * each decode or throw an instance of {@code rejection}; anything else fails with the input, its
   * mutation and the seed.
   */
  public static Outcome assertTotal(String name, long seed, List<byte[]> valid,
      Class<? extends Throwable> rejection, Decoder decoder) {
    if (valid.isEmpty()) {
      throw new IllegalArgumentException("fuzzing needs at least one valid encoding");
    }
    for (byte[] v : valid) {
      try {
        decoder.decode(v.clone());
      } catch (Throwable t) {
        throw new AssertionError(name + ": a valid encoding does not decode: " + hex(v), t);
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int decoded = 0;
    int rejected = 0;
    int n = inputs();
    for (int i = 0; i < n; i++) {
      byte[] base = valid.get(rng.nextInt(valid.size()));
      Mutation m = Mutation.values()[rng.nextInt(Mutation.values().length)];
      byte[] input = m.apply(base, rng);
      try {
        decoder.decode(input.clone());
        decoded++;
      } catch (Throwable t) {
        if (!rejection.isInstance(t)) {
          throw new AssertionError(name + " let " + t.getClass().getName() + " escape (expected "
              + rejection.getSimpleName() + ") on input " + i + " of seed " + seed + " (" + m
              + " of a valid encoding): " + hex(input) + "\n" + stackTrace(t), t);
        }
        rejected++;
      }
    }
    return new Outcome(decoded, rejected);
  }

  /** The ways an input is made. */
  enum Mutation {
    RANDOM_BYTES {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = new byte[r.nextInt(Math.max(64, 2 * valid.length) + 1)];
        r.nextBytes(out);
        // Often keep the valid leading bytes (a tag or version), so the body parser is reached.
        int keep = r.nextBoolean() ? Math.min(out.length, r.nextInt(1, 9)) : 0;
        System.arraycopy(valid, 0, out, 0, Math.min(keep, valid.length));
        return out;
      }
    },
    TRUNCATED {
      byte[] apply(byte[] valid, SplittableRandom r) {
        return Arrays.copyOf(valid, valid.length == 0 ? 0 : r.nextInt(valid.length));
      }
    },
    BIT_FLIPS {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = valid.clone();
        for (int k = r.nextInt(1, 5); k > 0 && out.length > 0; k--) {
          out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
      }
    },
    HUGE_LENGTH_PREFIX {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = valid.length < 4 ? Arrays.copyOf(valid, 4) : valid.clone();
        int at = r.nextInt(out.length - 3);
        int v = HUGE[r.nextInt(HUGE.length)];
        for (int k = 0; k < 4; k++) {
          out[at + k] = (byte) (v >>> (24 - 8 * k));
        }
        return out;
      }
    },
    HUGE_CBOR_HEADER {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = valid.length < 9 ? Arrays.copyOf(valid, 9) : valid.clone();
        int at = r.nextInt(out.length - 8);
        out[at] = (byte) CBOR_LONG_HEADERS[r.nextInt(CBOR_LONG_HEADERS.length)];
        out[at + 1] = (byte) (r.nextBoolean() ? 0x7f : 0xff);
        for (int k = 2; k < 9; k++) {
          out[at + k] = (byte) 0xff;
        }
        return out;
      }
    },
    INSERTED_BYTES {
      byte[] apply(byte[] valid, SplittableRandom r) {
        int at = r.nextInt(valid.length + 1);
        byte[] extra = new byte[r.nextInt(1, 17)];
        r.nextBytes(extra);
        byte[] out = new byte[valid.length + extra.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(valid, at, out, at + extra.length, valid.length - at);
        return out;
      }
    },
    DELETED_BYTES {
      byte[] apply(byte[] valid, SplittableRandom r) {
        if (valid.length == 0) {
          return valid.clone();
        }
        int at = r.nextInt(valid.length);
        int len = r.nextInt(1, Math.min(16, valid.length - at) + 1);
        byte[] out = new byte[valid.length - len];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(valid, at + len, out, at, valid.length - at - len);
        return out;
      }
    },
    APPENDED_BYTES {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = Arrays.copyOf(valid, valid.length + r.nextInt(1, 9));
        for (int k = valid.length; k < out.length; k++) {
          out[k] = (byte) r.nextInt(256);
        }
        return out;
      }
    },
    /** A run of 0xff: field elements and scalars at or above their modulus, huge counts. */
    RUN_OF_ONES {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = valid.clone();
        if (out.length > 0) {
          int at = r.nextInt(out.length);
          Arrays.fill(out, at, Math.min(out.length, at + r.nextInt(1, 49)), (byte) 0xff);
        }
        return out;
      }
    },
    /**
     * For CBOR encodings: one value of the decoded tree replaced (a byte or text string resized,
     * an integer set to an extreme, an array item or map entry dropped, any value swapped for
     * another type), re-encoded canonically; the result is well-formed CBOR, so it reaches the
     * format's field checks (a 30-byte principal, a missing field, a wrong type).
     */
    CBOR_VALUE {
      byte[] apply(byte[] valid, SplittableRandom r) {
        // CBOR, or CBOR behind a one-byte tag (a payload item, a query request).
        for (int prefix = 0; prefix <= 1 && prefix < valid.length; prefix++) {
          CborValue root;
          try {
            root = CborReader.decode(Arrays.copyOfRange(valid, prefix, valid.length));
          } catch (MalformedCborException notCbor) {
            continue;
          }
          int[] target = {r.nextInt(size(root))};
          byte[] body = CborWriter.encode(replace(root, target, r));
          byte[] out = Arrays.copyOf(valid, prefix + body.length);
          System.arraycopy(body, 0, out, prefix, body.length);
          return out;
        }
        return BIT_FLIPS.apply(valid, r);
      }
    },
    BYTE_SET_TO_EXTREME {
      byte[] apply(byte[] valid, SplittableRandom r) {
        byte[] out = valid.clone();
        if (out.length > 0) {
          int[] extremes = {0x00, 0xff, 0x7f, 0x80, 0x01};
          out[r.nextInt(out.length)] = (byte) extremes[r.nextInt(extremes.length)];
        }
        return out;
      }
    };

    abstract byte[] apply(byte[] valid, SplittableRandom r);
  }

  private static int size(CborValue v) {
    if (v instanceof CborValue.Array a) {
      return 1 + a.items().stream().mapToInt(DecoderFuzz::size).sum();
    } else if (v instanceof CborValue.MapValue m) {
      return 1 + m.entries().values().stream().mapToInt(DecoderFuzz::size).sum();
    } else if (v instanceof CborValue.Tagged t) {
      return 1 + size(t.content());
    }
    return 1;
  }

  /** {@code v} with its node number {@code target[0]} (pre-order) mutated. */
  private static CborValue replace(CborValue v, int[] target, SplittableRandom r) {
    if (target[0]-- == 0) {
      return mutated(v, r);
    }
    if (v instanceof CborValue.Array a) {
      List<CborValue> items = new ArrayList<>();
      a.items().forEach(i -> items.add(replace(i, target, r)));
      return new CborValue.Array(items);
    } else if (v instanceof CborValue.MapValue m) {
      Map<String, CborValue> entries = new LinkedHashMap<>();
      m.entries().forEach((k, x) -> entries.put(k, replace(x, target, r)));
      return new CborValue.MapValue(entries);
    } else if (v instanceof CborValue.Tagged t) {
      return new CborValue.Tagged(t.tag(), replace(t.content(), target, r));
    }
    return v;
  }

  private static CborValue mutated(CborValue v, SplittableRandom r) {
    if (r.nextInt(4) == 0) {
      return anyValue(r); // another type
    }
    if (v instanceof CborValue.Bytes b) {
      int len = b.value().length;
      byte[] out = Arrays.copyOf(b.value(), r.nextBoolean() ? len + r.nextInt(1, 40)
          : r.nextInt(len + 1));
      return new CborValue.Bytes(out);
    } else if (v instanceof CborValue.Text t) {
      return new CborValue.Text(r.nextBoolean() ? "" : t.value() + "\u00e9x");
    } else if (v instanceof CborValue.UInt) {
      long[] extremes = {0, 1, Long.MAX_VALUE, Integer.MAX_VALUE, 1L << 32};
      return new CborValue.UInt(extremes[r.nextInt(extremes.length)]);
    } else if (v instanceof CborValue.Array a && !a.items().isEmpty()) {
      List<CborValue> items = new ArrayList<>(a.items());
      if (r.nextBoolean()) {
        items.remove(r.nextInt(items.size()));
      } else {
        items.add(items.get(r.nextInt(items.size())));
      }
      return new CborValue.Array(items);
    } else if (v instanceof CborValue.MapValue m && !m.entries().isEmpty()) {
      Map<String, CborValue> entries = new LinkedHashMap<>(m.entries());
      List<String> keys = new ArrayList<>(entries.keySet());
      String key = keys.get(r.nextInt(keys.size()));
      if (r.nextBoolean()) {
        entries.remove(key);
      } else {
        entries.put(key + "_extra", entries.get(key));
      }
      return new CborValue.MapValue(entries);
    }
    return anyValue(r);
  }

  private static CborValue anyValue(SplittableRandom r) {
    return switch (r.nextInt(5)) {
      case 0 -> new CborValue.UInt(r.nextLong(Long.MAX_VALUE));
      case 1 -> new CborValue.Text("x");
      case 2 -> new CborValue.Array(List.of());
      case 3 -> new CborValue.MapValue(Map.of());
      default -> {
        byte[] b = new byte[r.nextInt(64)];
        r.nextBytes(b);
        yield new CborValue.Bytes(b);
      }
    };
  }

  private static String hex(byte[] b) {
    String h = HexFormat.of().formatHex(b, 0, Math.min(b.length, 512));
    return b.length > 512 ? h + "... (" + b.length + " bytes)" : h;
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
