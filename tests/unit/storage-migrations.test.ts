import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPack } from '@/scripts-library/default-pack';
import { Script, type Language, type Pack } from '@/scripts-library/schemas';
import {
  createDatabase,
  type AgentAssistDatabase,
  type DeletedPackScript,
  type FavouriteScript,
  type InsertEvent,
  type ScriptUsage,
  type ScriptVersion,
  type SilencedCheck,
} from '@/storage/database';
import { historyOf } from '@/storage/history';
import { saveScript } from '@/storage/library';
import { installPack } from '@/storage/packs';
import { scriptsForStage } from '@/storage/scripts';

/*
 * Every schema version the database has ever had, each with the rows a library of that time held. For each one the
 * test builds a database exactly as that version's code left it, fills it, closes it, and opens it with today's
 * createDatabase(): no row may be lost or changed (beyond what a later upgrade is documented to do), every index the
 * current schema declares must exist in IndexedDB and answer with the right rows, and the library must keep working.
 *
 * A new version in storage/database.ts needs one entry at the end of SCHEMA_HISTORY: its `stores` copied exactly,
 * rows for the tables it adds, and `upgrade` when its upgrader rewrites rows. The first test fails until it has one.
 */

type Rows = Record<string, unknown[]>;

interface SchemaHistoryEntry {
  version: number;
  /** A frozen copy of the argument storage/database.ts passes to `db.version(version).stores(...)`. */
  stores: Record<string, string | null>;
  /** Rows that a library of this version holds, for the tables this version adds (earlier entries give the rest). */
  rows(): Rows;
  /** What this version's upgrader does to rows saved by earlier versions; absent when it only adds tables or indexes. */
  upgrade?(rows: Rows): Rows;
}

const T0 = Date.UTC(2025, 0, 15, 9, 30);

function packScriptRow(script: Pack['scripts'][number], packId: string, at: number): Script {
  return Script.parse({ ...script, packId, version: 1, editedLocally: false, createdAt: at, updatedAt: at });
}

function personalScript(id: string, lang: Language, stage: Script['stage'], kind: Script['kind'], title: string, text: string, extra: Partial<Script> = {}): Script {
  return Script.parse({ id, lang, stage, kind, title, text, tags: ['mine'], channel: 'any', packId: null, locked: false, version: 1, editedLocally: false, createdAt: T0 + 1000, updatedAt: T0 + 1000, ...extra });
}

const acmePack: Pack = {
  id: 'acme-support',
  name: 'Acme Support standard',
  version: '2.1.0',
  publisher: 'Acme team lead',
  description: 'Wording the Acme support floor agreed on.',
  languages: ['en', 'hi'],
  scripts: [
    { id: 'acme.greeting.en', stage: 'greeting', kind: 'greeting', lang: 'en', title: 'Acme welcome', text: 'Welcome to Acme Support, {{customer.firstName|there}}! How may I help?', tags: ['acme'], channel: 'chat', locked: true },
    { id: 'acme.greeting.hi', stage: 'greeting', kind: 'greeting', lang: 'hi', title: 'Acme स्वागत', text: 'Acme सहायता में आपका स्वागत है, {{customer.firstName|जी}}!', tags: ['acme'], channel: 'any', locked: true },
    { id: 'acme.recovery.en', stage: 'recovery', kind: 'apology', lang: 'en', title: 'Acme apology', text: 'I am sorry about this, {{customer.firstName}}. I will put it right today.', tags: ['acme', 'heal'], channel: 'email', locked: false },
  ],
};

const DELETED_DEFAULT_IDS = () => defaultPack.scripts.filter((s) => s.stage === 'rapport').slice(0, 2).map((s) => s.id);

