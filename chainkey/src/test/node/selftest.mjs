#!/usr/bin/env node
// Self-test of the verifier: builds valid artifacts of every kind with noble (and agent-js's CBOR)
// from the formulas of docs/FORMATS.md, checks that each verifies, and that tampered copies (one
// bit of the signature flipped, another message, another key, ...) are each rejected.
//
//   node selftest.mjs [--write <file.jsonl>]
//
// --write also stores the valid artifacts as an artifacts log, to exercise verify-artifacts.mjs.
// Exit 0 if every expectation held, 1 otherwise. Deterministic: keys come from fixed seeds.
import { writeFileSync } from 'node:fs';
import { Cbor, wrapDER } from '@dfinity/agent';
import { Principal } from '@dfinity/principal';
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { secp256k1, schnorr as bip340 } from '@noble/curves/secp256k1';
import { p256 } from '@noble/curves/nist';
import { ed25519, x25519 } from '@noble/curves/ed25519';
import { hash_to_field } from '@noble/curves/abstract/hash-to-curve';
import { sha256, sha512 } from '@noble/hashes/sha2';
import { hmac } from '@noble/hashes/hmac';
import { hkdf } from '@noble/hashes/hkdf';
import { verifyArtifact } from './lib/checks.mjs';
import { describe, toHex } from './lib/fields.mjs';

const BLS_DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';
const ROOT_KEY_DER_PREFIX = '308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100';
const CANISTER_SIG_OID = Uint8Array.from(Buffer.from('300c060a2b0601040183b8430102', 'hex'));
const CANISTER = 'rdmx6-jaaaa-aaaaa-aaadq-cai';
const utf8 = s => new TextEncoder().encode(s);
const bytes = h => Uint8Array.from(Buffer.from(h, 'hex'));

/** Deterministic 32-byte secrets: SHA-256 of a label (a self-test, not key generation). */
const secret = label => sha256(utf8(`subnet-sim selftest ${label}`));
const scalar = (label, n) => (BigInt('0x' + toHex(secret(label))) % (n - 1n)) + 1n;

// --- builders -------------------------------------------------------------------------------------

function blsArtifact() {
  const sk = scalar('bls', bls.params.r);
  const message = utf8('random beacon at height 7');
  const sig = bls.shortSignatures.sign(bls.shortSignatures.hash(message, BLS_DST), sk);
  return {
    kind: 'bls', subnet: 'selftest', height: 7, key_id: 'beacon',
    public_key: toHex(bls.shortSignatures.getPublicKey(sk).toBytes()),
    message: toHex(message), signature: toHex(sig.toBytes()), dst: BLS_DST,
  };
}

// Hash trees as CBOR arrays (interface spec, Certification).
const leaf = v => [3, v];
const labeled = (l, t) => [2, typeof l === 'string' ? utf8(l) : l, t];
const fork = (l, r) => [1, l, r];
const dsep = s => Uint8Array.from([s.length, ...utf8(s)]);
function root(t) {
  switch (t[0]) {
    case 0: return sha256(dsep('ic-hashtree-empty'));
    case 1: return sha256(new Uint8Array([...dsep('ic-hashtree-fork'), ...root(t[1]), ...root(t[2])]));
    case 2: return sha256(new Uint8Array([...dsep('ic-hashtree-labeled'), ...t[1], ...root(t[2])]));
    case 3: return sha256(new Uint8Array([...dsep('ic-hashtree-leaf'), ...t[1]]));
    case 4: return t[1];
    default: throw new Error('bad tree');
  }
}
function leb128(n) {
  const out = [];
  do {
    let b = Number(n & 0x7fn);
    n >>= 7n;
    if (n > 0n) b |= 0x80;
    out.push(b);
  } while (n > 0n);
  return Uint8Array.from(out);
}
const timeLeaf = labeled('time', leaf(leb128(1_700_000_000_000_000_000n)));

function signCertificate(tree, sk, delegation) {
  const msg = new Uint8Array([...dsep('ic-state-root'), ...root(tree)]);
  const signature = bls.shortSignatures.sign(bls.shortSignatures.hash(msg, BLS_DST), sk).toBytes();
  return Cbor.encode(delegation ? { tree, signature, delegation } : { tree, signature });
}
const rootKeyDer = sk => ROOT_KEY_DER_PREFIX + toHex(bls.shortSignatures.getPublicKey(sk).toBytes());

