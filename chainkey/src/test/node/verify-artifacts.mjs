#!/usr/bin/env node
// Re-verifies a subnet-sim artifacts log with independent libraries (docs/FORMATS.md, "Artifacts
// log").
//
//   node verify-artifacts.mjs [--expect-fail] <artifacts.jsonl>
//
// Prints "ok <line> <kind>" or "FAIL <line> <kind>: <reason>" per non-blank line, then
// "<N> passed, <M> failed". Exit 0 if every artifact verified, 1 if any failed, 2 on usage error.
// With --expect-fail the roles swap (negative tests): exit 0 only if every artifact was rejected.
import { readFileSync } from 'node:fs';
import { verifyArtifact } from './lib/checks.mjs';
import { describe } from './lib/fields.mjs';

function usage(message) {
  process.stderr.write(`${message}\nusage: node verify-artifacts.mjs [--expect-fail] <artifacts.jsonl>\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const expectFail = args[0] === '--expect-fail';
const files = expectFail ? args.slice(1) : args;
if (files.length !== 1) {
  usage('expected exactly one artifacts file');
}
let text;
try {
  text = readFileSync(files[0], 'utf8');
} catch (e) {
  usage(`cannot read ${files[0]}: ${e.message}`);
}

let passed = 0;
const ecdhCallers = new Map(); // derived ECDH key -> its caller, across the file
let failed = 0;
const lines = text.split('\n');
for (let i = 0; i < lines.length; i++) {
  const raw = lines[i].trim();
  if (raw === '') {
    continue;
  }
  const lineNo = i + 1;
  let kind = '?';
  try {
    let parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw new Error(`not valid JSON: ${e.message}`);
    }
    if (parsed && typeof parsed.kind === 'string') {
      kind = parsed.kind;
    }
    const note = await verifyArtifact(parsed, ecdhCallers);
    passed++;
    console.log(`ok ${lineNo} ${kind} (${note})`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${lineNo} ${kind}: ${describe(e)}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
if (passed + failed === 0) {
  usage(`no artifacts in ${files[0]}`);
}
process.exit(expectFail ? (passed === 0 ? 0 : 1) : (failed === 0 ? 0 : 1));
