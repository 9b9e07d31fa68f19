package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import java.util.List;

/**
 * A caller's ECDH key x' = x + offset, derived from the subnet's master ECDH key x with the IC's
 * key derivation on the path {@code [canister id] ++ derivation_path}, so that no canister can
 * obtain x*Q or another canister's x'*Q: a request always yields the caller's own product.
 *
 * <ul>
 *   <li>P-256 and secp256k1: ic-secp256r1 / ic-secp256k1 {@code ckd_pub} (HMAC-SHA512 chain, the
 *       same rule as {@code ecdsa_public_key}), master chain code 32 zero bytes.
 *   <li>X25519: the key lives in edwards25519's prime-order group (see {@link ThresholdEcdh}), so
 *       it is derived exactly as {@code schnorr_public_key} derives Ed25519 keys (ic-ed25519:
 *       per component {@code okm = HKDF-SHA512(ikm = P_rfc8032 || component, salt = chain,
 *       info = "Ed25519", L = 96)}, offset = okm[0..64] big-endian mod l) on the edwards point of
 *       the master key, and the derived point's Montgomery u is the caller's X25519 public key.
 *       The offset is added to the (unclamped) scalar, mod l.
 * </ul>
 *
 * Each node's share becomes x_i + offset and its public share Y_i + offset*G (a sharing of x' with
 * the same threshold, as for threshold ECDSA), so the DLEQ proofs are made and checked against the
 * derived public shares.
 */
public record CallerEcdhKey(EcThresholdPublicKey publicKey, DerivedKey derivation) {

  /** The key of {@code canisterId} with {@code path}, derived from the subnet's master key. */
  public static CallerEcdhKey derive(EcThresholdPublicKey master, byte[] canisterId, List<byte[]> path) {
    DerivedKey d = IcKeyDerivation.derive(master.publicKey(), DerivationPath.forCanister(canisterId, path));
    return new CallerEcdhKey(d.deriveThresholdPublicKey(master), d);
  }

  /** Node masterShare.index()'s share of the caller's key: x_i + offset. */
  public EcSecretShare share(EcSecretShare masterShare) {
    return derivation.deriveShare(masterShare);
  }

  /** The caller's public key in the group's wire form (SEC1 compressed / X25519 u). */
  public byte[] wirePublicKey() {
    return ThresholdEcdh.subnetPublicKey(publicKey);
  }

  /** The derived chain code (for the public-key method's reply, as ecdsa_public_key returns it). */
  public byte[] chainCode() {
    return derivation.chainCode();
  }
}
