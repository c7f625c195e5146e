import { z } from 'zod';
import { Pack, PackScript, describeIssues } from '../schemas';
import { findJsonSyntaxError } from './json-syntax';

/**
 * The pack file format: the shared `Pack` schema plus what only files carry (the signature, editor hints), and the
 * guarded reading every pack goes through before anything looks at its contents. A pack comes from a file someone
 * dropped, a URL, or a policy: all untrusted, so the reader bounds size and nesting before parsing and refuses keys
 * that could reach an object's prototype.
 */

/** Ten thousand real scripts are about 4 MB; twice that leaves room and keeps a hostile file from filling memory. */
export const MAX_PACK_BYTES = 8 * 1024 * 1024;
export const MAX_PACK_SCRIPTS = 20_000;
/** A valid pack nests four levels (pack → scripts → script → tags); anything far deeper is not a pack. */
export const MAX_JSON_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const BASE64_64_BYTES = /^[A-Za-z0-9+/]{86}==$/;

export const PackSignature = z
  .object({
    algorithm: z.literal('Ed25519'),
    publicKey: z
      .string()
      .regex(BASE64_32_BYTES, 'must be a base64 Ed25519 public key (44 characters)')
      .describe('The signer’s Ed25519 public key: 32 bytes, base64.'),
    value: z
      .string()
      .regex(BASE64_64_BYTES, 'must be a base64 Ed25519 signature (88 characters)')
      .describe('Ed25519 signature of the canonical JSON (RFC 8785) of the pack without its `signature` member: 64 bytes, base64.'),
  })
  .describe('Made by `npm run -s packs -- sign`; covers every other member of the pack.');
export type PackSignature = z.infer<typeof PackSignature>;

const DescribedPackScript = PackScript.extend({
  id: PackScript.shape.id.describe('Unique across packs; keep it stable between versions so agents’ edits follow it.'),
  title: PackScript.shape.title.describe('Short label shown on the suggestion card.'),
  text: PackScript.shape.text.describe(
    'The wording. Variables: {{customer.firstName}}, {{customer.name}}, {{agent.firstName}}, {{agent.name}}, {{company}}, {{ticket.id}}, {{ticket.subject}}, {{today}}; a fallback after a bar: {{customer.firstName|there}}; {{cursor}} marks where the caret goes.',
  ),
  locked: PackScript.shape.locked.describe('Locked scripts are the lead’s wording: agents can use and duplicate them, not edit them.'),
});

export const PackFile = Pack.extend({
  $schema: z.string().max(2000).optional().describe('Where editors find this schema; ignored by the extension.'),
  id: Pack.shape.id.describe('Stable id of the pack; a new version keeps it.'),
  version: Pack.shape.version.describe('Semantic version; an installed pack only moves forward unless a rollback is asked for.'),
  languages: Pack.shape.languages.describe('Languages the pack has scripts in.'),
  scripts: z.array(DescribedPackScript).max(MAX_PACK_SCRIPTS, `must hold at most ${MAX_PACK_SCRIPTS} scripts`),
  signature: PackSignature.optional(),
}).describe('An Agent Assist script pack: a team lead’s scripts that agents’ extensions install and keep current.');
export type PackFile = z.infer<typeof PackFile>;

/** The same schema, closed to unknown members: what editors check files against, so a typo like `lockd` shows. */
export const StrictPackFile = PackFile.extend({ scripts: z.array(DescribedPackScript.strict()).max(MAX_PACK_SCRIPTS) }).strict();

/** JSON Schema for editors, generated from the zod schema (the single source). */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(StrictPackFile, { io: 'input', target: 'draft-2020-12' }),
    title: 'Agent Assist script pack',
  };
}

export type PackReadResult =
  | { ok: true; pack: PackFile; document: Record<string, unknown> }
  | { ok: false; problems: string[] };

/** Reads a pack file's bytes: size, UTF-8, JSON, structure, schema, duplicate ids; every problem, not the first. */
export function readPackBytes(bytes: Uint8Array): PackReadResult {
  if (bytes.length > MAX_PACK_BYTES) return refuse(tooLarge(bytes.length));
  const invalidAt = firstInvalidUtf8Offset(bytes);
  if (invalidAt !== -1) return refuse(`(file): not valid UTF-8 text (bad byte at offset ${invalidAt}); save the pack as UTF-8`);
  return readPackText(new TextDecoder('utf-8').decode(bytes));
}

