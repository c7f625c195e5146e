// @vitest-environment happy-dom
import type { DBCore, Middleware } from 'dexie';
import { act, createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupSection } from '@/components/backup/BackupSection';
import { defaultPack } from '@/scripts-library/default-pack';
import { MAX_SCRIPT_TEXT, type Pack } from '@/scripts-library/schemas';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_ROW_SCHEMAS,
  BackupExportError,
  BackupRefusedError,
  checkBackup,
  exportLibrary,
  MAX_BACKUP_STRING,
  restoreLibrary,
  serializeBackup,
} from '@/storage/backup';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import { ensureDefaultPack } from '@/storage/default-pack';
import { historyOf } from '@/storage/history';
import { createScript, deleteScriptKeepingHistory, saveScript, silenceCheck } from '@/storage/library';
import { installPack } from '@/storage/packs';
import { scriptsForStage } from '@/storage/scripts';
import { conversationFingerprint, recordInsert, toggleFavourite } from '@/storage/usage';
import { $, $$, click, mount, waitFor, type Mounted } from './library/dom';
import { classifyStorageError } from '@/storage/storage-errors';

// The whole library to one file and back, against the real storage code on fake-indexeddb: a genuine backup comes
// back byte for byte, and a damaged, foreign or hostile one is refused with every reason while the library stays
// exactly as it was (compared as a full dump of every table).

const NOW = Date.UTC(2025, 5, 1, 12, 0);
let n = 0;
let open: AgentAssistDatabase[] = [];

async function freshDatabase(middleware?: Middleware<DBCore>): Promise<AgentAssistDatabase> {
  const db = createDatabase(`backup-${++n}`);
  if (middleware) db.use(middleware);
  await db.open();
  open.push(db);
  return db;
}

afterEach(async () => {
  open.forEach((db) => db.close());
  for (const db of open) await db.delete();
  open = [];
});

const acme: Pack = {
  id: 'acme-support',
  name: 'Acme Support',
  version: '1.2.0',
  publisher: 'Acme lead',
  description: 'Team wording.',
  languages: ['en', 'te'],
  scripts: [
    { id: 'acme.greeting.en', stage: 'greeting', kind: 'greeting', lang: 'en', title: 'Welcome', text: 'Welcome to Acme, {{customer.firstName|there}}!', tags: ['acme'], channel: 'any', locked: true },
    { id: 'acme.closing.te', stage: 'closing', kind: 'gratitude', lang: 'te', title: 'ధన్యవాదాలు', text: 'Acme ను ఎంచుకున్నందుకు ధన్యవాదాలు!', tags: [], channel: 'chat', locked: false },
  ],
};

/** A library with something in every table, made through the same repository functions the pages use. */
async function fillLibrary(db: AgentAssistDatabase): Promise<void> {
  await installPack(db, defaultPack, { now: NOW });
  await installPack(db, acme, { now: NOW + 1 });
  const meena = { author: 'Meena', now: NOW + 10 };
  const tamil = await createScript(db, { title: 'Sorry for the wait', text: 'காத்திருக்க வைத்ததற்கு மன்னிக்கவும், {{customer.firstName|நண்பரே}}.', lang: 'ta', stage: 'recovery', kind: 'apology', tags: ['delay'] }, meena);
  await saveScript(db, tamil.id, { text: 'காத்திருக்க வைத்ததற்கு மன்னிக்கவும்; இப்போதே பார்க்கிறேன்.' }, { author: 'Ravi', now: NOW + 20 });
  await createScript(db, { title: 'Kya haal', text: 'Aap kaise hain {{customer.firstName|ji}}?', lang: 'hi-Latn', stage: 'rapport', kind: 'rapport_question' }, meena);
  await createScript(db, { title: 'Seguimiento', text: '¿Sigue funcionando la solución, {{customer.firstName}}?', lang: 'es', stage: 'follow_up', kind: 'follow_up', channel: 'email' }, meena);
  const englishDefault = defaultPack.scripts.find((s) => s.lang === 'en' && s.stage === 'solution' && !s.locked)!;
  await saveScript(db, englishDefault.id, { text: `${englishDefault.text} (edited here)` }, { author: 'Meena', now: NOW + 30 });
  const doomed = defaultPack.scripts.find((s) => s.lang === 'hi' && !s.locked)!;
  await deleteScriptKeepingHistory(db, doomed.id, { author: 'Meena', now: NOW + 40 });
  await silenceCheck(db, tamil.id, 'too-long', 'Tamil needs the words', meena);
  const acmeGreeting = acme.scripts[0]!;
  await recordInsert(db, { script: acmeGreeting, site: 'zendesk', conversation: conversationFingerprint('zendesk', '1001'), method: 'inserted', turnsAtInsert: 1, text: 'Welcome to Acme, Daniel!' }, NOW + 50);
  await recordInsert(db, { script: tamil, site: 'freshdesk', conversation: conversationFingerprint('freshdesk', '77'), method: 'copied', turnsAtInsert: 3, text: tamil.text }, NOW + 70);
  await toggleFavourite(db, tamil.id, NOW + 80);
}

