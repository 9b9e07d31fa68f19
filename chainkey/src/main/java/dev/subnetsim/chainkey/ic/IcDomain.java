package dev.subnetsim.chainkey.ic;

import java.nio.charset.StandardCharsets;

/**
 * The interface spec's {@code domain_sep(s) = byte(|s|) · s}: a domain string prefixed by its
 * length in one byte (used for the hash tree, the state-root message, requests and delegations).
 */
public final class IcDomain {
  private IcDomain() {}

  public static byte[] separator(String domain) {
    byte[] s = domain.getBytes(StandardCharsets.US_ASCII);
    if (s.length > 255) {
      throw new IllegalArgumentException("domain separator longer than 255 bytes: " + domain);
    }
    byte[] out = new byte[1 + s.length];
    out[0] = (byte) s.length;
    System.arraycopy(s, 0, out, 1, s.length);
    return out;
  }

  /** {@code domain_sep(domain) · parts...}. */
  public static byte[] prefixed(String domain, byte[]... parts) {
    byte[] sep = separator(domain);
    int len = sep.length;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    System.arraycopy(sep, 0, out, 0, sep.length);
    int off = sep.length;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
