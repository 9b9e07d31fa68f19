package dev.subnetsim.scenarios.trace;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The running trace hash: SHA-256 over the length-prefixed {@link TraceEncoding} of every event, in
 * trace order. Same seed => same hash, whatever the thread count (docs/ARCHITECTURE.md,
 * "Determinism"). No I/O here; writing the trace is the caller's business ({@link TraceSink}).
 */
public final class TraceHasher {
  private final MessageDigest digest;
  private long events;

  public TraceHasher() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  public void record(TraceEvent event) {
    byte[] enc = TraceEncoding.encode(event);
    digest.update(new byte[] {
        (byte) (enc.length >>> 24), (byte) (enc.length >>> 16), (byte) (enc.length >>> 8),
        (byte) enc.length});
    digest.update(enc);
    events++;
  }

  public long events() {
    return events;
  }

  /** The hash of the events so far (the running digest is not disturbed). */
  public byte[] hash() {
    try {
      return ((MessageDigest) digest.clone()).digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest not cloneable", e);
    }
  }

  public String hashHex() {
    return HexFormat.of().formatHex(hash());
  }
}
