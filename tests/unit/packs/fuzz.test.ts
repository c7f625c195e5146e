import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, MAX_PACK_BYTES } from '@/scripts-library/packs/format';
import { MAX_SCRIPT_TEXT } from '@/scripts-library/schemas';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import { importPack, PackRefusedError } from '@/storage/packs';
import { saveScriptEdit } from '@/storage/scripts';
import { databaseDump, makePack } from './helpers';

// Thousands of malformed packs thrown at the importer: every one must be refused with reasons a person can read,
// and the database must come out exactly as it went in.

let db: AgentAssistDatabase;
let before: string;

beforeAll(async () => {
  db = createDatabase('packs-fuzz');
  await db.open();
  // Something to lose: an installed pack, an agent's edit of it, and a personal script.
  await importPack(db, makePack('1.0.0', [{ id: 'team.a' }, { id: 'team.b', locked: true }], { id: 'team' }), { source: 'file', now: 1 });
  await saveScriptEdit(db, { id: 'team.a', text: 'My edit' }, 2);
  await saveScriptEdit(db, { id: 'mine', stage: 'closing', kind: 'gratitude', lang: 'en', title: 'Mine', text: 'Thanks!' }, 3);
  before = await databaseDump(db);
});
afterAll(async () => {
  db.close();
  await db.delete();
});

async function expectRefused(input: Uint8Array | string | object): Promise<void> {
  const error = await importPack(db, input, { source: 'file', now: 99 }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PackRefusedError)) throw new Error(`not refused as expected: ${error instanceof Error ? error.stack : 'it installed'}: ${String(typeof input === 'string' ? input : JSON.stringify(input)).slice(0, 300)}`);
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) {
    // "where: what", short enough to read, and nothing that leaked from the machinery.
    expect(problem).toMatch(/^\S[^\n]*: \S/);
    expect(problem.length).toBeLessThan(400);
    expect(problem).not.toMatch(/\[object Object\]|undefined:|at Object\.|RangeError|Maximum call stack/);
  }
  expect(error.message.length).toBeLessThan(2500);
  expect(await databaseDump(db)).toBe(before);
}

const validScript = (id: string) => ({ id, stage: 'greeting', kind: 'greeting', lang: 'en', title: `T ${id}`, text: `Hello ${id}`, tags: ['x'], channel: 'chat', locked: false });
const validPack = (n = 3) => ({ $schema: './pack.schema.json', id: 'fuzz', name: 'Fuzz', version: '2.0.0', publisher: 'Lead', description: 'd', languages: ['en'], scripts: Array.from({ length: n }, (_, i) => validScript(`fuzz.${i}`)) });

const PACK_FIELDS = { $schema: 'string', id: 'string', name: 'string', version: 'string', publisher: 'string', description: 'string', languages: 'array', scripts: 'array' } as const;
const SCRIPT_FIELDS = { id: 'string', stage: 'string', kind: 'string', lang: 'string', title: 'string', text: 'string', tags: 'array', channel: 'string', locked: 'boolean' } as const;
const REQUIRED_PACK = ['id', 'name', 'version', 'publisher', 'languages', 'scripts'] as const;
const REQUIRED_SCRIPT = ['id', 'stage', 'kind', 'lang', 'title', 'text'] as const;

const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
const anyJson = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
const wrongTypeFor = (expected: string) => anyJson.filter((value) => kindOf(value) !== expected);

