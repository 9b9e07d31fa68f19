// One check per artifact kind of docs/FORMATS.md "Artifacts log", each done with the independent
// library the harness README names for it ("What each kind is checked with"). A check returns a
// short note on success and throws (ArtifactError or the library's own error) on failure.
import { Certificate, Cbor, lookup_path, LookupPathStatus, reconstruct, unwrapDER } from '@dfinity/agent';
import { Principal } from '@dfinity/principal';
import { EncryptedVetKey, MasterPublicKey, TransportSecretKey } from '@dfinity/vetkeys';
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { secp256k1, schnorr as bip340 } from '@noble/curves/secp256k1';
import { p256 } from '@noble/curves/nist';
import { ed25519, x25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha2';
import { derive } from './derivation.mjs';
import {
  ArtifactError, equalBytes, expect, hex, hexList, oneOf, principal, str, toHex,
} from './fields.mjs';

export { ArtifactError };

/** DER of the canister-signature algorithm: SEQUENCE { OID 1.3.6.1.4.1.56387.1.2 }. */
const CANISTER_SIG_OID = Uint8Array.from(Buffer.from('300c060a2b0601040183b8430102', 'hex'));

/** The kinds this harness knows, with their check. */
export const CHECKS = {
  bls: checkBls,
  certificate: checkCertificate,
  canister_signature: checkCanisterSignature,
  vetkd: checkVetkd,
  ecdsa: checkEcdsa,
  schnorr: checkSchnorr,
  ecdh: checkEcdh,
};

/**
 * Verifies one parsed line; resolves to a note, rejects with the reason. `callers` (a Map, one per
 * file) lets the ecdh check see that no derived key serves two callers.
 */
export async function verifyArtifact(line, callers) {
  if (line === null || typeof line !== 'object' || Array.isArray(line)) {
    throw new ArtifactError('line is not a JSON object');
  }
  const kind = line.kind;
  const check = CHECKS[kind];
  if (!check) {
    throw new ArtifactError(`unknown kind ${JSON.stringify(kind)}`);
  }
  return await check(line, callers);
}

// --- bls: noble bls12_381 min-sig (shortSignatures: signature in G1, public key in G2) ---------

function checkBls(line) {
  const pk = hex(line, 'public_key', 96);
  const msg = hex(line, 'message');
  const sig = hex(line, 'signature', 48);
  const dst = str(line, 'dst');
  // Point decoding in noble checks the curve equation and the prime-order subgroup.
  const hm = bls.shortSignatures.hash(msg, dst);
  expect(bls.shortSignatures.verify(sig, hm, pk), 'BLS signature does not verify (noble shortSignatures)');
  return 'noble bls12_381.shortSignatures';
}

// --- certificate: @dfinity/agent Certificate.create -------------------------------------------

async function checkCertificate(line) {
  const rootKey = hex(line, 'root_key_der', 133);
  const certificate = hex(line, 'certificate');
  const decoded = Cbor.decode(certificate);
  const delegated = decoded && decoded.delegation !== undefined;
  let canisterId;
  if (line.canister_id !== undefined) {
    canisterId = principal(line, 'canister_id');
  } else if (delegated) {
    throw new ArtifactError('delegated certificate without canister_id (needed for the canister-range check)');
  } else {
    canisterId = Principal.managementCanister(); // unused by agent-js without a delegation
  }
  // Simulated time is virtual: the certificate's /time has no relation to this machine's clock,
  // so freshness is not checked (disableTimeVerification). Signature, delegation, subnet key and
  // canister ranges are all checked by agent-js as for a live certificate.
  const cert = await Certificate.create({ certificate, rootKey, canisterId, disableTimeVerification: true });
  expect(cert.lookup_path(['time']).status === LookupPathStatus.Found, 'certificate has no /time');
  return delegated ? 'agent-js Certificate.create (delegated)' : 'agent-js Certificate.create';
}

// --- canister_signature: interface spec "Canister signatures", composed from agent-js exports ----

async function checkCanisterSignature(line) {
  const publicKeyDer = hex(line, 'public_key_der');
  const message = hex(line, 'message');
  const signature = hex(line, 'signature');
  const rootKey = hex(line, 'root_key_der', 133);

  let bits;
  try {
    bits = unwrapDER(publicKeyDer, CANISTER_SIG_OID);
  } catch (e) {
    throw new ArtifactError(`public_key_der is not a canister-signature key: ${e.message}`);
  }
  expect(bits.length >= 1 && bits[0] >= 1 && bits.length >= 1 + bits[0], 'public key bits too short for the canister id');
  const canisterIdBytes = bits.subarray(1, 1 + bits[0]);
  const seed = bits.subarray(1 + bits[0]);
  const canisterId = Principal.fromUint8Array(canisterIdBytes);

  const sig = Cbor.decode(signature);
  expect(sig && sig.certificate instanceof Uint8Array && Array.isArray(sig.tree),
    'signature is not CBOR {certificate, tree}');
  const cert = await Certificate.create({
    certificate: sig.certificate, rootKey, canisterId, disableTimeVerification: true,
  });
  const certified = cert.lookup_path(['canister', canisterIdBytes, 'certified_data']);
  expect(certified.status === LookupPathStatus.Found,
    `certificate has no /canister/${canisterId.toText()}/certified_data (${certified.status})`);
  const treeRoot = await reconstruct(sig.tree);
  expect(equalBytes(certified.value, treeRoot), 'certified_data differs from the signature tree root');
  const leaf = lookup_path(['sig', sha256(seed), sha256(message)], sig.tree);
  expect(leaf.status === LookupPathStatus.Found, `tree has no leaf at ["sig", sha256(seed), sha256(msg)] (${leaf.status})`);
  expect(leaf.value.length === 0, 'sig leaf is not the empty string');
  return 'agent-js Certificate.create + lookup_path + reconstruct';
}

// --- vetkd: @dfinity/vetkeys EncryptedVetKey.decryptAndVerify ------------------------------------

function checkVetkd(line) {
  const mpk = hex(line, 'master_public_key', 96);
  const canisterId = principal(line, 'canister_id');
  const context = hex(line, 'context');
  const input = hex(line, 'input');
  const tsk = hex(line, 'transport_secret_key', 32);
  const encrypted = hex(line, 'encrypted_key', 192);
  const dpk = MasterPublicKey.deserialize(mpk).deriveCanisterKey(canisterId.toUint8Array()).deriveSubKey(context);
  EncryptedVetKey.deserialize(encrypted).decryptAndVerify(TransportSecretKey.deserialize(tsk), dpk, input);
  return '@dfinity/vetkeys decryptAndVerify';
}

// --- ecdsa: noble verify (lowS, no prehash) + ic-pub-key derivation -------------------------------

function checkEcdsa(line) {
  const curve = oneOf(line, 'curve', ['secp256k1', 'p256']);
  const publicKey = hex(line, 'public_key', 33);
  const hash = hex(line, 'message_hash', 32);
  const signature = hex(line, 'signature', 64);
  const lib = curve === 'secp256k1' ? secp256k1 : p256;
  const ok = lib.verify(signature, hash, publicKey, { lowS: true, prehash: false, format: 'compact' });
  expect(ok, `ECDSA ${curve} signature does not verify (noble, lowS)`);
  const source = checkDerivation(line, curve === 'secp256k1' ? 'ecdsa_secp256k1' : 'ecdsa_p256', publicKey);
  return `noble ${curve}.verify lowS + derivation by ${source}`;
}

// --- schnorr: noble schnorr (BIP340) / ed25519 verify + derivation ----------------------------------

function checkSchnorr(line) {
  const algorithm = oneOf(line, 'algorithm', ['bip340', 'ed25519']);
  const message = hex(line, 'message');
  const signature = hex(line, 'signature', 64);
  if (algorithm === 'bip340') {
    const publicKey = hex(line, 'public_key', 33);
    expect(publicKey[0] === 2 || publicKey[0] === 3, 'BIP340 public_key is not SEC1 compressed');
    expect(bip340.verify(signature, message, publicKey.subarray(1)), 'BIP340 signature does not verify (noble schnorr)');
    const source = checkDerivation(line, 'bip340', publicKey);
    return `noble schnorr.verify + derivation by ${source}`;
  }
  const publicKey = hex(line, 'public_key', 32);
  // zip215: false = RFC 8032 strict decoding (canonical encodings only).
  expect(ed25519.verify(signature, message, publicKey, { zip215: false }), 'Ed25519 signature does not verify (noble ed25519)');
  const source = checkDerivation(line, 'ed25519', publicKey);
  return `noble ed25519.verify + derivation by ${source}`;
}

function checkDerivation(line, scheme, publicKey) {
  const masterLength = scheme === 'ed25519' ? 32 : 33;
  const master = hex(line, 'master_public_key', masterLength);
  const chainCode = hex(line, 'chain_code', 32);
  const canisterId = principal(line, 'canister_id');
  const path = hexList(line, 'derivation_path');
  const derived = derive(scheme, toHex(master), toHex(chainCode), canisterId.toUint8Array(), path);
  expect(derived.publicKey === toHex(publicKey),
    `public_key ${toHex(publicKey)} is not the ${derived.source} derivation ${derived.publicKey}`);
  return derived.source;
}

// --- ecdh: the peer's own ECDH with noble against the caller's derived key -------------------------

const ZERO_CHAIN_CODE = '00'.repeat(32);
const ED25519_P = 2n ** 255n - 19n;

/**
 * The caller's key must be the IC derivation of the master key for (canister_id,
 * derivation_path) with the master chain code (32 zero bytes), and the peer's own ECDH with it
 * must give shared_secret. `callers` (optional, one per file) maps each derived key to the caller
 * it was derived for, so one key serving two callers fails.
 */
function checkEcdh(line, callers) {
  const curve = oneOf(line, 'curve', ['p256', 'secp256k1', 'x25519']);
  const peerPrivate = hex(line, 'peer_private_key', 32);
  const expected = hex(line, 'shared_secret', 32);
  const canisterId = principal(line, 'canister_id');
  const path = hexList(line, 'derivation_path');
  let secret;
  let peerPublic;
  let publicKey;
  let source;
  if (curve === 'x25519') {
    const subnetPublic = hex(line, 'subnet_public_key', 32);
    publicKey = hex(line, 'public_key', 32);
    peerPublic = hex(line, 'peer_public_key', 32);
    expect(equalBytes(x25519.getPublicKey(peerPrivate), peerPublic), 'peer_public_key is not X25519(peer_private_key)');
    source = checkX25519Derivation(subnetPublic, canisterId, path, publicKey);
    secret = x25519.getSharedSecret(peerPrivate, publicKey);
  } else {
    const lib = curve === 'secp256k1' ? secp256k1 : p256;
    const subnetPublic = hex(line, 'subnet_public_key', [33, 65]);
    publicKey = hex(line, 'public_key', 33);
    peerPublic = hex(line, 'peer_public_key', [33, 65]);
    const own = lib.getPublicKey(peerPrivate, peerPublic.length === 33);
    expect(equalBytes(own, peerPublic), 'peer_public_key is not peer_private_key * G');
    const master = lib.ProjectivePoint.fromHex(subnetPublic).toRawBytes(true);
    const derived = derive(curve === 'secp256k1' ? 'ecdsa_secp256k1' : 'ecdsa_p256', toHex(master),
      ZERO_CHAIN_CODE, canisterId.toUint8Array(), path);
    expect(derived.publicKey === toHex(publicKey),
      `public_key ${toHex(publicKey)} is not the ${derived.source} derivation ${derived.publicKey} for the caller`);
    source = derived.source;
    secret = lib.getSharedSecret(peerPrivate, publicKey, true).subarray(1); // x-coordinate
  }
  expect(!equalBytes(publicKey, hex(line, 'subnet_public_key')), 'public_key is the master key: not derived for the caller');
  if (callers) {
    const caller = `${canisterId.toText()}/${path.map(toHex).join('/')}`;
    const id = `${curve}:${toHex(publicKey)}`;
    const previous = callers.get(id);
    expect(previous === undefined || previous === caller,
      `public_key ${toHex(publicKey)} serves two callers (${previous} and ${caller})`);
    callers.set(id, caller);
  }
  expect(equalBytes(secret, expected), `shared_secret differs from the peer's own ${curve} ECDH with public_key (noble)`);
  return `noble ${curve} getSharedSecret + derivation by ${source}`;
}

/**
 * X25519 keys are derived as Ed25519 keys on the edwards point of the master key; its
 * u-coordinate fixes that point up to sign, so both candidates are derived (ic-pub-key's Ed25519
 * derivation) and mapped back to u with noble; one must give public_key.
 */
function checkX25519Derivation(subnetPublic, canisterId, path, publicKey) {
  const u = bigFromLe(subnetPublic);
  const pow = (b, e) => {
    let r = 1n;
    let x = b % ED25519_P;
    for (let k = e; k > 0n; k >>= 1n) {
      if (k & 1n) r = (r * x) % ED25519_P;
      x = (x * x) % ED25519_P;
    }
    return r;
  };
  const y = ((u - 1n + ED25519_P) % ED25519_P) * pow(u + 1n, ED25519_P - 2n) % ED25519_P;
  const seen = [];
  for (const sign of [0n, 1n]) {
    const encoded = leBytes(y | (sign << 255n), 32);
    try {
      ed25519.ExtendedPoint.fromHex(encoded);
    } catch {
      continue; // x = 0 has no negative
    }
    const derived = derive('ed25519', toHex(encoded), ZERO_CHAIN_CODE, canisterId.toUint8Array(), path);
    const derivedU = ed25519.utils.toMontgomery(Uint8Array.from(Buffer.from(derived.publicKey, 'hex')));
    seen.push(toHex(derivedU));
    if (equalBytes(derivedU, publicKey)) {
      return `${derived.source} ed25519 mapped to x25519`;
    }
  }
  throw new ArtifactError(`public_key ${toHex(publicKey)} is not the ed25519 derivation of either edwards point of subnet_public_key for the caller (${seen.join(', ')})`);
}

const bigFromLe = b => BigInt('0x' + (toHex(Uint8Array.from(b).reverse()) || '0'));
const leBytes = (x, n) => Uint8Array.from(Buffer.from(x.toString(16).padStart(2 * n, '0'), 'hex')).reverse();
