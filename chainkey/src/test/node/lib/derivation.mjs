// IC per-canister key derivation, computed by code that is not ours wherever such code exists.
//
// - secp256k1 (ECDSA and BIP340) and Ed25519: @dfinity/ic-pub-key 1.0.2, DFINITY's TypeScript port
//   of ic_secp256k1 / ic_ed25519 (`deriveSubkeyWithChainCode`).
// - P-256: ic-pub-key 1.0.2 has no P-256 module. The derivation below is the harness's own
//   transcription of dfinity/ic packages/ic-secp256r1 (DerivationPath::ckd / ckd_pub): the same
//   construction as secp256k1 (HMAC-SHA512 keyed by the chain code over P_compressed || idx,
//   retry with 0x01 || I[32..64] if I[0..32] >= n or the point is infinity) on noble's p256.
//   It is independent of the Java code, but it is not a DFINITY library; results say so.
import { ecdsa, schnorr } from '@dfinity/ic-pub-key';
import { p256 } from '@noble/curves/nist';
import { hmac } from '@noble/hashes/hmac';
import { sha512 } from '@noble/hashes/sha2';
import { MasterPublicKey } from '@dfinity/vetkeys';
import { toHex } from './fields.mjs';

/** Supported schemes: the derivation families of docs/FORMATS.md, "IC key derivation". */
export const SCHEMES = ['ecdsa_secp256k1', 'ecdsa_p256', 'bip340', 'ed25519', 'vetkd'];

/**
 * Derives (public key, chain code) for path = [canister id bytes] ++ derivationPath.
 * @returns {{publicKey: string, chainCode: string, source: string}} hex strings
 */
export function derive(scheme, masterPublicKeyHex, chainCodeHex, canisterIdBytes, derivationPath) {
  const path = [canisterIdBytes, ...derivationPath];
  switch (scheme) {
    case 'ecdsa_secp256k1': {
      const key = ecdsa.secp256k1.PublicKeyWithChainCode.fromHex({
        public_key: masterPublicKeyHex,
        chain_code: chainCodeHex,
      });
      const out = key.deriveSubkeyWithChainCode(new ecdsa.secp256k1.DerivationPath(path));
      return { publicKey: out.public_key.toHex(), chainCode: out.chain_code.toHex(), source: 'ic-pub-key' };
    }
    case 'bip340': {
      const m = schnorr.bip340secp256k1;
      const key = m.PublicKeyWithChainCode.fromHex({ public_key: masterPublicKeyHex, chain_code: chainCodeHex });
      const out = key.deriveSubkeyWithChainCode(new m.DerivationPath(path));
      return { publicKey: out.public_key.toHex(), chainCode: out.chain_code.toHex(), source: 'ic-pub-key' };
    }
    case 'ed25519': {
      const m = schnorr.ed25519;
      const key = m.PublicKeyWithChainCode.fromHex(masterPublicKeyHex, chainCodeHex);
      const out = key.deriveSubkeyWithChainCode(new m.DerivationPath(path));
      return { publicKey: out.public_key.toHex(), chainCode: out.chain_code.toHex(), source: 'ic-pub-key' };
    }
    case 'vetkd': {
      // vetKD has no chain code; the derivation path is [context] (empty context allowed).
      if (derivationPath.length > 1) {
        throw new Error('vetkd derivation takes at most one path component, the context');
      }
      const dpk = MasterPublicKey.deserialize(Uint8Array.from(Buffer.from(masterPublicKeyHex, 'hex')))
        .deriveCanisterKey(canisterIdBytes)
        .deriveSubKey(derivationPath[0] ?? new Uint8Array());
      return { publicKey: toHex(dpk.publicKeyBytes()), chainCode: '', source: '@dfinity/vetkeys' };
    }
    case 'ecdsa_p256':
      return { ...deriveP256(masterPublicKeyHex, chainCodeHex, path), source: 'harness-p256' };
    default:
      throw new Error(`unknown derivation scheme ${scheme}`);
  }
}

function deriveP256(masterPublicKeyHex, chainCodeHex, path) {
  const n = p256.CURVE.n;
  let point = p256.Point.fromHex(masterPublicKeyHex);
  let chain = Uint8Array.from(Buffer.from(chainCodeHex, 'hex'));
  if (chain.length !== 32) {
    throw new Error('chain code must be 32 bytes');
  }
  for (const idx of path) {
    let input = point.toBytes(true);
    for (;;) {
      let i = hmac(sha512, chain, concat(input, idx));
      let offset = BigInt('0x' + toHex(i.subarray(0, 32)));
      while (offset >= n) {
        i = hmac(sha512, chain, concat(concat(Uint8Array.of(1), i.subarray(32)), idx));
        offset = BigInt('0x' + toHex(i.subarray(0, 32)));
      }
      const next = offset === 0n ? point : point.add(p256.Point.BASE.multiply(offset));
      if (!next.equals(p256.Point.ZERO)) {
        point = next;
        chain = Uint8Array.from(i.subarray(32));
        break;
      }
      input = concat(Uint8Array.of(1), i.subarray(32));
    }
  }
  return { publicKey: toHex(point.toBytes(true)), chainCode: toHex(chain) };
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * The master public keys published by @dfinity/ic-pub-key 1.0.2 (mainnet and PocketIC), all with
 * the all-zero master chain code.
 */
export function publishedMasterKeys() {
  const out = [];
  const families = [
    ['ecdsa_secp256k1', ecdsa.secp256k1.PublicKeyWithChainCode, k => k.public_key.toHex()],
    ['bip340', schnorr.bip340secp256k1.PublicKeyWithChainCode, k => k.public_key.toHex()],
    ['ed25519', schnorr.ed25519.PublicKeyWithChainCode, k => k.public_key.toHex()],
  ];
  for (const [scheme, cls, pkHex] of families) {
    for (const [network, factory, ids] of [
      ['mainnet', 'forMainnetKey', ['key_1', 'test_key_1']],
      ['pocketic', 'forPocketIcKey', ['key_1', 'test_key_1', 'dfx_test_key']],
    ]) {
      for (const id of ids) {
        const k = cls[factory](id);
        out.push({ scheme, network, key_id: id, public_key: pkHex(k), chain_code: k.chain_code.toHex() });
      }
    }
  }
  for (const id of ['key_1', 'test_key_1']) {
    out.push({
      scheme: 'vetkd',
      network: 'mainnet',
      key_id: id,
      public_key: toHex(MasterPublicKey.productionKey(id).publicKeyBytes()),
      chain_code: '',
    });
  }
  return out;
}
