import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  firstInvalidUtf8Offset,
  MAX_JSON_DEPTH,
  MAX_PACK_BYTES,
  packJsonSchema,
  readPackBytes,
  readPackText,
  validatePackDocument,
} from '@/scripts-library/packs/format';
import { bytesOf, makePack } from './helpers';

const problemsOf = (result: ReturnType<typeof readPackText>) => (result.ok ? [] : result.problems);

describe('pack file format', () => {
  it('reads a valid pack and fills in the defaults', () => {
    const result = readPackBytes(bytesOf({ ...makePack('1.0.0', [{ id: 'a' }]), scripts: [{ id: 'a', stage: 'greeting', kind: 'greeting', lang: 'en', title: 'Hi', text: 'Hello!' }] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.scripts[0]).toMatchObject({ channel: 'any', locked: false, tags: [] });
  });

  it('lists every problem by JSON path, not just the first', () => {
    const broken = { ...makePack('1.0.0', [{ id: 'a' }, { id: 'b' }]), version: 'one', scripts: [{ id: 'a', stage: 'nope' }, { id: 'a', text: 5 }] };
    const problems = problemsOf(validatePackDocument(broken));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^version: must be a semantic version/), expect.stringMatching(/^scripts\[0\]\.stage: /), expect.stringMatching(/^scripts\[1\]\.text: /), expect.stringMatching(/^scripts\[0\]\.title: missing/), 'scripts[1].id: "a" is used twice (first at scripts[0]); ids must be unique']));
  });

  it('refuses keys that reach for prototypes, wherever they are', () => {
    const text = '{"id":"p","name":"n","version":"1.0.0","publisher":"x","languages":["en"],"scripts":[{"id":"a","stage":"greeting","kind":"greeting","lang":"en","title":"t","text":"x","__proto__":{"locked":true}}],"constructor":1}';
    const problems = problemsOf(readPackText(text));
    expect(problems).toContain('scripts[0].__proto__: the key "__proto__" is not allowed in a pack');
    expect(problems).toContain('constructor: the key "constructor" is not allowed in a pack');
    expect(({} as Record<string, unknown>).locked).toBeUndefined();
  });

  it('refuses files over the size limit before parsing them', () => {
    const huge = new Uint8Array(MAX_PACK_BYTES + 1).fill(0x20);
    expect(problemsOf(readPackBytes(huge))[0]).toMatch(/larger than the 8 MB a pack may be/);
  });

  it('refuses deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(problemsOf(readPackText(deep))[0]).toMatch(new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels at line 1, column ${MAX_JSON_DEPTH + 1}`));
    // Brackets inside strings are text, not nesting.
    const inString = JSON.stringify(makePack('1.0.0', [{ id: 'a', text: '[[[[[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{' }]));
    expect(readPackText(inString).ok).toBe(true);
  });

  it('names the line and column of broken JSON', () => {
    const problems = problemsOf(readPackText('{\n  "id": "a",\n  "name": }'));
    expect(problems[0]).toBe('(file): not valid JSON: expected a value, found "}" (line 3, column 11)');
    expect(problemsOf(readPackText('{"a": "x\ny"}'))[0]).toMatch(/must be escaped .*line 1, column 9/);
    expect(problemsOf(readPackText('{"a": 1} x'))[0]).toMatch(/unexpected "x" after the end/);
    expect(problemsOf(readPackText('{"a": [1, 2}'))[0]).toMatch(/expected "," or "]", found "}" \(line 1, column 12\)/);
  });

  it('refuses invalid UTF-8 and says where', () => {
    const bytes = bytesOf(makePack('1.0.0', [{ id: 'a', text: 'नमस्ते' }]));
    const at = bytes.indexOf(0xe0);
    bytes[at + 1] = 0x28;
    expect(problemsOf(readPackBytes(bytes))[0]).toBe(`(file): not valid UTF-8 text (bad byte at offset ${at + 1}); save the pack as UTF-8`);
  });

  it('checks UTF-8 by the RFC: overlongs, surrogates and too-large code points are invalid', () => {
    expect(firstInvalidUtf8Offset(new TextEncoder().encode('a€𝄞नम'))).toBe(-1);
    expect(firstInvalidUtf8Offset(Uint8Array.of(0x41, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8Offset(Uint8Array.of(0xed, 0xa0, 0x80))).toBe(1); // UTF-16 surrogate
    expect(firstInvalidUtf8Offset(Uint8Array.of(0xf4, 0x90, 0x80, 0x80))).toBe(1); // past U+10FFFF
    expect(firstInvalidUtf8Offset(Uint8Array.of(0x61, 0xe2, 0x82))).toBe(1); // cut short
  });

  it('accepts a byte-order mark', () => {
    expect(readPackText(`\uFEFF${JSON.stringify(makePack('1.0.0', [{ id: 'a' }]))}`).ok).toBe(true);
  });
});

describe('pack JSON Schema', () => {
  it('is generated from the zod schema, and the committed public/pack.schema.json is current', () => {
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/pack.schema.json'), 'utf8'));
    // If this fails: npm run -s packs -- schema --out public/pack.schema.json
    expect(committed).toEqual(packJsonSchema());
  });

  it('lets editors flag typos and knows the enums', () => {
    const schema = packJsonSchema() as { additionalProperties: unknown; properties: Record<string, any> };
    expect(schema.additionalProperties).toBe(false);
    const script = schema.properties.scripts.items;
    expect(script.additionalProperties).toBe(false);
    expect(script.properties.stage.enum).toContain('follow_up');
    expect(script.required).toEqual(expect.arrayContaining(['id', 'stage', 'kind', 'lang', 'title', 'text']));
    expect(script.required).not.toContain('locked');
    expect(schema.properties.signature.properties.algorithm.const).toBe('Ed25519');
  });
});