export function readPackText(text: string): PackReadResult {
  if (text.length > MAX_PACK_BYTES) return refuse(tooLarge(text.length));
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_PACK_BYTES) return refuse(tooLarge(size));
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooDeep = firstTooDeepOffset(source);
  if (tooDeep !== -1) {
    return refuse(`(file): nested deeper than ${MAX_JSON_DEPTH} levels at ${lineAndColumn(source, tooDeep)}; a pack is not that deep`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return refuse(`(file): not valid JSON: ${describeJsonError(error, source)}`);
  }
  return validatePackDocument(value);
}

/** Checks an already parsed value: forbidden keys, the schema, and ids used twice. */
export function validatePackDocument(value: unknown): PackReadResult {
  const problems = forbiddenKeyProblems(value);
  const parsed = PackFile.safeParse(value);
  if (!parsed.success) problems.push(...describePackIssues(parsed.error));
  problems.push(...duplicateIdProblems(value));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, pack: parsed.data, document: value as Record<string, unknown> };
}

/** `describeIssues`, with zod's "expected string, received undefined" said the way people say it: missing. */
export function describePackIssues(error: z.ZodError): string[] {
  return describeIssues(error).map((line) => line.replace(/: Invalid input: expected (\w+), received undefined$/, ': missing (expected $1)'));
}

/** The pack as the library stores it: the file-only members dropped. */
export function packContent(pack: PackFile): Pack {
  const { signature: _signature, $schema: _schema, ...content } = pack;
  return content;
}

export function formatJsonPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part.length > 60 ? `${part.slice(0, 60)}…` : part}`))
    .join('')
    .replace(/^\./, '');
}

function forbiddenKeyProblems(root: unknown): string[] {
  const problems: string[] = [];
  // Iterative, so that even a value built in code (not bounded by the text scan) cannot overflow the stack.
  const stack: Array<{ value: unknown; path: Array<string | number>; depth: number }> = [{ value: root, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    // The root object is bracket level 1 in the text, so level = depth + 1, matching the text scan.
    if (depth + 1 > MAX_JSON_DEPTH) {
      problems.push(`${formatJsonPath(path)}: nested deeper than ${MAX_JSON_DEPTH} levels`);
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i], depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(`${formatJsonPath([...path, key])}: the key "${key}" is not allowed in a pack`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
    }
  }
  return problems.reverse();
}

/** Read from the raw value, so duplicates are listed even when other problems fail the schema. */
function duplicateIdProblems(value: unknown): string[] {
  const scripts = value !== null && typeof value === 'object' ? (value as { scripts?: unknown }).scripts : undefined;
  if (!Array.isArray(scripts)) return [];
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  scripts.forEach((script: unknown, i) => {
    const id = script !== null && typeof script === 'object' ? (script as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, i);
    else problems.push(`scripts[${i}].id: "${id.length > 60 ? `${id.slice(0, 60)}…` : id}" is used twice (first at scripts[${first}]); ids must be unique`);
  });
  return problems;
}

function refuse(problem: string): PackReadResult {
  return { ok: false, problems: [problem] };
}

function tooLarge(bytes: number): string {
  return `(file): ${(bytes / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_PACK_BYTES / 1024 / 1024} MB a pack may be`;
}

/** Offset where bracket nesting (outside strings) first passes the limit, or -1. Runs before JSON.parse. */
function firstTooDeepOffset(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return -1;
}

function describeJsonError(error: unknown, source: string): string {
  const found = findJsonSyntaxError(source);
  if (found) return `${found.message} (${lineAndColumn(source, found.offset)})`;
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or code points past U+10FFFF). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) length = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) length = 4;
    else return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    min = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    if (lead === 0xed) max = 0x9f;
    if (lead === 0xf4) max = 0x8f;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if (k === 1 ? next < min || next > max : next < 0x80 || next > 0xbf) return i + k;
    }
    i += length;
  }
  return -1;
}
