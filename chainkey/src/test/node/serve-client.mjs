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
//   get; then a read_state of /time is verified with Certificate.create under the given key.
//   Answer: {"root_key_matches": bool, "incremented": decimal, "counter": decimal,
//   "got": text|null, "certificate_time_ms": number, "clock_skew_ms": number} or {"error"}.
// Query responses carry no node signatures yet, so verifyQuerySignatures is off.
import { Actor, Certificate, HttpAgent } from '@dfinity/agent';
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
    host: r.host, identity, shouldFetchRootKey: true, verifyQuerySignatures: false,
  });
  const canisterId = Principal.fromText(r.canister);
  const actor = Actor.createActor(counterIdl, { agent, canisterId });
  const incremented = await actor.increment();
  await actor.put(r.key, r.value);
  const counter = await actor.counter();
  const got = await actor.get(r.key);
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
    certificate_time_ms: ms,
    clock_skew_ms: Date.now() - ms,
  };
}

await answerEachLine(text, answer);
