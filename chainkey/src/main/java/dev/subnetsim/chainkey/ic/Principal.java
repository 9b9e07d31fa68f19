package dev.subnetsim.chainkey.ic;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * An IC principal: an opaque blob of 0..29 bytes (interface spec, "Principals") with the
 * canonical textual form {@code Grouped(Base32(CRC32(b) · b))} ("Textual representation of
 * principals"): CRC32 (ISO 3309) big-endian, RFC 4648 base32 lowercase without padding, a dash
 * every 5 characters; parsing is case-insensitive and checks the CRC.
 *
 * <p>Ordering is the spec's lexicographic byte order (the order of canister ranges): unsigned
 * bytes, a proper prefix sorts first.
 */
public final class Principal implements Comparable<Principal> {

  public static final int MAX_LENGTH = 29;
  private static final byte SELF_AUTHENTICATING_SUFFIX = 0x02;
  private static final byte ANONYMOUS = 0x04;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private final Bytes bytes;

  private Principal(byte[] bytes) {
    this.bytes = Bytes.of(bytes);
  }

  /** @throws InvalidPrincipalException if longer than 29 bytes */
  public static Principal fromBytes(byte[] bytes) {
    if (bytes.length > MAX_LENGTH) {
      throw new InvalidPrincipalException(
          "a principal has at most " + MAX_LENGTH + " bytes, got " + bytes.length);
    }
    return new Principal(bytes);
  }

  /** The management canister {@code aaaaa-aa}: the empty blob. */
  public static Principal managementCanister() {
    return new Principal(new byte[0]);
  }

  /** The anonymous principal {@code 2vxsx-fae}: the single byte 0x04. */
  public static Principal anonymous() {
    return new Principal(new byte[] {ANONYMOUS});
  }

  /**
   * Self-authenticating id of a DER-encoded public key: {@code SHA-224(der) · 0x02} (29 bytes).
   */
  public static Principal selfAuthenticating(byte[] publicKeyDer) {
    byte[] out = new byte[MAX_LENGTH];
    byte[] hash = sha224(publicKeyDer);
    System.arraycopy(hash, 0, out, 0, hash.length);
    out[MAX_LENGTH - 1] = SELF_AUTHENTICATING_SUFFIX;
    return new Principal(out);
  }

  /**
   * Parses the textual form (case-insensitive).
   *
   * @throws InvalidPrincipalException for misplaced dashes, non-base32 characters, a body too short
   *     for the checksum, a principal over 29 bytes, a checksum mismatch, or a non-canonical text
   */
  public static Principal fromText(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String compact = lower.replace("-", "");
    byte[] decoded = base32Decode(compact, text);
    if (decoded.length < 4) {
      throw new InvalidPrincipalException("principal text too short for its CRC32: " + text);
    }
    byte[] body = Arrays.copyOfRange(decoded, 4, decoded.length);
    if (body.length > MAX_LENGTH) {
      throw new InvalidPrincipalException("principal text encodes " + body.length + " bytes (max 29): " + text);
    }
    Principal p = new Principal(body);
    if (!Arrays.equals(Arrays.copyOf(decoded, 4), crc32(body))) {
      throw new InvalidPrincipalException("principal text has a wrong CRC32 checksum: " + text);
    }
    if (!p.toText().equals(lower)) {
      throw new InvalidPrincipalException(
          "principal text is not canonical (dash grouping or trailing bits): " + text + ", expected " + p.toText());
    }
    return p;
  }

  public byte[] toBytes() {
    return bytes.toArray();
  }

  public int length() {
    return bytes.length();
  }

  /** True for {@code H(public_key) · 0x02} ids. */
  public boolean isSelfAuthenticating() {
    return bytes.length() == MAX_LENGTH
        && bytes.byteAt(MAX_LENGTH - 1) == SELF_AUTHENTICATING_SUFFIX;
  }

  public boolean isAnonymous() {
    return bytes.length() == 1 && bytes.byteAt(0) == ANONYMOUS;
  }

  public String toText() {
    byte[] body = bytes.toArray();
    byte[] all = new BigEndianWriter(4 + body.length).raw(crc32(body)).raw(body).toBytes();
    String b32 = base32Encode(all);
    StringBuilder sb = new StringBuilder(b32.length() + b32.length() / 5);
    for (int i = 0; i < b32.length(); i++) {
      if (i > 0 && i % 5 == 0) {
        sb.append('-');
      }
      sb.append(b32.charAt(i));
    }
    return sb.toString();
  }

  public String toHex() {
    return bytes.toHex();
  }

  @Override
  public int compareTo(Principal other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Principal p && bytes.equals(p.bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public String toString() {
    return toText();
  }

  private static byte[] crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return new BigEndianWriter(4).u32((int) crc.getValue()).toBytes();
  }

  private static String base32Encode(byte[] data) {
    StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  private static byte[] base32Decode(String compact, String original) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < compact.length(); i++) {
      int v = ALPHABET.indexOf(compact.charAt(i));
      if (v < 0) {
        throw new InvalidPrincipalException(
            "principal text has a character outside base32 ('" + compact.charAt(i) + "'): " + original);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  private static byte[] sha224(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-224").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-224 is a required JDK algorithm", e);
    }
  }
}