/** Version 1: scripts in every language, two packs (one recorded with the detail members packs.ts adds), tombstones. */
function version1Rows(): Rows {
  const deleted = new Set(DELETED_DEFAULT_IDS());
  const defaults = defaultPack.scripts.filter((s) => !deleted.has(s.id)).map((s) => packScriptRow(s, defaultPack.id, T0));
  const firstEnglish = defaults.find((s) => s.lang === 'en' && s.stage === 'discovery')!;
  const editedDefault: Script = { ...firstEnglish, text: `${firstEnglish.text} (our team's wording)`, version: 3, editedLocally: true, updatedAt: T0 + 5000 };
  const scripts: Script[] = [
    ...defaults.map((s) => (s.id === editedDefault.id ? editedDefault : s)),
    ...acmePack.scripts.map((s) => packScriptRow(s, acmePack.id, T0 + 2000)),
    personalScript('my.greeting.namaste.hi', 'hi', 'greeting', 'greeting', 'नमस्ते', 'नमस्ते {{customer.firstName|जी}}, मैं आपकी क्या सहायता कर सकती हूँ?'),
    personalScript('my.greeting.namaste.hi-Latn', 'hi-Latn', 'greeting', 'greeting', 'Namaste', 'Namaste {{customer.firstName|ji}}, main aapki kya madad kar sakti hoon?'),
    personalScript('my.recovery.sorry.ta', 'ta', 'recovery', 'apology', 'மன்னிப்பு', 'மன்னிக்கவும் {{customer.firstName|நண்பரே}}, இன்றே சரிசெய்கிறேன்.', { tags: ['heal', 'delay'], channel: 'chat' }),
    personalScript('my.recovery.sorry.ta-Latn', 'ta-Latn', 'recovery', 'apology', 'Mannippu', 'Mannikkavum {{customer.firstName|nanbare}}, indre sari seigiren.'),
    personalScript('my.closing.thanks.te', 'te', 'closing', 'gratitude', 'ధన్యవాదాలు', 'మాతో మాట్లాడినందుకు ధన్యవాదాలు, {{customer.firstName|గారు}}!', { tags: [] }),
    personalScript('my.closing.thanks.te-Latn', 'te-Latn', 'closing', 'gratitude', 'Dhanyavaadaalu', 'Maatho maatladinanduku dhanyavaadaalu!', { channel: 'phone' }),
    personalScript('my.solution.refund.es', 'es', 'solution', 'solution', 'Reembolso', 'He tramitado el reembolso; lo verá en 3 a 5 días hábiles.', { tags: ['refund', 'billing'], version: 4, updatedAt: T0 + 9000 }),
    personalScript('my.follow_up.check.en', 'en', 'follow_up', 'follow_up', 'Checking in', 'Hi {{customer.firstName|there}}, just checking the fix is still holding up.', { channel: 'email' }),
  ];
  const packs = [
    { id: defaultPack.id, name: defaultPack.name, version: defaultPack.version, publisher: defaultPack.publisher, installedAt: T0, updatedAt: T0 },
    {
      id: acmePack.id,
      name: acmePack.name,
      version: acmePack.version,
      publisher: acmePack.publisher,
      installedAt: T0 + 2000,
      updatedAt: T0 + 2000,
      source: 'url',
      sourceUrl: 'https://packs.acme.example/acme-support.json',
      signedBy: 'ed25519:3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29',
      unsigned: false,
      scriptCount: acmePack.scripts.length,
      content: acmePack,
      previous: { content: { ...acmePack, version: '2.0.0', scripts: acmePack.scripts.slice(0, 1) }, signedBy: null, unsigned: true },
      staleOverrides: [],
    },
  ];
  const deletedPackScripts: DeletedPackScript[] = DELETED_DEFAULT_IDS().map((id, i) => ({ id, packId: defaultPack.id, deletedAt: T0 + 3000 + i }));
  return { scripts, packs, deletedPackScripts };
}

