#!/usr/bin/env node
// An IC client of `subnet-sim serve`: @dfinity/agent's HttpAgent and Actor, as a dapp uses them,
// against a running server (subnet-sim's ServeAgentJsTest starts one and drives this script).
//
//   node serve-client.mjs <requests.jsonl>   one request per line, answered by one line:
//     {"host": "http://127.0.0.1:PORT", "canister": principal text, "root_key": hex DER,
//      "key": text, "value": text}
//   The agent fetches the root key from /api/v2/status (shouldFetchRootKey) and must get the
//   given one; the Actor (counter.did) calls increment and put (v3 calls: agent-js verifies each
//   reply's certificate, with the root's delegation, under the fetched key), queries counter and
//   get (agent-js's defaults verify each query response's node signature under the node keys it
//   reads from the certified /subnet/<id>/node tree); CanisterStatus reads the counter's
//   module_hash, controllers and subnet (node keys) from verified certificates; then a read_state
//   of /time is verified with Certificate.create under the given key.
//   Answer: {"root_key_matches": bool, "incremented": decimal, "counter": decimal,
//   "got": text|null, "query_signatures": number, "rejected_query": "rejected <code> <sigs>",
//   "node_keys": number, "subnet_id": text,
//   "module_hash": hex, "controllers": number, "certificate_time_ms": number,
//   "clock_skew_ms": number} or {"error"}.
import { Actor, CanisterStatus, Certificate, HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { answerEachLine, readRequestsFile } from './lib/requests.mjs';

const text = readRequestsFile(process.argv.slice(2), 'node serve-client.mjs <requests.jsonl>');

// counter.did (replica/src/main/resources/candid/counter.did)
const counterIdl = ({ IDL }) => IDL.Service({
  increment: IDL.Func([], [IDL.Nat64], []),
  put: IDL.Func([IDL.Text, IDL.Text], [], []),
  counter: IDL.Func([], [IDL.Nat64], ['query']),
  get: IDL.Func([IDL.Text], [IDL.Opt(IDL.Text)], ['query']),
});

async function answer(r) {
  const identity = Ed25519KeyIdentity.generate(new Uint8Array(32).fill(7));
  const agent = await HttpAgent.create({
    host: r.host, identity, shouldFetchRootKey: true,
  });
  const canisterId = Principal.fromText(r.canister);
  const actor = Actor.createActor(counterIdl, { agent, canisterId });
  const incremented = await actor.increment();
  await actor.put(r.key, r.value);
  const counter = await actor.counter();
  const got = await actor.get(r.key);
  // The raw query: its signatures (verified by agent.query before it returns).
  const raw = await agent.query(canisterId, { methodName: 'counter', arg: IDL.encode([], []) });
  // A rejection is node-signed too (over its code, message and error code).
  const rejected = await agent.query(canisterId, {
    methodName: 'no_such_query', arg: IDL.encode([], []),
  });
  const status = await CanisterStatus.request({
    canisterId, agent, paths: ['module_hash', 'controllers', 'subnet'],
  });
  const state = await agent.readState(canisterId, { paths: [[new TextEncoder().encode('time')]] });
  const cert = await Certificate.create({
    certificate: state.certificate, rootKey: hexToBytes(r.root_key), canisterId,
  });
  const time = cert.lookup_path(['time']);
  let ns = 0n;
  const leb = time.value;
  for (let i = leb.length - 1; i >= 0; i--) ns = (ns << 7n) | BigInt(leb[i] & 0x7f);
  const ms = Number(ns / 1000000n);
  return {
    root_key_matches: bytesToHex(agent.rootKey) === r.root_key,
    incremented: incremented.toString(),
    counter: counter.toString(),
    got: got.length === 0 ? null : got[0],
    query_signatures: (raw.signatures ?? []).length,
    rejected_query: `${rejected.status} ${rejected.reject_code} ${(rejected.signatures ?? []).length}`,
    node_keys: status.get('subnet').nodeKeys.size,
    subnet_id: status.get('subnet').subnetId,
    module_hash: status.get('module_hash'),
    controllers: status.get('controllers').length,
    certificate_time_ms: ms,
    clock_skew_ms: Date.now() - ms,
  };
}

await answerEachLine(text, answer);