/** Every row of every table, exactly as IndexedDB returns it. */
async function dump(db: AgentAssistDatabase): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  return all;
}

async function backupText(db: AgentAssistDatabase): Promise<string> {
  return serializeBackup(await exportLibrary(db, { now: NOW }));
}

describe('backup format', () => {
  it('has a row schema for every table the database declares, so a new table cannot be restored unchecked', async () => {
    const db = await freshDatabase();
    expect(Object.keys(BACKUP_ROW_SCHEMAS).sort()).toEqual(db.tables.map((t) => t.name).sort());
  });

  it('exports every table, one row per line, with a format version and the database version', async () => {
    const db = await freshDatabase();
    await fillLibrary(db);
    const text = await backupText(db);
    const parsed = JSON.parse(text) as { format: string; formatVersion: number; databaseVersion: number; exportedAt: string; tables: Record<string, unknown[]> };
    expect(parsed).toMatchObject({ format: 'agent-assist-backup', formatVersion: BACKUP_FORMAT_VERSION, databaseVersion: db.verno, exportedAt: new Date(NOW).toISOString() });
    const live = await dump(db);
    expect(Object.keys(parsed.tables).sort()).toEqual(Object.keys(live).sort());
    for (const [name, rows] of Object.entries(live)) {
      expect(rows.length, `${name} has rows, so the round trip below covers it`).toBeGreaterThan(0);
      expect(parsed.tables[name], name).toHaveLength(rows.length);
    }
    const lines = text.split('\n');
    const start = lines.indexOf('    "scripts": [') + 1;
    const scriptRows = lines.slice(start, lines.findIndex((line, i) => i >= start && /^ {4}\],?$/.test(line)));
    expect(scriptRows.length).toBe(live.scripts!.length);
    expect(scriptRows.every((line) => JSON.parse(line.replace(/,$/, '')) !== null)).toBe(true);
  });

  it('round trip: restoring into an empty database gives the same rows and the same bytes when exported again', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const first = await backupText(source);

    const target = await freshDatabase();
    const result = await restoreLibrary(target, first);
    expect(result.counts.scripts).toBe(await source.scripts.count());
    expect(await backupText(target)).toBe(first);
    expect(await dump(target)).toEqual(await dump(source));

    // The restored library works: pack scripts, personal scripts in every language, history that goes on.
    const tamilApologies = await scriptsForStage(target, 'recovery', ['ta']);
    expect(tamilApologies.some((s) => s.id.startsWith('my.recovery.'))).toBe(true);
    const tamilId = tamilApologies.find((s) => s.id.startsWith('my.recovery.'))!.id;
    await saveScript(target, tamilId, { text: 'மன்னிக்கவும், இதோ தீர்வு.' }, { author: 'Meena', now: NOW + 100 });
    expect((await historyOf(target, tamilId)).map((v) => v.action)).toEqual(['create', 'edit', 'edit']);
    expect(await ensureDefaultPack(target)).toBeNull();
  });

  it('restoring replaces the library: what is not in the backup is gone, a deleted pack script stays deleted', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const text = await backupText(source);
    const target = await freshDatabase();
    await createScript(target, { title: 'Only here', text: 'Not in the backup', lang: 'en', stage: 'closing', kind: 'closing' }, { author: 'x', now: NOW });
    await restoreLibrary(target, text);
    expect(await target.scripts.filter((s) => s.title === 'Only here').count()).toBe(0);
    expect(await target.scriptVersions.where('scriptId').equals('my.closing.only-here.en').count()).toBe(0);
    const tombstone = (await target.deletedPackScripts.toArray())[0]!;
    await installPack(target, { ...defaultPack, version: '9.0.0' }, { now: NOW + 200 });
    expect(await target.scripts.get(tombstone.id)).toBeUndefined();
  });

  it('restores a backup of an earlier library version, leaving the tables added since empty', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const document = JSON.parse(await backupText(source)) as { databaseVersion: number; tables: Record<string, unknown[]> };
    document.databaseVersion = 1;
    for (const later of ['scriptVersions', 'silencedChecks', 'insertEvents', 'scriptUsage', 'favouriteScripts']) delete document.tables[later];
    const target = await freshDatabase();
    await fillLibrary(target);
    await restoreLibrary(target, JSON.stringify(document));
    expect(await target.scripts.count()).toBe(await source.scripts.count());
    expect(await target.scriptVersions.count()).toBe(0);
    expect(await target.favouriteScripts.count()).toBe(0);
  });

  it('fills in members a row lacks that have a default, and keeps members it does not know', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const document = JSON.parse(await backupText(source)) as { tables: { scripts: Array<Record<string, unknown>> } };
    const [first, second] = document.tables.scripts;
    delete first!.tags;
    delete first!.locked;
    second!.addedByANewerVersion = { kept: true };
    const target = await freshDatabase();
    await restoreLibrary(target, JSON.stringify(document));
    expect(await target.scripts.get(first!.id as string)).toMatchObject({ tags: [], locked: false });
    expect(await target.scripts.get(second!.id as string)).toMatchObject({ addedByANewerVersion: { kept: true } });
  });

  it('will not export a value JSON cannot hold: it stops with the path instead of losing it', async () => {
    const db = await freshDatabase();
    await fillLibrary(db);
    const script = (await db.scripts.toArray())[0]!;
    await db.scripts.put({ ...script, reviewedAt: new Date(NOW) } as typeof script);
    const error = await exportLibrary(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupExportError);
    expect((error as Error).message).toMatch(/scripts\[\d+\]\.reviewedAt is a Date/);
  });
});

