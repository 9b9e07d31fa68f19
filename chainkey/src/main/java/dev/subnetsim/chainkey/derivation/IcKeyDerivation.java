package dev.subnetsim.chainkey.derivation;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The Internet Computer's public key derivation for canister threshold keys (docs/FORMATS.md, "IC
 * key derivation"), as implemented by dfinity/ic packages ic-secp256k1, ic-secp256r1, ic-ed25519
 * and translated by @dfinity/ic-pub-key 1.0.2.
 *
 * <ul>
 *   <li>secp256k1 (threshold ECDSA and BIP340 Schnorr; same derivation for both) and P-256: for
 *       each path component idx, {@code I = HMAC-SHA512(key = chain, P_sec1_compressed || idx)},
 *       offset = I[0..32] big-endian, next chain = I[32..64]. If offset >= n, retry with input
 *       {@code 0x01 || I[32..64]} (same key and idx); if P + offset*G is the identity, likewise
 *       (SLIP-10). This is BIP32/SLIP-10 non-hardened public derivation when idx is a 4-byte index
 *       below 2^31. P-256 derivation is defined by dfinity/ic packages/ic-secp256r1
 *       ({@code DerivationPath::ckd_pub}); @dfinity/ic-pub-key 1.0.2 does not cover P-256, and no
 *       mainnet P-256 master key is published there.
 *   <li>Ed25519: {@code okm = HKDF-SHA512(ikm = P_rfc8032 || idx, salt = chain, info = "Ed25519",
 *       L = 96)}, offset = okm[0..64] big-endian mod l, next chain = okm[64..96].
 * </ul>
 *
 * The offsets of all components are summed mod n; see {@link DerivedKey}.
 */
public final class IcKeyDerivation {
  private IcKeyDerivation() {}

  /** The IC's master chain code: 32 zero bytes. */
  public static byte[] masterChainCode() {
    return new byte[32];
  }

  /** Derives with the master chain code (32 zero bytes). */
  public static DerivedKey derive(EcPoint masterPublicKey, DerivationPath path) {
    return derive(masterPublicKey, masterChainCode(), path);
  }

  /**
   * Derives the public key, chain code and offset for {@code path} from a public key and chain
   * code (a master key or an already derived key: derivation composes).
   */
  public static DerivedKey derive(EcPoint publicKey, byte[] chainCode, DerivationPath path) {
    if (chainCode.length != 32) {
      throw new IllegalArgumentException("chain code must be 32 bytes, got " + chainCode.length);
    }
    if (publicKey.isIdentity()) {
      throw new IllegalArgumentException("cannot derive from the identity");
    }
    EcCurve curve = publicKey.curve();
    EcPoint p = publicKey;
    byte[] chain = chainCode.clone();
    EcScalar offset = EcScalar.zero(curve);
    for (int k = 0; k < path.size(); k++) {
      byte[] idx = path.component(k);
      Step s = curve.isEdwards() ? ed25519Step(p, chain, idx) : weierstrassStep(p, chain, idx);
      p = s.point;
      chain = s.chain;
      offset = offset.add(s.offset);
    }
    return new DerivedKey(p, chain, offset);
  }

  private record Step(EcPoint point, byte[] chain, EcScalar offset) {}

  /** ic_secp256k1 / ic_secp256r1 {@code ckd_pub} with the SLIP-10 retry rule. */
  private static Step weierstrassStep(EcPoint p, byte[] chain, byte[] idx) {
    EcCurve curve = p.curve();
    BigInteger n = curve.order();
    byte[] input = p.encode();
    while (true) {
      byte[] i = hmacSha512(chain, input, idx);
      byte[] left = Arrays.copyOfRange(i, 0, 32);
      byte[] right = Arrays.copyOfRange(i, 32, 64);
      BigInteger off = new BigInteger(1, left);
      if (off.compareTo(n) < 0) {
        EcScalar offset = EcScalar.of(curve, off);
        EcPoint next = p.add(EcPoint.mulGenerator(offset));
        if (!next.isIdentity()) {
          return new Step(next, right, offset);
        }
      }
      input = new byte[33];
      input[0] = 0x01;
      System.arraycopy(right, 0, input, 1, 32);
    }
  }

  /** ic_ed25519 {@code derive_offset}, one component. */
  private static Step ed25519Step(EcPoint p, byte[] chain, byte[] idx) {
    byte[] ikm = new byte[32 + idx.length];
    System.arraycopy(p.encode(), 0, ikm, 0, 32);
    System.arraycopy(idx, 0, ikm, 32, idx.length);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA512Digest());
    hkdf.init(new HKDFParameters(ikm, chain, "Ed25519".getBytes(StandardCharsets.US_ASCII)));
    byte[] okm = new byte[96];
    hkdf.generateBytes(okm, 0, 96);
    EcScalar offset = EcScalar.fromBytesReduced(EcCurve.ED25519, Arrays.copyOfRange(okm, 0, 64));
    EcPoint next = p.add(EcPoint.mulGenerator(offset));
    return new Step(next, Arrays.copyOfRange(okm, 64, 96), offset);
  }

  private static byte[] hmacSha512(byte[] key, byte[] a, byte[] b) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    mac.update(a, 0, a.length);
    mac.update(b, 0, b.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }
}