function canisterTree(cid, certifiedData) {
  return fork(labeled('canister', labeled(cid, labeled('certified_data', leaf(certifiedData)))), timeLeaf);
}

/** A subnet certificate for `certifiedData`, delegated from the root subnet when `delegated`. */
function certificateFor(certifiedData, delegated) {
  const rootSk = scalar('root subnet', bls.params.r);
  const cid = Principal.fromText(CANISTER).toUint8Array();
  if (!delegated) {
    return { certificate: signCertificate(canisterTree(cid, certifiedData), rootSk), rootSk };
  }
  const subnetSk = scalar('app subnet', bls.params.r);
  const subnetId = sha256(utf8('app subnet id')).subarray(0, 29);
  const ranges = Cbor.encode([[bytes('00000000000000000101'), bytes('00000000000fffff0101')]]);
  const delegationTree = fork(
    labeled('subnet', labeled(subnetId, fork(
      labeled('canister_ranges', leaf(ranges)),
      labeled('public_key', leaf(bytes(rootKeyDer(subnetSk))))))),
    timeLeaf);
  const delegation = { subnet_id: subnetId, certificate: signCertificate(delegationTree, rootSk) };
  return { certificate: signCertificate(canisterTree(cid, certifiedData), subnetSk, delegation), rootSk };
}

function certificateArtifact(delegated) {
  const { certificate, rootSk } = certificateFor(sha256(utf8('state')), delegated);
  const line = {
    kind: 'certificate', subnet: 'selftest', height: 9, key_id: 'subnet',
    root_key_der: rootKeyDer(rootSk), certificate: toHex(certificate),
  };
  if (delegated) line.canister_id = CANISTER;
  return line;
}

function canisterSignatureArtifact() {
  const seed = utf8('user seed');
  const message = utf8('delegation to session key');
  const cid = Principal.fromText(CANISTER).toUint8Array();
  const sigTree = labeled('sig', labeled(sha256(seed), labeled(sha256(message), leaf(new Uint8Array()))));
  const { certificate, rootSk } = certificateFor(root(sigTree), true);
  const bits = new Uint8Array([cid.length, ...cid, ...seed]);
  return {
    kind: 'canister_signature', subnet: 'selftest', height: 11, key_id: 'subnet',
    public_key_der: toHex(wrapDER(bits, CANISTER_SIG_OID)), message: toHex(message),
    signature: toHex(Cbor.encode({ certificate, tree: sigTree })), root_key_der: rootKeyDer(rootSk),
  };
}