/** Version 2: history (with the auto-incremented order) and silenced phrasing checks. */
function version2Rows(): Rows {
  const created = personalScript('my.solution.refund.es', 'es', 'solution', 'solution', 'Reembolso', 'He tramitado el reembolso.', { tags: ['refund'] });
  const spanish = (version: number, text: string): Script => ({ ...created, text, version, updatedAt: T0 + version * 1000 });
  const scriptVersions: ScriptVersion[] = [
    { seq: 1, scriptId: created.id, version: 1, at: T0 + 1000, author: 'Lucía', action: 'create', changed: ['title', 'text', 'lang', 'stage', 'kind', 'channel', 'tags'], script: created },
    { seq: 2, scriptId: created.id, version: 2, at: T0 + 2000, author: 'Lucía', action: 'edit', changed: ['text'], script: spanish(2, 'He tramitado el reembolso; lo verá pronto.') },
    { seq: 3, scriptId: created.id, version: 3, at: T0 + 3000, author: 'Ravi', action: 'edit', changed: ['text', 'tags'], script: spanish(3, 'Reembolso hecho.') },
    { seq: 4, scriptId: created.id, version: 4, at: T0 + 9000, author: 'Lucía', action: 'revert', changed: ['text', 'tags'], script: spanish(4, 'He tramitado el reembolso; lo verá en 3 a 5 días hábiles.'), revertedTo: 2 },
    { seq: 7, scriptId: 'my.gone.en', version: 1, at: T0 + 9500, author: '', action: 'delete', changed: [], script: personalScript('my.gone.en', 'en', 'closing', 'closing', 'Old goodbye', 'Bye now.') },
  ];
  const silencedChecks: SilencedCheck[] = [
    { scriptId: 'my.recovery.sorry.ta', check: 'apology-without-action', reason: 'The action follows in the next script.', author: 'Meena', at: T0 + 4000 },
    { scriptId: 'my.recovery.sorry.ta', check: 'too-long', reason: 'Tamil needs the words.', author: 'Meena', at: T0 + 4100 },
    { scriptId: 'my.solution.refund.es', check: 'too-long', reason: 'Legal wording.', author: 'Lucía', at: T0 + 4200 },
  ];
  return { scriptVersions, silencedChecks };
}

/** Version 3: inserts with their outcomes (only hashes of page text), usage counts, favourites. */
function version3Rows(): Rows {
  const insert = (seq: number, scriptId: string, extra: Partial<InsertEvent>): InsertEvent => ({
    seq,
    at: T0 + 20_000 + seq * 60_000,
    scriptId,
    stage: 'greeting',
    kind: 'greeting',
    lang: 'en',
    site: 'zendesk',
    conversation: 'c9a1f0e2',
    method: 'inserted',
    turnsAtInsert: 1,
    textHash: 1_083_540_112,
    textLength: 41,
    sentAt: null,
    sentTurn: null,
    edited: null,
    nextDissatisfaction: null,
    ...extra,
  });
  const insertEvents: InsertEvent[] = [
    insert(1, 'acme.greeting.en', { sentAt: T0 + 81_000, sentTurn: 1, edited: false, nextDissatisfaction: 0.05 }),
    insert(2, 'my.recovery.sorry.ta', { stage: 'recovery', kind: 'apology', lang: 'ta', site: 'freshdesk', conversation: '0b7e44aa', turnsAtInsert: 4, sentAt: T0 + 141_500, sentTurn: 4, edited: true, nextDissatisfaction: 0.6 }),
    insert(3, 'my.greeting.namaste.hi-Latn', { lang: 'hi-Latn', site: 'generic', conversation: '77aa01bc', method: 'copied' }),
    insert(5, 'acme.greeting.en', { site: 'freescout', conversation: 'ee01ff02' }),
  ];
  const scriptUsage: ScriptUsage[] = [
    { scriptId: 'acme.greeting.en', count: 2, lastUsedAt: T0 + 320_000 },
    { scriptId: 'my.recovery.sorry.ta', count: 1, lastUsedAt: T0 + 140_000 },
    { scriptId: 'my.greeting.namaste.hi-Latn', count: 1, lastUsedAt: T0 + 200_000 },
  ];
  const favouriteScripts: FavouriteScript[] = [
    { scriptId: 'my.recovery.sorry.ta', at: T0 + 150_000 },
    { scriptId: 'acme.greeting.hi', at: T0 + 151_000 },
  ];
  return { insertEvents, scriptUsage, favouriteScripts };
}

const SCHEMA_HISTORY: SchemaHistoryEntry[] = [
  {
    version: 1,
    stores: { scripts: 'id, stage, lang, kind, packId, updatedAt, [stage+lang]', packs: 'id', deletedPackScripts: 'id, packId' },
    rows: version1Rows,
  },
  {
    version: 2,
    stores: { scriptVersions: '++seq, scriptId, [scriptId+version], at', silencedChecks: '[scriptId+check], scriptId' },
    rows: version2Rows,
  },
  {
    version: 3,
    stores: { insertEvents: '++seq, at, scriptId, conversation', scriptUsage: 'scriptId', favouriteScripts: 'scriptId' },
    rows: version3Rows,
  },
  {
    version: 4,
    stores: { scripts: 'id, stage, packId, [stage+lang]' },
    rows: () => ({}),
  },
];

