package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.ic.Principal;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A canister-signature public key (interface spec, "Canister signatures"): the signing canister's
 * id and a seed, DER-encoded as a SubjectPublicKeyInfo with algorithm OID 1.3.6.1.4.1.56387.1.2 and
 * no parameters: {@code 30 (17+L) 300c060a2b0601040183b8430102 03 (1+L) 00 · bits},
 * {@code bits = |canister_id| · canister_id · seed} (L = |bits|, short-form DER lengths, so L <= 110).
 */
public record CanisterSigPublicKey(Principal canisterId, byte[] seed) {

  private static final byte[] ALGORITHM = HexFormat.of().parseHex("300c060a2b0601040183b8430102");
  /** Keeps every DER length in short form (17 + L < 128). */
  public static final int MAX_BITS = 110;

  public CanisterSigPublicKey {
    Objects.requireNonNull(canisterId, "canisterId");
    seed = seed.clone();
    if (1 + canisterId.length() + seed.length > MAX_BITS) {
      throw new IllegalArgumentException("canister id and seed too long for a canister-signature key");
    }
  }

  @Override
  public byte[] seed() {
    return seed.clone();
  }

  public byte[] toDer() {
    byte[] cid = canisterId.toBytes();
    int l = 1 + cid.length + seed.length;
    byte[] out = new byte[2 + ALGORITHM.length + 3 + l];
    int i = 0;
    out[i++] = 0x30;
    out[i++] = (byte) (17 + l);
    System.arraycopy(ALGORITHM, 0, out, i, ALGORITHM.length);
    i += ALGORITHM.length;
    out[i++] = 0x03;
    out[i++] = (byte) (1 + l);
    out[i++] = 0x00;
    out[i++] = (byte) cid.length;
    System.arraycopy(cid, 0, out, i, cid.length);
    i += cid.length;
    System.arraycopy(seed, 0, out, i, seed.length);
    return out;
  }

  /**
   * @throws MalformedDerKeyException unless {@code der} is exactly the encoding above
   */
  public static CanisterSigPublicKey fromDer(byte[] der) {
    int n = der.length;
    int head = 2 + ALGORITHM.length + 3;
    if (n < head + 1 || n - 2 >= 128) {
      throw new MalformedDerKeyException("canister-signature key DER has a bad length: " + n);
    }
    int l = n - head;
    if ((der[0] & 0xff) != 0x30 || (der[1] & 0xff) != 17 + l) {
      throw new MalformedDerKeyException("canister-signature key DER does not start with SEQUENCE of length " + (17 + l));
    }
    if (!Arrays.equals(der, 2, 2 + ALGORITHM.length, ALGORITHM, 0, ALGORITHM.length)) {
      throw new MalformedDerKeyException("canister-signature key has a wrong algorithm (expected OID 1.3.6.1.4.1.56387.1.2)");
    }
    int i = 2 + ALGORITHM.length;
    if ((der[i] & 0xff) != 0x03 || (der[i + 1] & 0xff) != 1 + l || der[i + 2] != 0) {
      throw new MalformedDerKeyException("canister-signature key has a malformed BIT STRING header");
    }
    int cidLen = der[head] & 0xff;
    if (cidLen > l - 1 || cidLen > Principal.MAX_LENGTH) {
      throw new MalformedDerKeyException("canister-signature key: canister id length " + cidLen + " exceeds the key");
    }
    Principal cid = Principal.fromBytes(Arrays.copyOfRange(der, head + 1, head + 1 + cidLen));
    return new CanisterSigPublicKey(cid, Arrays.copyOfRange(der, head + 1 + cidLen, n));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanisterSigPublicKey k && canisterId.equals(k.canisterId) && Arrays.equals(seed, k.seed);
  }

  @Override
  public int hashCode() {
    return 31 * canisterId.hashCode() + Arrays.hashCode(seed);
  }

  @Override
  public String toString() {
    return "CanisterSigPublicKey[" + canisterId + ", seed=" + HexFormat.of().formatHex(seed) + "]";
  }
}
