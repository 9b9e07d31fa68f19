package dev.subnetsim.replica.state;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Length-prefixed big-endian fields: the checkpoint and state-sync form of a replicated state. */
final class StateCodec {
  private StateCodec() {}

  static final class Writer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    Writer u64(long v) {
      try {
        out.writeLong(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Writer bytes(byte[] v) {
      try {
        out.writeInt(v.length);
        out.write(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return this;
    }

    Writer text(String s) {
      return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Writer bool(boolean b) {
      return u64(b ? 1 : 0);
    }

    byte[] toBytes() {
      return bytes.toByteArray();
    }
  }

  static final class Reader {
    private final DataInputStream in;
    private final int total;

    Reader(byte[] bytes) {
      this.in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
      this.total = bytes.length;
    }

    long u64() {
      try {
        return in.readLong();
      } catch (IOException e) {
        throw new IllegalArgumentException("malformed state: truncated");
      }
    }

    /** An int written as a u64 (reject codes, call counts): a value beyond int is malformed. */
    int int32() {
      long v = u64();
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("malformed state: " + v + " is not a 32-bit value");
      }
      return (int) v;
    }

    int count(String what) {
      long n = u64();
      if (n < 0 || n > total) {
        throw new IllegalArgumentException("malformed state: " + n + " " + what);
      }
      return (int) n;
    }

    byte[] bytes() {
      try {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
          throw new IllegalArgumentException("malformed state: field of " + n + " bytes overruns");
        }
        return in.readNBytes(n);
      } catch (IOException e) {
        throw new IllegalArgumentException("malformed state: truncated");
      }
    }

    String text() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    boolean bool() {
      return u64() != 0;
    }

    void end() {
      try {
        if (in.available() > 0) {
          throw new IllegalArgumentException("malformed state: trailing bytes");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