/* ---------------------------------------------------------------------------------------------------------------- */

const cmp = (a: unknown, b: unknown) => indexedDB.cmp(a, b);

function isKey(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return Array.isArray(value) && value.every(isKey);
}

/** The keys a row contributes to an index, as IndexedDB computes them (none when the value is not a valid key). */
function indexKeys(row: unknown, keyPath: string | string[], multiEntry: boolean): unknown[] {
  const value = Dexie.getByKeyPath(row as object, keyPath);
  if (Array.isArray(keyPath)) return isKey(value) ? [value] : [];
  if (multiEntry && Array.isArray(value)) {
    const keys = value.filter(isKey);
    return keys.filter((k, i) => keys.findIndex((other) => cmp(other, k) === 0) === i);
  }
  return isKey(value) ? [value] : [];
}

const sortKeys = (keys: unknown[]) => [...keys].sort(cmp);

/** Rows a library has after upgrading from `fromVersion` to the current version: each later upgrader applied in turn. */
function expectedRowsAfterUpgrade(fromIndex: number): Rows {
  let rows: Rows = {};
  for (const entry of SCHEMA_HISTORY.slice(0, fromIndex + 1)) rows = { ...rows, ...entry.rows() };
  for (const entry of SCHEMA_HISTORY.slice(fromIndex + 1)) rows = entry.upgrade ? entry.upgrade(rows) : rows;
  return rows;
}

/** The database exactly as the code of `version` created it: only the `stores` calls up to that version. */
function databaseAtVersion(name: string, index: number): Dexie {
  const old = new Dexie(name);
  for (const entry of SCHEMA_HISTORY.slice(0, index + 1)) old.version(entry.version).stores(entry.stores);
  return old;
}

interface DeclaredVersion {
  _cfg: { version: number; storesSource: Record<string, string | null> | null };
}

let opened: Dexie[] = [];
afterEach(async () => {
  // Every connection closed before any delete, so no open one is asked to make way.
  opened.forEach((db) => db.close());
  for (const db of opened) await db.delete();
  opened = [];
});