describe('importer fuzzing: every malformed pack is refused and nothing changes', () => {
  it('wrong types anywhere in the pack or a script', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...Object.keys(PACK_FIELDS)).chain((field) => fc.record({ where: fc.constant('pack' as const), field: fc.constant(field), value: wrongTypeFor(PACK_FIELDS[field as keyof typeof PACK_FIELDS]) })),
          fc.constantFrom(...Object.keys(SCRIPT_FIELDS)).chain((field) => fc.record({ where: fc.nat(2), field: fc.constant(field), value: wrongTypeFor(SCRIPT_FIELDS[field as keyof typeof SCRIPT_FIELDS]) })),
        ),
        async ({ where, field, value }) => {
          const pack: Record<string, any> = validPack();
          if (where === 'pack') pack[field] = value;
          else pack.scripts[where][field] = value;
          await expectRefused(JSON.stringify(pack));
        },
      ),
      { numRuns: 600, endOnFailure: true },
    );
  });

  it('missing required fields, and wrong shapes for the whole pack', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...REQUIRED_PACK], { minLength: 1 }),
        fc.subarray([...REQUIRED_SCRIPT]),
        async (packFields, scriptFields) => {
          const pack: Record<string, any> = validPack();
          for (const field of packFields) delete pack[field];
          if (pack.scripts) for (const field of scriptFields) delete pack.scripts[0][field];
          await expectRefused(pack);
        },
      ),
      { numRuns: 300, endOnFailure: true },
    );
    for (const whole of ['null', '[]', '"pack"', '42', 'true', '{}']) await expectRefused(whole);
  });

  it('values outside the allowed sets: stages, kinds, languages, versions, ids', async () => {
    const field = fc.constantFrom('stage', 'kind', 'lang', 'channel', 'version', 'id', 'packId');
    await fc.assert(
      fc.asyncProperty(field, fc.string({ maxLength: 30 }), async (name, value) => {
        const pack: Record<string, any> = validPack();
        if (name === 'version') pack.version = `v${value}`;
        else if (name === 'id') pack.scripts[1].id = ` ${value}`;
        else if (name === 'packId') pack.languages = [...pack.languages, `x-${value}`];
        else pack.scripts[2][name] = `not-${value}`;
        await expectRefused(JSON.stringify(pack));
      }),
      { numRuns: 400, endOnFailure: true },
    );
  });

  it('huge strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(['text', MAX_SCRIPT_TEXT], ['title', 200], ['id', 200], ['tag', 60], ['name', 200], ['description', 2000]),
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom('a', 'न', '😀', ' '),
        async ([field, limit], extra, char) => {
          const pack: Record<string, any> = validPack();
          // Limits count characters (code points), so an emoji counts once though it is two UTF-16 units.
          const huge = char.repeat(limit + extra);
          if (field === 'text' || field === 'title' || field === 'id') pack.scripts[0][field] = field === 'id' ? `a${'b'.repeat(limit + extra)}` : huge;
          else if (field === 'tag') pack.scripts[0].tags = [huge];
          else pack[field] = char === ' ' ? `x${huge}x` : huge; // names are trimmed: keep the spaces inside
          await expectRefused(JSON.stringify(pack));
        },
      ),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('deep nesting, as text and as values built in code', async () => {
    const place = (pack: Record<string, any>, where: string, value: unknown) => {
      if (where === 'tags') pack.scripts[0].tags = value;
      else pack[where] = value;
      return pack;
    };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: MAX_JSON_DEPTH, max: 50_000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom('description', 'tags', 'scripts'), async (depth, opener, where) => {
        const closer = opener === '[' ? ']' : '}';
        const nested = `${opener.repeat(depth)}1${closer.repeat(depth)}`;
        const text = JSON.stringify(place(validPack(), where, '__NESTED__')).replace('"__NESTED__"', nested);
        await expectRefused(text);
        if (depth < 2000) {
          let value: unknown = 1;
          for (let i = 0; i < depth; i++) value = opener === '[' ? [value] : { a: value };
          await expectRefused(place(validPack(), where, value));
        }
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('duplicate ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 40 }), fc.nat(), fc.nat(), async (n, i, j) => {
        const pack = validPack(n);
        const a = i % n;
        const b = (a + 1 + (j % (n - 1))) % n;
        pack.scripts[b]!.id = pack.scripts[a]!.id;
        await expectRefused(JSON.stringify(pack));
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('__proto__, constructor and prototype keys at any level', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom('top', 'script', 'signature'), anyJson, async (key, where, value) => {
        const marker = '"__MARK__":0';
        const pack: Record<string, any> = validPack();
        if (where === 'top') pack.__MARK__ = 0;
        else if (where === 'script') pack.scripts[1].__MARK__ = 0;
        else pack.signature = { algorithm: 'Ed25519', __MARK__: 0 };
        const text = JSON.stringify(pack).replace(marker, `${JSON.stringify(key)}:${JSON.stringify(value)}`);
        await expectRefused(text);
        expect(({} as Record<string, unknown>).locked).toBeUndefined();
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('invalid UTF-8 anywhere in the file', async () => {
    const invalid = fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80]);
    await fc.assert(
      fc.asyncProperty(invalid, fc.nat(), async (sequence, position) => {
        const bytes = new TextEncoder().encode(JSON.stringify({ ...validPack(), description: 'नमस्ते, வணக்கம், నమస్తే' }));
        // Insert between whole characters so that only the inserted bytes are wrong.
        let at = position % bytes.length;
        while (at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
        const tampered = new Uint8Array(bytes.length + sequence.length);
        tampered.set(bytes.subarray(0, at));
        tampered.set(sequence, at);
        tampered.set(bytes.subarray(at), at + sequence.length);
        await expectRefused(tampered);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('random bytes and random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }), fc.json()), async (input) => {
        await expectRefused(input);
      }),
      { numRuns: 400, endOnFailure: true },
    );
  });

  it('files of 10 MB and more', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: MAX_PACK_BYTES + 1, max: 12 * 1024 * 1024 }), fc.constantFrom('bytes', 'text'), async (size, form) => {
        // A pack whose one script is enormous: well-formed JSON, only too big.
        const head = JSON.stringify({ ...validPack(1), description: '' }).replace('"description":""', '"description":"');
        const filler = 'x'.repeat(Math.max(0, size - head.length - 2));
        const text = `${head.slice(0, head.indexOf('"description":"') + 15)}${filler}${head.slice(head.indexOf('"description":"') + 15)}`;
        await expectRefused(form === 'bytes' ? new TextEncoder().encode(text) : text);
      }),
      { numRuns: 6, endOnFailure: true },
    );
    await expectRefused(new Uint8Array(10 * 1000 * 1000).fill(0x20));
  });
});
