// Field access for one artifacts-log line (docs/FORMATS.md, "Artifacts log"): every failure names
// the field, so a FAIL line says exactly what was wrong with the artifact.
import { Principal } from '@dfinity/principal';

/** A check failed: the artifact is not what it claims to be. */
export class ArtifactError extends Error {}

const HEX = /^(?:[0-9a-f]{2})*$/;

export function str(line, field) {
  const v = line[field];
  if (typeof v !== 'string') {
    throw new ArtifactError(`field ${field} missing or not a string`);
  }
  return v;
}

/** Lowercase hex without 0x (the log's convention), decoded; optional exact byte length. */
export function hex(line, field, length) {
  return hexValue(str(line, field), field, length);
}

export function hexValue(v, field, length) {
  if (!HEX.test(v)) {
    throw new ArtifactError(`field ${field} is not lowercase hex of whole bytes`);
  }
  const bytes = Uint8Array.from(Buffer.from(v, 'hex'));
  if (length !== undefined && !(Array.isArray(length) ? length : [length]).includes(bytes.length)) {
    throw new ArtifactError(`field ${field} has ${bytes.length} bytes, expected ${length}`);
  }
  return bytes;
}

export function hexList(line, field) {
  const v = line[field];
  if (!Array.isArray(v)) {
    throw new ArtifactError(`field ${field} missing or not a list`);
  }
  return v.map((item, i) => {
    if (typeof item !== 'string') {
      throw new ArtifactError(`field ${field}[${i}] is not a string`);
    }
    return hexValue(item, `${field}[${i}]`);
  });
}

export function principal(line, field) {
  const text = str(line, field);
  try {
    const p = Principal.fromText(text);
    if (p.toText() !== text) {
      throw new Error('not in canonical text form');
    }
    return p;
  } catch (e) {
    throw new ArtifactError(`field ${field} is not a principal text: ${e.message}`);
  }
}

export function oneOf(line, field, allowed) {
  const v = str(line, field);
  if (!allowed.includes(v)) {
    throw new ArtifactError(`field ${field} is ${JSON.stringify(v)}, expected one of ${allowed.join('|')}`);
  }
  return v;
}

export function equalBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function toHex(bytes) {
  return Buffer.from(bytes).toString('hex');
}

/** Runs a library call; a throw from the library becomes a named failure. */
export function expect(condition, message) {
  if (!condition) {
    throw new ArtifactError(message);
  }
}

/** One-line reason for a failure: library errors lose their stack frames and are capped. */
export function describe(e) {
  const text = String(e && e.message !== undefined ? e.message : e)
    .split('\n')
    .filter(l => !/^\s*at /.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}
