#!/usr/bin/env node
// Checks subnet-sim's Java Candid codec against @dfinity/candid 3.4.3, both ways (replica's
// CandidInteropTest drives it). Each case below is a tuple of IDL types and the value the Java
// side encodes too; the management cases spell out the IC interface specification's types
// (ic.did) and ours (replica/src/main/resources/candid/management.did) independently of Java.
//
//   node candid-interop.mjs <requests.jsonl>   one request per line: {"case": name, "hex": ...}
//   answer: {"case", "decodes": bool, "detail": text, "js_hex": IDL.encode of the case's value}
//   "decodes" says IDL.decode of the Java bytes gave the case's value.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { answerEachLine, readRequestsFile } from './lib/requests.mjs';

const text = readRequestsFile(process.argv.slice(2), 'node candid-interop.mjs <requests.jsonl>');
const b = (...xs) => new Uint8Array(xs);

const ecdsaKeyId = IDL.Record({
  curve: IDL.Variant({ secp256k1: IDL.Null, secp256r1: IDL.Null }), name: IDL.Text,
});
const schnorrKeyId = IDL.Record({
  algorithm: IDL.Variant({ bip340secp256k1: IDL.Null, ed25519: IDL.Null }), name: IDL.Text,
});
const vetkdKeyId = IDL.Record({ curve: IDL.Variant({ bls12_381_g2: IDL.Null }), name: IDL.Text });
const ecdhKeyId = IDL.Record({
  curve: IDL.Variant({ p256: IDL.Null, secp256k1: IDL.Null, x25519: IDL.Null }), name: IDL.Text,
});
const publicKeyResult = IDL.Record({ public_key: IDL.Vec(IDL.Nat8), chain_code: IDL.Vec(IDL.Nat8) });
const blob = IDL.Vec(IDL.Nat8);
const app = Principal.fromText('rwlgt-iiaaa-aaaaa-aaaaa-cai');

