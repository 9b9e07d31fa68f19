#!/usr/bin/env node
// IC per-canister public-key derivation by @dfinity/ic-pub-key / @dfinity/vetkeys, for Java tests
// that compare their own derivation with it (docs/FORMATS.md, "IC key derivation").
//
//   node derive-keys.mjs --master-keys      one JSON line per master key published by the packages:
//                                           {scheme, network, key_id, public_key, chain_code}
//   node derive-keys.mjs <requests.jsonl>   one request per line:
//       {scheme, master_public_key, chain_code, canister_id, derivation_path: [hex...]}
//     scheme: ecdsa_secp256k1 | ecdsa_p256 | bip340 | ed25519 | vetkd (path = [context])
//     answers one JSON line per request, in order: {public_key, chain_code, source} or {error}
// Exit 0 if every request was answered without error, 1 otherwise, 2 on usage error.
import { Principal } from '@dfinity/principal';
import { derive, publishedMasterKeys, SCHEMES } from './lib/derivation.mjs';
import { hexValue } from './lib/fields.mjs';
import { answerEachLine, readRequestsFile } from './lib/requests.mjs';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--master-keys') {
  for (const k of publishedMasterKeys()) {
    console.log(JSON.stringify(k));
  }
  process.exit(0);
}
const text = readRequestsFile(args, 'node derive-keys.mjs --master-keys | <requests.jsonl>');
await answerEachLine(text, (r) => {
  if (!SCHEMES.includes(r.scheme)) {
    throw new Error(`unknown scheme ${JSON.stringify(r.scheme)}, expected one of ${SCHEMES.join('|')}`);
  }
  const path = (r.derivation_path ?? []).map((h, i) => hexValue(h, `derivation_path[${i}]`));
  const cid = Principal.fromText(r.canister_id).toUint8Array();
  const d = derive(r.scheme, r.master_public_key, r.chain_code ?? '', cid, path);
  return { public_key: d.publicKey, chain_code: d.chainCode, source: d.source };
});