type Row = Record<string, unknown>;
type Document = Record<string, unknown> & { tables: Record<string, Row[]> };

/** The first row of a table in a parsed backup (the tests below damage it). */
const rowOf = (d: Document, table: string, index = 0): Row => {
  const row = d.tables[table]?.[index];
  if (!row) throw new Error(`test setup: no ${table}[${index}] in the backup`);
  return row;
};

interface BadBackup {
  name: string;
  make(text: string, doc: () => Document): string;
  /** Every one of these must be among the problems. */
  reasons: RegExp[];
}

/** A damage that must land: a test whose "damage" missed the text would pass for the wrong reason. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`test setup: "${from}" is not in the backup`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const edit = (change: (doc: Document) => void) => (_text: string, doc: () => Document) => {
  const d = doc();
  change(d);
  return JSON.stringify(d);
};

const BAD_BACKUPS: BadBackup[] = [
  { name: 'an empty file', make: () => '', reasons: [/not complete JSON/] },
  { name: 'a file cut off half-way', make: (text) => text.slice(0, Math.floor(text.length / 2)), reasons: [/^\(file\): is not complete JSON, so it was damaged or cut off/] },
  { name: 'a file cut off after the last row', make: (text) => text.slice(0, text.lastIndexOf(']')), reasons: [/not complete JSON/] },
  { name: 'a corrupted byte', make: (text) => replaceOnce(text, '"stage":"greeting"', '"stage":"greeting\u0000'), reasons: [/not complete JSON/] },
  { name: 'a pack file instead of a backup', make: () => JSON.stringify(defaultPack), reasons: [/not an Agent Assist backup file/] },
  { name: 'a JSON list', make: () => '[]', reasons: [/not an Agent Assist backup file/] },
  { name: 'a newer backup format', make: edit((d) => (d.formatVersion = BACKUP_FORMAT_VERSION + 1)), reasons: [/^formatVersion: .*newer Agent Assist.*Update the extension/] },
  { name: 'a newer library version', make: edit((d) => (d.databaseVersion = 999)), reasons: [/^databaseVersion: .*library version 999.*Update the extension/] },
  { name: 'a format version that is text', make: edit((d) => (d.formatVersion = '1')), reasons: [/^formatVersion: .*expected number/] },
  { name: 'a table this version does not have', make: edit((d) => (d.tables.mystery = [{ id: 'x' }])), reasons: [/^tables\.mystery: .*no such table/] },
  { name: 'a table missing from a same-version backup', make: edit((d) => delete d.tables.silencedChecks), reasons: [/^tables\.silencedChecks: is missing/] },
  { name: 'a table that is not a list', make: edit((d) => ((d.tables as Record<string, unknown>).scripts = { a: 1 })), reasons: [/^tables\.scripts: .*expected array/] },
  {
    name: 'wrong types in rows, each listed by path',
    make: edit((d) => {
      rowOf(d, 'scripts').version = '2';
      rowOf(d, 'scripts', 1).stage = 'small_talk';
      rowOf(d, 'packs').installedAt = null;
      rowOf(d, 'scriptVersions').script = 'not a script';
      rowOf(d, 'insertEvents').method = 'typed';
    }),
    reasons: [/^tables\.scripts\[0\]\.version: .*expected number/, /^tables\.scripts\[1\]\.stage: /, /^tables\.packs\[0\]\.installedAt: /, /^tables\.scriptVersions\[0\]\.script: /, /^tables\.insertEvents\[0\]\.method: /],
  },
  { name: 'a row that is not an object', make: edit((d) => ((d.tables.scripts as unknown[])[2] = 'hello')), reasons: [/^tables\.scripts\[2\]: must be an object/] },
  { name: 'a row without its key', make: edit((d) => delete rowOf(d, 'scriptVersions').seq), reasons: [/^tables\.scriptVersions\[0\]: has no usable key \(seq\)/] },
  { name: 'two rows with one key', make: edit((d) => (rowOf(d, 'scripts', 1).id = rowOf(d, 'scripts').id)), reasons: [/^tables\.scripts\[1\]: has the same key as tables\.scripts\[0\]/] },
  {
    name: 'a __proto__ member',
    make: (text) => replaceOnce(text, '{"action":', '{"__proto__":{"polluted":true},"action":'),
    reasons: [/^tables\.scriptVersions\[0\]\.__proto__: "__proto__" is not allowed/],
  },
  { name: 'a constructor member at the top', make: (text) => replaceOnce(text, '{\n', '{"constructor":{"prototype":{"polluted":true}},\n'), reasons: [/^constructor: "constructor" is not allowed/] },
  { name: 'a script text longer than any script may be', make: edit((d) => (rowOf(d, 'scripts').text = 'a'.repeat(MAX_SCRIPT_TEXT + 1))), reasons: [/^tables\.scripts\[0\]\.text: must be at most 20000 characters/] },
  { name: 'a huge string anywhere', make: edit((d) => (rowOf(d, 'favouriteScripts').note = 'x'.repeat(MAX_BACKUP_STRING + 1))), reasons: [/^tables\.favouriteScripts\[0\]\.note: is 1,000,001 characters long/] },
  {
    name: 'absurd nesting',
    make: (text) => replaceOnce(text, '"scripts": [\n      {', `"scripts": [\n      {"extra":${'['.repeat(100_000)}"bottom"${']'.repeat(100_000)},`),
    reasons: [/^tables\.scripts\[0\]\.extra(\[0\])+: is nested more than 40 levels deep/],
  },
  {
    name: 'thousands of bad rows (listed up to a limit, the rest counted)',
    make: edit((d) => {
      d.tables.scripts = Array.from({ length: 3000 }, (_, i) => ({ id: `bad-${i}`, stage: 'nope' }));
    }),
    reasons: [/^tables\.scripts\[0\]\.stage: /, /^…and \d+ more problems$/],
  },
];

describe('refusing a backup that cannot be restored', () => {
  let db: AgentAssistDatabase;
  let backup: string;
  let before: Record<string, unknown[]>;

  beforeEach(async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    backup = await backupText(source);
    // The library being protected differs from the backup, so "unchanged" cannot pass by coincidence.
    db = await freshDatabase();
    await installPack(db, acme, { now: NOW });
    await createScript(db, { title: 'Mine', text: 'నమస్కారం {{customer.firstName|గారు}}!', lang: 'te', stage: 'greeting', kind: 'greeting' }, { author: 'Sravani', now: NOW });
    before = await dump(db);
  });

  for (const bad of BAD_BACKUPS) {
    it(`refuses ${bad.name}, saying why, and changes nothing`, async () => {
      const text = bad.make(backup, () => JSON.parse(backup) as Document);
      const check = checkBackup(db, text);
      expect(check.ok).toBe(false);
      const error = await restoreLibrary(db, text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupRefusedError);
      const { problems } = error as BackupRefusedError;
      for (const reason of bad.reasons) expect(problems, `${reason}`).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
      expect(problems.length).toBeLessThanOrEqual(201);
      expect(await dump(db)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('accepts the same backup unharmed (the refusals above are about the damage, not the file)', async () => {
    expect(checkBackup(db, backup).ok).toBe(true);
    await restoreLibrary(db, backup);
    expect(await dump(db)).not.toEqual(before);
  });

  it('rolls everything back when the disk fills half-way through writing', async () => {
    let full = false;
    const fullDisk: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            // Like Chrome when the quota runs out: the write fails after earlier tables were already cleared and filled.
            mutate: (request) => (full && name === 'insertEvents' && request.type === 'add' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request)),
          };
        },
      }),
    };
    const guarded = await freshDatabase(fullDisk);
    await installPack(guarded, acme, { now: NOW });
    const protectedRows = await dump(guarded);
    full = true;
    const error = await restoreLibrary(guarded, backup).catch((e: unknown) => e);
    expect(error).toBeDefined();
    expect(classifyStorageError(error)).toBe('quota');
    expect(await dump(guarded)).toEqual(protectedRows);
  });
});

describe('preview', () => {
  it('summarises what the backup holds before anything is written', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const target = await freshDatabase();
    const check = checkBackup(target, await backupText(source));
    if (!check.ok) throw new Error(check.problems.join('\n'));
    expect(check.summary.counts.scripts).toBe(await source.scripts.count());
    expect(check.summary.personalScripts).toBe(3);
    expect(check.summary.packs.map((p) => p.id).sort()).toEqual(['acme-support', 'default']);
    expect(Object.keys(check.summary.scriptsByLanguage).sort()).toEqual(['en', 'es', 'hi', 'hi-Latn', 'ta', 'ta-Latn', 'te', 'te-Latn']);
    expect(await target.scripts.count()).toBe(0);
  });
});

describe('the Backup and restore section', () => {
  let page: Mounted | null = null;
  afterEach(async () => {
    await page?.unmount();
    page = null;
  });

  async function chooseFile(input: HTMLElement | null, name: string, text: string): Promise<void> {
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    const file = new File([text], name, { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('downloads the library as one backup file', async () => {
    const db = await freshDatabase();
    await fillLibrary(db);
    const downloads: Array<{ fileName: string; text: string }> = [];
    page = await mount(createElement(BackupSection, { db, download: (fileName: string, text: string) => downloads.push({ fileName, text }) }));
    await click($(page.container, 'backup-export'));
    const notice = await waitFor(() => $(page!.container, 'backup-notice', '[data-kind="success"]'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.fileName).toMatch(/^agent-assist-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    expect(checkBackup(db, downloads[0]!.text).ok).toBe(true);
    expect(notice.textContent).toContain(`Saved ${await db.scripts.count()} scripts to ${downloads[0]!.fileName}`);
  });

  it('shows what a backup holds and what it replaces, and restores only after the person confirms', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const text = await backupText(source);
    const db = await freshDatabase();
    await createScript(db, { title: 'Mine', text: 'Hello!', lang: 'en', stage: 'greeting', kind: 'greeting' }, { author: 'x', now: NOW });
    const before = await dump(db);
    page = await mount(createElement(BackupSection, { db, download: () => undefined }));

    await chooseFile($(page.container, 'backup-file-input'), 'team-backup.json', text);
    const preview = await waitFor(() => $(page!.container, 'backup-preview', '[data-status="valid"]'));
    expect(preview.getAttribute('data-scripts')).toBe(String(await source.scripts.count()));
    expect($(preview, 'backup-counts')?.querySelector('[data-table="scriptVersions"]')?.getAttribute('data-count')).toBe(String(await source.scriptVersions.count()));
    expect($(preview, 'backup-replace-warning')?.textContent).toContain('(1 scripts now)');
    expect(await dump(db)).toEqual(before);

    await click($(preview, 'backup-restore'));
    await waitFor(() => $(page!.container, 'backup-notice', '[data-kind="success"]'));
    expect($(page.container, 'backup-preview')).toBeNull();
    expect(await dump(db)).toEqual(await dump(source));
  });

  it('lists why a file cannot be restored, and cancelling leaves everything as it was', async () => {
    const source = await freshDatabase();
    await fillLibrary(source);
    const broken = (await backupText(source)).replace('"formatVersion": 1', '"formatVersion": 7');
    const db = await freshDatabase();
    await createScript(db, { title: 'Mine', text: 'Hello!', lang: 'en', stage: 'greeting', kind: 'greeting' }, { author: 'x', now: NOW });
    const before = await dump(db);
    page = await mount(createElement(BackupSection, { db, download: () => undefined }));

    await chooseFile($(page.container, 'backup-file-input'), 'old.json', broken);
    const preview = await waitFor(() => $(page!.container, 'backup-preview', '[data-status="invalid"]'));
    expect(preview.getAttribute('role')).toBe('alert');
    expect(preview.textContent).toContain('old.json cannot be restored. Nothing was changed.');
    expect($$(preview, 'backup-problems')[0]?.textContent).toMatch(/formatVersion: .*format 7.*Update the extension/);
    expect($(preview, 'backup-restore')).toBeNull();
    await click($(preview, 'backup-cancel'));
    expect($(page.container, 'backup-preview')).toBeNull();
    expect(await dump(db)).toEqual(before);
  });
});