const CASES = {
  primitives: [
    [IDL.Nat, IDL.Int, IDL.Nat8, IDL.Nat16, IDL.Nat32, IDL.Nat64, IDL.Int8, IDL.Int16, IDL.Int32,
      IDL.Int64, IDL.Float64, IDL.Bool, IDL.Text, IDL.Null],
    [340282366920938463463374607431768211457n, -1234567890123456789012n, 255, 65535, 4294967295,
      18446744073709551615n, -128, -32768, -2147483648, -9223372036854775808n, 1.5, true,
      'héllo ✓', null],
  ],
  principals: [[IDL.Principal, IDL.Principal], [Principal.fromText('aaaaa-aa'), app]],
  containers: [
    [IDL.Vec(IDL.Text), IDL.Opt(IDL.Opt(IDL.Nat)), blob, IDL.Opt(IDL.Text), IDL.Vec(blob)],
    [['a', '', 'ccc'], [[7n]], b(0, 1, 255), [], [b(1), b(), b(2, 3)]],
  ],
  records: [
    [IDL.Record({ name: IDL.Text, age: IDL.Nat8, tags: IDL.Vec(IDL.Text) }),
      IDL.Tuple(IDL.Nat, IDL.Text),
      IDL.Variant({ ok: IDL.Nat64, err: IDL.Text }), IDL.Variant({ ok: IDL.Nat64, err: IDL.Text })],
    [{ name: 'ada', age: 36, tags: ['x'] }, [5n, 'five'], { ok: 42n }, { err: 'no' }],
  ],
  ecdsa_public_key_args: [[IDL.Record({
    canister_id: IDL.Opt(IDL.Principal), derivation_path: IDL.Vec(blob), key_id: ecdsaKeyId,
  })], [{ canister_id: [app], derivation_path: [b(1, 2), b()],
    key_id: { curve: { secp256k1: null }, name: 'key_1' } }]],
  sign_with_ecdsa_args: [[IDL.Record({
    message_hash: blob, derivation_path: IDL.Vec(blob), key_id: ecdsaKeyId,
  })], [{ message_hash: new Uint8Array(32).fill(9), derivation_path: [],
    key_id: { curve: { secp256r1: null }, name: 'key_1' } }]],
  public_key_result: [[publicKeyResult],
    [{ public_key: new Uint8Array(33).fill(2), chain_code: new Uint8Array(32).fill(3) }]],
  schnorr_public_key_args: [[IDL.Record({
    canister_id: IDL.Opt(IDL.Principal), derivation_path: IDL.Vec(blob), key_id: schnorrKeyId,
  })], [{ canister_id: [], derivation_path: [b(4)],
    key_id: { algorithm: { ed25519: null }, name: 'key_1' } }]],
  sign_with_schnorr_args: [[IDL.Record({
    message: blob, derivation_path: IDL.Vec(blob), key_id: schnorrKeyId,
    aux: IDL.Opt(IDL.Variant({ bip341: IDL.Record({ merkle_root_hash: blob }) })),
  })], [{ message: b(104, 105), derivation_path: [],
    key_id: { algorithm: { bip340secp256k1: null }, name: 'key_1' },
    aux: [{ bip341: { merkle_root_hash: new Uint8Array(32).fill(5) } }] }]],
  signature_result: [[IDL.Record({ signature: blob })], [{ signature: new Uint8Array(64).fill(6) }]],
  vetkd_public_key_args: [[IDL.Record({
    canister_id: IDL.Opt(IDL.Principal), context: blob, key_id: vetkdKeyId,
  })], [{ canister_id: [], context: b(99),
    key_id: { curve: { bls12_381_g2: null }, name: 'key_1' } }]],
  vetkd_derive_key_args: [[IDL.Record({
    input: blob, context: blob, transport_public_key: blob, key_id: vetkdKeyId,
  })], [{ input: b(1), context: b(2), transport_public_key: new Uint8Array(48).fill(7),
    key_id: { curve: { bls12_381_g2: null }, name: 'key_1' } }]],
  vetkd_derive_key_result: [[IDL.Record({ encrypted_key: blob })],
    [{ encrypted_key: new Uint8Array(192).fill(8) }]],
  ecdh_derive_args: [[IDL.Record({
    peer_public_key: blob, derivation_path: IDL.Vec(blob), key_id: ecdhKeyId,
    transport_public_key: IDL.Opt(blob),
  })], [{ peer_public_key: new Uint8Array(32).fill(1), derivation_path: [],
    key_id: { curve: { x25519: null }, name: 'ecdh_key_1' }, transport_public_key: [b(4, 4)] }]],
  ecdh_derive_result: [[IDL.Record({ result: blob, encrypted: IDL.Bool })],
    [{ result: b(1, 2, 3), encrypted: true }]],
  document_key_store_args: [[IDL.Record({
    common_point: blob, permission_canister: IDL.Principal,
    key_id: IDL.Record({ name: IDL.Text }),
  })], [{ common_point: new Uint8Array(33).fill(2), permission_canister: app,
    key_id: { name: 'document_key_1' } }]],
  document_key_shadows_result: [[IDL.Record({ shadows: IDL.Vec(blob) })],
    [{ shadows: [b(1), b(2, 2)] }]],
};

/** A canonical JSON form: bigints and numbers as decimal text, bytes as hex, principals by text. */
function canon(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint' || typeof v === 'number') return `n:${BigInt(v)}`;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return `0x${bytesToHex(v)}`;
  if (v instanceof Principal || v?._isPrincipal) return `p:${Principal.from(v).toText()}`;
  if (Array.isArray(v)) return v.map(canon);
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
}

function floatSafeCanon(types, values) {
  return JSON.stringify(values.map((v, i) => (types[i] === IDL.Float64 ? `f:${v}` : canon(v))));
}

await answerEachLine(text, (r) => {
  const c = CASES[r.case];
  if (!c) throw new Error(`no case ${r.case}`);
  const [types, values] = c;
  const jsHex = bytesToHex(new Uint8Array(IDL.encode(types, values)));
  let decodes = false;
  let detail = '';
  try {
    const got = IDL.decode(types, hexToBytes(r.hex));
    const want = floatSafeCanon(types, values);
    const have = floatSafeCanon(types, got);
    decodes = want === have;
    detail = decodes ? 'equal' : `decoded ${have}, expected ${want}`;
  } catch (e) {
    detail = `IDL.decode refused: ${e.message}`;
  }
  return { case: r.case, decodes, detail, js_hex: jsHex };
});
