package dev.subnetsim.replica.xnet;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed fields of {@link StreamMessage}s. */
final class StreamCodec {
  private StreamCodec() {}

  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  static byte[] write(Body body) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      body.write(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static void bytes(DataOutputStream out, byte[] v) throws IOException {
    out.writeInt(v.length);
    out.write(v);
  }

  static byte[] bytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("length " + n + " overruns");
    }
    return in.readNBytes(n);
  }
}