describe('database schema history', () => {
  it('has one entry per version storage/database.ts declares, each an exact copy of that version', () => {
    const current = createDatabase('schema-history-check');
    // Dexie keeps the declared versions on `_versions`; reading them is the only way to see each block as written.
    const declared = ((current as unknown as { _versions: DeclaredVersion[] })._versions ?? [])
      .map((v) => ({ version: v._cfg.version, stores: v._cfg.storesSource ?? {} }))
      .sort((a, b) => a.version - b.version);
    expect(declared.length, 'Dexie internals changed: read the declared versions another way').toBeGreaterThan(0);
    const missing = declared.filter((d) => !SCHEMA_HISTORY.some((h) => h.version === d.version)).map((d) => d.version);
    expect(missing, `storage/database.ts declares version(s) ${missing.join(', ')} with no entry in SCHEMA_HISTORY: add one (its stores and realistic rows)`).toEqual([]);
    expect(
      SCHEMA_HISTORY.map(({ version, stores }) => ({ version, stores })),
      'an existing version block in storage/database.ts was changed; versions are append-only, add a new version instead',
    ).toEqual(declared);
    expect(current.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
  });

  for (const [index, entry] of SCHEMA_HISTORY.entries()) {
    const label = index === SCHEMA_HISTORY.length - 1 ? `version ${entry.version} (current), closed and reopened` : `version ${entry.version}, upgraded to the current version`;

    it(`a library saved at ${label} keeps every row, and every index answers right`, async () => {
      const name = `migration-from-v${entry.version}`;
      const seeded: Rows = {};
      for (const e of SCHEMA_HISTORY.slice(0, index + 1)) Object.assign(seeded, e.rows());

      const old = databaseAtVersion(name, index);
      opened.push(old);
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(seeded)) await old.table(table).bulkAdd(rows);
      });
      for (const table of old.tables) expect(await table.count(), `seeded ${table.name}`).toBe(seeded[table.name]?.length ?? 0);
      old.close();

      const db = createDatabase(name);
      opened.push(db);
      await db.open();
      expect(db.backendDB().version).toBe(db.verno * 10);

      const expected = expectedRowsAfterUpgrade(index);
      const idb = db.backendDB();
      for (const table of db.tables) {
        const { primKey, indexes } = table.schema;
        const rows = expected[table.name] ?? [];

        // No row lost, none changed: compared in primary-key order.
        const byKey = (a: unknown, b: unknown) => cmp(Dexie.getByKeyPath(a as object, primKey.keyPath!), Dexie.getByKeyPath(b as object, primKey.keyPath!));
        expect(await table.toArray(), `rows of ${table.name}`).toEqual([...rows].sort(byKey));

        // Every declared index exists in IndexedDB itself, with the declared key path and flags.
        const store = idb.transaction(table.name, 'readonly').objectStore(table.name);
        expect([...store.indexNames].sort(), `indexes of ${table.name}`).toEqual(indexes.map((i) => i.name).sort());
        for (const index of indexes) {
          const native = store.index(index.name);
          expect({ keyPath: native.keyPath, multiEntry: native.multiEntry, unique: native.unique }, `${table.name}.${index.name}`).toEqual({
            keyPath: index.keyPath,
            multiEntry: !!index.multi,
            unique: !!index.unique,
          });
        }

        // Every index (and the primary key) finds exactly the rows whose value is the one asked for.
        const primaryKeyOf = (row: unknown) => Dexie.getByKeyPath(row as object, primKey.keyPath!);
        for (const index of [{ name: ':id', keyPath: primKey.keyPath!, multi: false }, ...indexes]) {
          const keyPath = index.keyPath as string | string[];
          const entries = rows.flatMap((row) => indexKeys(row, keyPath, !!index.multi).map((key) => ({ key, primaryKey: primaryKeyOf(row) })));
          expect(index.name === ':id' ? await table.count() : await table.orderBy(index.name).count(), `entries in ${table.name}.${index.name}`).toBe(entries.length);
          const distinct = sortKeys(entries.map((e) => e.key)).filter((k, i, all) => i === 0 || cmp(all[i - 1], k) !== 0);
          for (const key of distinct) {
            const want = sortKeys(entries.filter((e) => cmp(e.key, key) === 0).map((e) => e.primaryKey));
            const clause = index.name === ':id' ? table.where(':id') : table.where(index.name);
            const got = await clause.equals(key as never).primaryKeys();
            expect(sortKeys(got), `${table.name} where ${index.name} = ${JSON.stringify(key)}`).toEqual(want);
          }
        }
      }

      await expectLibraryStillWorks(db, expected);
    });
  }
});

/** The repositories on the upgraded database: reads through the indexes they use, and writes that extend history. */
async function expectLibraryStillWorks(db: AgentAssistDatabase, expected: Rows): Promise<void> {
  const scripts = expected.scripts as Script[];
  const hindiGreetings = await scriptsForStage(db, 'greeting', ['hi', 'hi-Latn']);
  expect(hindiGreetings.map((s) => s.id).sort()).toEqual(
    scripts.filter((s) => s.stage === 'greeting' && (s.lang === 'hi' || s.lang === 'hi-Latn')).map((s) => s.id).sort(),
  );
  expect(hindiGreetings.length).toBeGreaterThan(2);

  // The next history entry gets an order after every one the library had: the auto-increment survived the upgrade.
  const earlier = (expected.scriptVersions ?? []) as ScriptVersion[];
  const highestSeq = Math.max(0, ...earlier.map((v) => v.seq ?? 0));
  await saveScript(db, 'my.closing.thanks.te', { text: 'మాతో మాట్లాడినందుకు చాలా ధన్యవాదాలు!' }, { author: 'Sravani', now: T0 + 50_000 });
  const history = await historyOf(db, 'my.closing.thanks.te');
  expect(history.map((v) => v.action)).toEqual(['baseline', 'edit']);
  expect(history.every((v) => (v.seq ?? 0) > highestSeq)).toBe(true);

  // A tombstone still keeps a deleted pack script away when the pack is installed again.
  const deletedId = DELETED_DEFAULT_IDS()[0]!;
  await installPack(db, { ...defaultPack, version: '99.0.0' }, { now: T0 + 60_000 });
  expect(await db.scripts.get(deletedId)).toBeUndefined();
}