// vetKD exactly as docs/FORMATS.md writes it (H2S = expand_message_xmd(SHA-256) to 48 bytes mod r).
function h2s(dst, msg) {
  return hash_to_field(msg, 1, { DST: dst, p: bls.params.r, m: 1, k: 128, expand: 'xmd', hash: sha256 })[0][0];
}
function lp(x) {
  const out = new Uint8Array(8 + x.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(x.length));
  out.set(x, 8);
  return out;
}
function vetkdArtifact() {
  const r = bls.params.r;
  const G2 = bls.G2.Point.BASE;
  const msk = scalar('vetkd master', r);
  const mpk = G2.multiply(msk).toBytes();
  const cid = Principal.fromText(CANISTER).toUint8Array();
  const context = utf8('encrypted notes');
  const input = utf8('user 42');
  const off1 = h2s('ic-vetkd-bls12-381-g2-canister-id', new Uint8Array([...lp(mpk), ...lp(cid)]));
  const cpk = G2.multiply((msk + off1) % r).toBytes();
  const off2 = h2s('ic-vetkd-bls12-381-g2-context', new Uint8Array([...lp(cpk), ...lp(context)]));
  const dsk = (msk + off1 + off2) % r;
  const dpk = G2.multiply(dsk).toBytes();
  const hm = bls.G1.hashToCurve(new Uint8Array([...dpk, ...input]), { DST: 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_' });
  const vetKey = hm.multiply(dsk);
  const tsk = scalar('transport', r);
  const tpk = bls.G1.Point.BASE.multiply(tsk);
  const rho = scalar('rho', r);
  const c1 = bls.G1.Point.BASE.multiply(rho);
  const c2 = G2.multiply(rho);
  const c3 = tpk.multiply(rho).add(vetKey);
  const tskBytes = bytes(tsk.toString(16).padStart(64, '0'));
  return {
    kind: 'vetkd', subnet: 'selftest', height: 13, key_id: 'key_1',
    master_public_key: toHex(mpk), canister_id: CANISTER, context: toHex(context), input: toHex(input),
    transport_secret_key: toHex(tskBytes),
    encrypted_key: toHex(new Uint8Array([...c1.toBytes(), ...c2.toBytes(), ...c3.toBytes()])),
  };
}

// IC key derivation, secret side (docs/FORMATS.md): the harness derives the public side
// independently.
function deriveSecp(curve, masterSk, path) {
  const n = curve.CURVE.n;
  let sk = masterSk;
  let chain = new Uint8Array(32);
  for (const idx of path) {
    let input = curve.getPublicKey(bytes(sk.toString(16).padStart(64, '0')), true);
    let i = hmac(sha512, chain, new Uint8Array([...input, ...idx]));
    while (BigInt('0x' + toHex(i.subarray(0, 32))) >= n) {
      input = new Uint8Array([1, ...i.subarray(32)]);
      i = hmac(sha512, chain, new Uint8Array([...input, ...idx]));
    }
    sk = (sk + BigInt('0x' + toHex(i.subarray(0, 32)))) % n;
    chain = i.subarray(32);
  }
  return sk;
}
const path = [utf8('wallet'), bytes('00000001')];
const cidBytes = () => Principal.fromText(CANISTER).toUint8Array();

function ecdsaArtifact(curveName) {
  const curve = curveName === 'secp256k1' ? secp256k1 : p256;
  const master = scalar(`ecdsa ${curveName}`, curve.CURVE.n);
  const sk = deriveSecp(curve, master, [cidBytes(), ...path]);
  const skBytes = bytes(sk.toString(16).padStart(64, '0'));
  const hash = sha256(utf8('transaction'));
  const sig = curve.sign(hash, skBytes, { lowS: true, prehash: false });
  return {
    kind: 'ecdsa', subnet: 'selftest', height: 17, key_id: 'key_1', curve: curveName,
    master_public_key: toHex(curve.getPublicKey(bytes(master.toString(16).padStart(64, '0')), true)),
    chain_code: '00'.repeat(32), canister_id: CANISTER, derivation_path: path.map(toHex),
    public_key: toHex(curve.getPublicKey(skBytes, true)), message_hash: toHex(hash),
    signature: toHex(sig.toCompactRawBytes()),
  };
}

function bip340Artifact() {
  const master = scalar('bip340', secp256k1.CURVE.n);
  const sk = deriveSecp(secp256k1, master, [cidBytes(), ...path]);
  const skBytes = bytes(sk.toString(16).padStart(64, '0'));
  const message = utf8('taproot spend');
  return {
    kind: 'schnorr', subnet: 'selftest', height: 19, key_id: 'key_1', algorithm: 'bip340',
    master_public_key: toHex(secp256k1.getPublicKey(bytes(master.toString(16).padStart(64, '0')), true)),
    chain_code: '00'.repeat(32), canister_id: CANISTER, derivation_path: path.map(toHex),
    public_key: toHex(secp256k1.getPublicKey(skBytes, true)), message: toHex(message),
    signature: toHex(bip340.sign(message, skBytes, secret('aux'))),
  };
}

// Ed25519 derivation (docs/FORMATS.md): okm = HKDF-SHA512(P || idx, salt = chain, "Ed25519", 96).
// A derived Ed25519 key is a scalar, not an RFC 8032 seed, so sign with the raw scalar.
function ed25519Artifact() {
  const l = ed25519.CURVE.n;
  const G = ed25519.Point.BASE;
  const master = scalar('ed25519', l);
  let sk = master;
  let pk = G.multiply(master);
  let chain = new Uint8Array(32);
  for (const idx of [cidBytes(), ...path]) {
    const okm = hkdf(sha512, new Uint8Array([...pk.toBytes(), ...idx]), chain, utf8('Ed25519'), 96);
    const off = BigInt('0x' + toHex(okm.subarray(0, 64))) % l;
    sk = (sk + off) % l;
    pk = pk.add(G.multiply(off));
    chain = okm.subarray(64);
  }
  const message = utf8('ed25519 message');
  const A = pk.toBytes();
  const nonceSeed = sha512(new Uint8Array([...secret('ed nonce'), ...message]));
  const rr = BigInt('0x' + toHex(nonceSeed)) % l;
  const R = G.multiply(rr).toBytes();
  const kh = sha512(new Uint8Array([...R, ...A, ...message]));
  const k = bigFromLe(kh) % l;
  const s = (rr + k * sk) % l;
  const sig = new Uint8Array([...R, ...leBytes(s, 32)]);
  return {
    kind: 'schnorr', subnet: 'selftest', height: 23, key_id: 'key_1', algorithm: 'ed25519',
    master_public_key: toHex(G.multiply(master).toBytes()), chain_code: '00'.repeat(32),
    canister_id: CANISTER, derivation_path: path.map(toHex), public_key: toHex(A),
    message: toHex(message), signature: toHex(sig),
  };
}
const bigFromLe = b => BigInt('0x' + toHex(Uint8Array.from(b).reverse()));
const leBytes = (x, n) => bytes(x.toString(16).padStart(2 * n, '0')).reverse();

// A caller's ECDH key (docs/FORMATS.md, ecdh line): the master key derived for (canister_id,
// derivation_path) as ecdsa (p256, secp256k1) or ed25519 (x25519, on the edwards point) keys
// are, secret side; the shared secret is computed from the subnet's side.
const ecdhPath = [utf8('mdl')];
function ecdhArtifact(curveName, canister = CANISTER) {
  const cid = Principal.fromText(canister).toUint8Array();
  const peerSk = secret(`ecdh peer ${curveName}`);
  let subnetPk;
  let derivedPk;
  let peerPk;
  let shared;
  if (curveName === 'x25519') {
    const l = ed25519.CURVE.n;
    const G = ed25519.Point.BASE;
    const master = scalar(`ecdh subnet ${curveName}`, l);
    let sk = master;
    let pk = G.multiply(master);
    let chain = new Uint8Array(32);
    for (const idx of [cid, ...ecdhPath]) {
      const okm = hkdf(sha512, new Uint8Array([...pk.toBytes(), ...idx]), chain, utf8('Ed25519'), 96);
      const off = BigInt('0x' + toHex(okm.subarray(0, 64))) % l;
      sk = (sk + off) % l;
      pk = pk.add(G.multiply(off));
      chain = okm.subarray(64);
    }
    subnetPk = ed25519.utils.toMontgomery(G.multiply(master).toBytes());
    derivedPk = ed25519.utils.toMontgomery(G.multiply(sk).toBytes());
    peerPk = x25519.getPublicKey(peerSk);
    // RFC 7748 clamping of the peer's string, then sk * (k' * B) on the edwards side.
    let k = bigFromLe(peerSk);
    k &= ~7n;
    k &= (1n << 255n) - 1n;
    k |= 1n << 254n;
    shared = ed25519.utils.toMontgomery(G.multiply(k % l).multiply(sk).toBytes());
  } else {
    const curve = curveName === 'secp256k1' ? secp256k1 : p256;
    const master = scalar(`ecdh subnet ${curveName}`, curve.CURVE.n);
    const sk = deriveSecp(curve, master, [cid, ...ecdhPath]);
    const skBytes = bytes(sk.toString(16).padStart(64, '0'));
    subnetPk = curve.getPublicKey(bytes(master.toString(16).padStart(64, '0')), true);
    derivedPk = curve.getPublicKey(skBytes, true);
    peerPk = curve.getPublicKey(peerSk, true);
    shared = curve.getSharedSecret(skBytes, peerPk, true).subarray(1);
  }
  return {
    kind: 'ecdh', subnet: 'selftest', height: 29, key_id: 'ecdh', curve: curveName,
    subnet_public_key: toHex(subnetPk), canister_id: canister, derivation_path: ecdhPath.map(toHex),
    public_key: toHex(derivedPk), peer_public_key: toHex(peerPk),
    peer_private_key: toHex(peerSk), shared_secret: toHex(shared),
  };
}

/** A point on the G1 curve outside the prime-order subgroup (compressed), found by search. */
function nonSubgroupG1() {
  const Fp = bls.fields.Fp;
  for (let x = 1n; ; x++) {
    const y2 = Fp.add(Fp.pow(x, 3n), 4n);
    let y;
    try { y = Fp.sqrt(y2); } catch { continue; }
    if (Fp.eql(Fp.sqr(y), y2)) {
      const p = new bls.G1.Point(x, y, 1n);
      if (!p.isTorsionFree()) {
        const out = bytes(x.toString(16).padStart(96, '0'));
        out[0] |= 0x80; // compressed flag
        if (y > Fp.neg(y)) out[0] |= 0x20; // sign flag: y is the lexicographically larger root
        return out;
      }
    }
  }
}

// --- tampering ----------------------------------------------------------------------------------

/** Flips one bit of a hex field (bit 0 of byte `at`, default the last byte). */
function flip(line, field, at) {
  const b = bytes(line[field]);
  const i = at === undefined ? b.length - 1 : at;
  b[i] ^= 1;
  return { ...line, [field]: toHex(b) };
}
const withField = (line, field, value) => ({ ...line, [field]: value });

const cases = [];
function valid(name, line) {
  cases.push({ name, line, expectOk: true });
}
function tampered(name, line) {
  cases.push({ name, line, expectOk: false });
}

const b = blsArtifact();
valid('bls', b);
tampered('bls signature bit flipped', flip(b, 'signature', 20));
tampered('bls wrong message', flip(b, 'message', 0));
tampered('bls signature of another message', withField(b, 'signature',
  toHex(bls.shortSignatures.sign(bls.shortSignatures.hash(utf8('other'), BLS_DST), scalar('bls', bls.params.r)).toBytes())));
tampered('bls signature not in G1 subgroup', withField(b, 'signature', toHex(nonSubgroupG1())));
tampered('bls wrong key', withField(b, 'public_key', toHex(bls.shortSignatures.getPublicKey(5n).toBytes())));
tampered('bls wrong dst', withField(b, 'dst', 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_'));

for (const delegated of [false, true]) {
  const c = certificateArtifact(delegated);
  const tag = delegated ? 'certificate (delegated)' : 'certificate';
  valid(tag, c);
  tampered(`${tag} wrong root key`, withField(c, 'root_key_der', rootKeyDer(77n)));
  const decoded = Cbor.decode(bytes(c.certificate));
  decoded.signature[10] ^= 1;
  tampered(`${tag} signature bit flipped`, withField(c, 'certificate', toHex(Cbor.encode(decoded))));
  const other = Cbor.decode(bytes(c.certificate));
  other.tree[2][2][1][0] ^= 1; // change the time leaf: another root hash under the same signature
  tampered(`${tag} tree changed`, withField(c, 'certificate', toHex(Cbor.encode(other))));
  if (delegated) {
    tampered(`${tag} canister outside the subnet's ranges`, withField(c, 'canister_id', Principal.fromUint8Array(bytes('00000000001000000101')).toText()));
  }
}

const cs = canisterSignatureArtifact();
valid('canister_signature', cs);
tampered('canister_signature wrong message', flip(cs, 'message', 0));
tampered('canister_signature wrong seed', flip(cs, 'public_key_der'));
tampered('canister_signature wrong root key', withField(cs, 'root_key_der', rootKeyDer(77n)));

const v = vetkdArtifact();
valid('vetkd', v);
tampered('vetkd c3 bit flipped', flip(v, 'encrypted_key', 191));
{
  // c3 replaced by another valid G1 point: decodes fine, must fail the pairing check.
  const ek = bytes(v.encrypted_key);
  const c3 = bls.G1.Point.fromBytes(ek.subarray(144)).add(bls.G1.Point.BASE).toBytes();
  ek.set(c3, 144);
  tampered('vetkd c3 shifted by G1', withField(v, 'encrypted_key', toHex(ek)));
  const ek2 = bytes(v.encrypted_key);
  ek2.set(bls.G1.Point.BASE.multiply(3n).toBytes(), 0);
  tampered('vetkd c1 inconsistent with c2', withField(v, 'encrypted_key', toHex(ek2)));
}
tampered('vetkd wrong input', flip(v, 'input', 0));
tampered('vetkd wrong context', flip(v, 'context', 0));
tampered('vetkd wrong canister', withField(v, 'canister_id', 'ryjl3-tyaaa-aaaaa-aaaba-cai'));
tampered('vetkd wrong transport key', withField(v, 'transport_secret_key', toHex(secret('other tsk'))));

for (const curve of ['secp256k1', 'p256']) {
  const e = ecdsaArtifact(curve);
  valid(`ecdsa ${curve}`, e);
  tampered(`ecdsa ${curve} signature bit flipped`, flip(e, 'signature', 40));
  tampered(`ecdsa ${curve} wrong hash`, flip(e, 'message_hash', 0));
  tampered(`ecdsa ${curve} wrong derivation path`, withField(e, 'derivation_path', [toHex(utf8('other'))]));
  const curveLib = curve === 'secp256k1' ? secp256k1 : p256;
  const sig = curveLib.Signature.fromCompact(e.signature);
  const highS = new curveLib.Signature(sig.r, curveLib.CURVE.n - sig.s);
  tampered(`ecdsa ${curve} high-s signature`, withField(e, 'signature', toHex(highS.toCompactRawBytes())));
}

const s1 = bip340Artifact();
valid('schnorr bip340', s1);
tampered('schnorr bip340 signature bit flipped', flip(s1, 'signature', 40));
tampered('schnorr bip340 wrong message', flip(s1, 'message', 0));
tampered('schnorr bip340 wrong canister', withField(s1, 'canister_id', 'ryjl3-tyaaa-aaaaa-aaaba-cai'));
const s2 = ed25519Artifact();
valid('schnorr ed25519', s2);
tampered('schnorr ed25519 signature bit flipped', flip(s2, 'signature', 40));
tampered('schnorr ed25519 wrong message', flip(s2, 'message', 0));
tampered('schnorr ed25519 wrong master key', withField(s2, 'master_public_key', toHex(ed25519.Point.BASE.multiply(9n).toBytes())));

const OTHER_CANISTER = 'ryjl3-tyaaa-aaaaa-aaaba-cai';
for (const curve of ['p256', 'secp256k1', 'x25519']) {
  const d = ecdhArtifact(curve);
  valid(`ecdh ${curve}`, d);
  valid(`ecdh ${curve} another caller`, ecdhArtifact(curve, OTHER_CANISTER));
  tampered(`ecdh ${curve} wrong secret`, flip(d, 'shared_secret', 5));
  const other = secret('another subnet');
  const otherKey = curve === 'x25519' ? x25519.getPublicKey(other)
    : (curve === 'p256' ? p256 : secp256k1).getPublicKey(other, true);
  tampered(`ecdh ${curve} wrong subnet key`, withField(d, 'subnet_public_key', toHex(otherKey)));
  tampered(`ecdh ${curve} subnet key of another curve`, withField(d, 'subnet_public_key',
    ecdhArtifact(curve === 'x25519' ? 'p256' : 'x25519').subnet_public_key));
  // The pre-derivation behaviour: the master key itself answers every caller.
  tampered(`ecdh ${curve} master key as the caller's key`, withField(d, 'public_key', d.subnet_public_key));
  // Another caller's key (and its secret) claimed for this caller.
  const theirs = ecdhArtifact(curve, OTHER_CANISTER);
  tampered(`ecdh ${curve} another caller's key`, { ...d, public_key: theirs.public_key, shared_secret: theirs.shared_secret });
  tampered(`ecdh ${curve} wrong canister`, withField(d, 'canister_id', OTHER_CANISTER));
  tampered(`ecdh ${curve} wrong derivation path`, withField(d, 'derivation_path', ['00']));
}

tampered('unknown kind', { kind: 'document_key_unknown' });
tampered('uppercase hex', withField(b, 'signature', b.signature.toUpperCase()));

// --- run ----------------------------------------------------------------------------------------

let wrong = 0;
for (const c of cases) {
  let outcome;
  try {
    outcome = `ok (${await verifyArtifact(c.line)})`;
  } catch (e) {
    outcome = `rejected: ${describe(e)}`;
  }
  const accepted = outcome.startsWith('ok');
  const good = accepted === c.expectOk;
  if (!good) wrong++;
  console.log(`${good ? 'pass' : 'WRONG'} ${c.name}: ${outcome.replace(/\s+/g, ' ')}`);
}
const out = process.argv.indexOf('--write');
if (out >= 0) {
  writeFileSync(process.argv[out + 1], cases.filter(c => c.expectOk).map(c => JSON.stringify(c.line)).join('\n') + '\n');
}
console.log(`${cases.length - wrong} of ${cases.length} expectations held`);
process.exit(wrong === 0 ? 0 : 1);
