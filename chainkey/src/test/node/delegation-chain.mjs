#!/usr/bin/env node
// Delegation chains made by @dfinity/identity's DelegationChain (what Internet Identity's front end
// and every agent-js client hand to DelegationIdentity), for Java tests that check subnet-sim's
// ingress accepts them (interface spec, "Authentication", sender_delegation).
//
//   node delegation-chain.mjs <requests.jsonl>   one request per line, answered by one line:
//     {"op": "create", "from": "ed25519" | "ecdsa", "seed": hex (ed25519 only, 32 bytes),
//      "to": hex DER public key, "expiration_ms": number, "targets": [principal hex...]?}
//        DelegationChain.create(from identity, to, new Date(expiration_ms), {targets})
//     {"op": "from_delegations", "public_key": hex DER, "delegations": [{"pubkey": hex,
//      "expiration_ns": decimal string, "targets": [hex...]?, "signature": hex}]}
//        DelegationChain.fromDelegations([{delegation: new Delegation(...), signature}], key)
//   Each answer is the chain's toJSON() (then parsed back by DelegationChain.fromJSON and
//   re-serialized, as a client storing the chain does): {"delegations": [{"delegation":
//   {"expiration": hex, "pubkey": hex, "targets"?: [hex]}, "signature": hex}], "publicKey": hex},
//   or {"error": message}.
// Exit 0 if every request was answered without error, 1 otherwise, 2 on usage error.
// ECDSA identities come from WebCrypto (random keys: the Java tests only need a valid chain).
import { Principal } from '@dfinity/principal';
import {
  Delegation, DelegationChain, ECDSAKeyIdentity, Ed25519KeyIdentity,
} from '@dfinity/identity';
import { hexToBytes } from '@noble/hashes/utils';
import { answerEachLine, readRequestsFile } from './lib/requests.mjs';

const text = readRequestsFile(process.argv.slice(2), 'node delegation-chain.mjs <requests.jsonl>');

const targetsOf = (hexes) => hexes === undefined ? undefined : hexes.map((t) => Principal.fromHex(t));

async function answer(r) {
  let chain;
  if (r.op === 'create') {
    const from = r.from === 'ecdsa' ? await ECDSAKeyIdentity.generate()
      : Ed25519KeyIdentity.generate(hexToBytes(r.seed));
    // DelegationChain.create only calls toDer() on the delegated-to key.
    const der = hexToBytes(r.to);
    chain = await DelegationChain.create(from, { toDer: () => der }, new Date(r.expiration_ms),
      { targets: targetsOf(r.targets) });
  } else if (r.op === 'from_delegations') {
    chain = DelegationChain.fromDelegations(r.delegations.map((d) => ({
      delegation: new Delegation(hexToBytes(d.pubkey), BigInt(d.expiration_ns), targetsOf(d.targets)),
      signature: hexToBytes(d.signature),
    })), hexToBytes(r.public_key));
  } else {
    throw new Error(`unknown op ${r.op}`);
  }
  return DelegationChain.fromJSON(JSON.stringify(chain.toJSON())).toJSON();
}

await answerEachLine(text, answer);
