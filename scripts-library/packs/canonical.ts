/**
 * Canonical JSON for pack signatures, after RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16
 * code units, no whitespace, numbers and strings written as ECMAScript's JSON.stringify writes them. Two files that
 * differ only in key order, indentation or escaping style have the same canonical form, so re-saving a pack in an
 * editor does not break its signature, while any change to a value does.
 */

export class CanonicalJsonError extends Error {}

// A lone surrogate has no UTF-8 encoding: signer and verifier could disagree on its bytes, so JCS refuses it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function canonicalJson(value: unknown): string {
  return write(value, '');
}

/** The bytes a signature covers: the canonical form of `document` without its `signature` member. */
export function canonicalPackBytes(document: Record<string, unknown>): Uint8Array {
  const { signature: _signature, ...signed } = document;
  return new TextEncoder().encode(canonicalJson(signed));
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path || '(top level)'}: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw new CanonicalJsonError(`${path || '(top level)'}: text holds a lone UTF-16 surrogate`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort(compareUtf16)
      .map((key) => `${write(key, path)}:${write((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key)}`);
    return `{${entries.join(',')}}`;
  }
  throw new CanonicalJsonError(`${path || '(top level)'}: a ${typeof value} is not JSON`);
}

// Array.prototype.sort's default order is by UTF-16 code units, which is what JCS asks for; spelled out so nobody
// "fixes" it to localeCompare.
function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
