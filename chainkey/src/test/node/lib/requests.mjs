// The request/answer protocol of the harness scripts that Java tests drive (derive-keys.mjs,
// delegation-chain.mjs): a file of JSON requests, one per line; one JSON answer line per request,
// in order, or {error}. Exit 0 if every request was answered, 1 otherwise, 2 on usage error.
import { readFileSync } from 'node:fs';
import { describe } from './fields.mjs';

/** The text of the one requests file named on the command line; exits 2 with `usage` otherwise. */
export function readRequestsFile(args, usage) {
  if (args.length !== 1) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  try {
    return readFileSync(args[0], 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${args[0]}: ${e.message}\n`);
    process.exit(2);
  }
}

/** Answers each non-blank line with `answer(request)` (may be async), then exits 0 or 1. */
export async function answerEachLine(text, answer) {
  let errors = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    try {
      console.log(JSON.stringify(await answer(JSON.parse(raw))));
    } catch (e) {
      errors++;
      console.log(JSON.stringify({ error: describe(e) }));
    }
  }
  process.exit(errors === 0 ? 0 : 1);
}
