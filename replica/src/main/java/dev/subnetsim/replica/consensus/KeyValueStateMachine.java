package dev.subnetsim.replica.consensus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The replicated state of a consensus run: a key-value map that each finalized ingress message
 * {@code key=value} updates (other messages are ignored, deterministically). The state root is
 * SHA-256 of the canonical encoding, which is also what state sync transfers.
 */
public final class KeyValueStateMachine {
  private final TreeMap<String, String> entries = new TreeMap<>();
  private long height;

  public long height() {
    return height;
  }

  public Map<String, String> entries() {
    return java.util.Collections.unmodifiableMap(entries);
  }

  /** Applies one finalized block's ingress at {@code newHeight}. */
  public void apply(long newHeight, Iterable<byte[]> ingress) {
    for (byte[] m : ingress) {
      String text = new String(m, StandardCharsets.UTF_8);
      int eq = text.indexOf('=');
      if (eq > 0) {
        entries.put(text.substring(0, eq), text.substring(eq + 1));
      }
    }
    height = newHeight;
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(12).putLong(height).putInt(entries.size()).array());
    entries.forEach((k, v) -> {
      for (String s : new String[] {k, v}) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
      }
    });
    return out.toByteArray();
  }

  public byte[] root() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(encode());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes a state received by state sync; rejects malformed bytes. */
  public static KeyValueStateMachine decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      KeyValueStateMachine s = new KeyValueStateMachine();
      s.height = b.getLong();
      int n = b.getInt();
      for (int i = 0; i < n; i++) {
        s.entries.put(string(b), string(b));
      }
      if (b.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes in state");
      }
      return s;
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("malformed state: " + e);
    }
  }

  private static String string(ByteBuffer b) {
    byte[] s = new byte[b.getInt()];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }
}
