import Dexie from 'dexie';
import { z } from 'zod';
import { Language, Pack, Script, ScriptKind, Stage, describeIssues } from '@/scripts-library/schemas';
import type {
  AgentAssistDatabase,
  DeletedPackScript,
  FavouriteScript,
  InsertEvent,
  ScriptUsage,
  ScriptVersion,
  SilencedCheck,
} from './database';
import type { InstalledPackDetails } from './packs';

/**
 * The whole library in one JSON file, and back. Export reads every table the Dexie schema declares (so a table added
 * later is in the next backup without anyone remembering to add it) in one read transaction. Restore checks the whole
 * file first — shape, keys, every row against its schema, hostile input — and lists every problem by path; only a
 * file without problems replaces the library, in one read-write transaction, so a failure half-way changes nothing.
 */

export const BACKUP_FORMAT = 'agent-assist-backup';
/** Bumped only when the file's layout changes (not when tables are added: those are the database's version). */
export const BACKUP_FORMAT_VERSION = 1;
/** Room for several megabyte-sized packs with their previous versions, and far below what would stall a page. */
export const MAX_BACKUP_CHARS = 100 * 1024 * 1024;
/** No value a genuine backup holds is this long; a longer one is damage or an attack on the page's memory. */
export const MAX_BACKUP_STRING = 1_000_000;
const MAX_DEPTH = 40;
const MAX_LISTED_PROBLEMS = 200;
/** Keys that would reach an object's prototype when a row is copied; JSON allows them, a backup never has them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type TableName = {
  [K in keyof AgentAssistDatabase]: AgentAssistDatabase[K] extends Dexie.Table<infer _Row, infer _Key> ? K : never;
}[keyof AgentAssistDatabase] &
  string;

const Timestamp = z.number().nonnegative();
const ScriptId = Script.shape.id;
const Name = z.string().max(1000);

/** Rows as storage/ writes them; extra members are allowed (and kept), so a newer row shape does not block a restore. */
const InstalledPackRow = z.object({
  id: Pack.shape.id,
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(100),
  publisher: z.string().max(200),
  installedAt: Timestamp,
  updatedAt: Timestamp,
  source: z.enum(['file', 'url', 'policy', 'bundled']).optional(),
  sourceUrl: z.string().max(8192).nullable().optional(),
  signedBy: Name.nullable().optional(),
  unsigned: z.boolean().optional(),
  scriptCount: z.number().int().nonnegative().optional(),
  content: Pack.optional(),
  previous: z.object({ content: Pack, signedBy: Name.nullable(), unsigned: z.boolean() }).nullable().optional(),
  staleOverrides: z.array(ScriptId).optional(),
});

const DeletedPackScriptRow = z.object({ id: ScriptId, packId: Pack.shape.id, deletedAt: Timestamp });

const ScriptVersionRow = z.object({
  // Required here although auto-incremented: it orders history, and a restore must keep that order.
  seq: z.number().int().positive(),
  scriptId: ScriptId,
  version: z.number().int().min(1),
  at: Timestamp,
  author: Name,
  action: z.enum(['create', 'edit', 'revert', 'delete', 'restore', 'baseline']),
  changed: z.array(z.string().max(100)).max(100),
  script: Script,
  revertedTo: z.number().int().min(1).optional(),
});

const SilencedCheckRow = z.object({ scriptId: ScriptId, check: z.string().min(1).max(200), reason: z.string().max(2000), author: Name, at: Timestamp });

const InsertEventRow = z.object({
  seq: z.number().int().positive(),
  at: Timestamp,
  scriptId: ScriptId,
  stage: Stage,
  kind: ScriptKind,
  lang: Language,
  site: z.string().min(1).max(200),
  conversation: z.string().max(200),
  method: z.enum(['inserted', 'copied']),
  turnsAtInsert: z.number().int().nonnegative(),
  textHash: z.number().int(),
  textLength: z.number().int().nonnegative(),
  sentAt: Timestamp.nullable(),
  sentTurn: z.number().int().nonnegative().nullable(),
  edited: z.boolean().nullable(),
  nextDissatisfaction: z.number().min(0).max(1).nullable(),
});

const ScriptUsageRow = z.object({ scriptId: ScriptId, count: z.number().int().nonnegative(), lastUsedAt: Timestamp });

const FavouriteScriptRow = z.object({ scriptId: ScriptId, at: Timestamp });

/**
 * One schema per table. Typed against the database's tables, so adding a table without saying what its rows look like
 * fails the type check (and tests/unit/backup.test.ts checks the running schema too).
 */
export const BACKUP_ROW_SCHEMAS: Record<TableName, z.ZodType> = {
  scripts: Script,
  packs: InstalledPackRow,
  deletedPackScripts: DeletedPackScriptRow,
  scriptVersions: ScriptVersionRow,
  silencedChecks: SilencedCheckRow,
  insertEvents: InsertEventRow,
  scriptUsage: ScriptUsageRow,
  favouriteScripts: FavouriteScriptRow,
};

/**
 * Checked by the compiler: each row schema says exactly what its table's interface says, so a member added to, renamed
 * in or dropped from a row type fails the type check here instead of making genuine backups unrestorable.
 */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type WithKey<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
const ROW_SCHEMAS_MATCH_TABLES: [
  SameShape<z.infer<typeof InstalledPackRow>, InstalledPackDetails>,
  SameShape<z.infer<typeof DeletedPackScriptRow>, DeletedPackScript>,
  SameShape<z.infer<typeof ScriptVersionRow>, WithKey<ScriptVersion, 'seq'>>,
  SameShape<z.infer<typeof SilencedCheckRow>, SilencedCheck>,
  SameShape<z.infer<typeof InsertEventRow>, WithKey<InsertEvent, 'seq'>>,
  SameShape<z.infer<typeof ScriptUsageRow>, ScriptUsage>,
  SameShape<z.infer<typeof FavouriteScriptRow>, FavouriteScript>,
] = [true, true, true, true, true, true, true];
void ROW_SCHEMAS_MATCH_TABLES;

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A table whose keys are not in its rows (none today) is written as key/value pairs, so no key is lost. */
interface OutboundRow {
  key: JsonValue;
  value: JsonValue;
}

export interface LibraryBackup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** `db.verno` of the database that was exported. */
  databaseVersion: number;
  exportedAt: string;
  tables: Record<string, JsonValue[]>;
}

export class BackupExportError extends Error {}

export class BackupRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The backup was not restored: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/**
 * A stored value as plain JSON with its object keys in sorted order, so the same library always gives the same bytes.
 * Anything JSON cannot hold (a Date, binary data, NaN) stops the export with its path: silently dropping it would be
 * losing data.
 */
function toCanonicalJson(value: unknown, path: string): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BackupExportError(`${path} is ${value}, which a JSON file cannot hold`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === undefined) throw new BackupExportError(`${path}[${i}] is undefined, which a JSON file cannot hold`);
      return toCanonicalJson(item, `${path}[${i}]`);
    });
  }
  if (isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(value).sort()) {
      // An absent member and an undefined one read the same everywhere in storage/.
      if (value[key] !== undefined) out[key] = toCanonicalJson(value[key], `${path}.${key}`);
    }
    return out;
  }
  const kind = typeof value === 'object' ? (Object.getPrototypeOf(value)?.constructor?.name ?? 'object') : typeof value;
  throw new BackupExportError(`${path} is a ${kind}, which a JSON file cannot hold`);
}

/** Reads every table in one transaction, so the file is one moment of the library even while another page writes. */
export async function exportLibrary(db: AgentAssistDatabase, { now = Date.now() }: { now?: number } = {}): Promise<LibraryBackup> {
  const tables: Record<string, JsonValue[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      if (table.schema.primKey.keyPath === null || table.schema.primKey.keyPath === undefined) {
        const [keys, values] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
        tables[table.name] = values.map((value, i) => toCanonicalJson({ key: keys[i], value }, `${table.name}[${i}]`));
      } else {
        tables[table.name] = (await table.toArray()).map((row, i) => toCanonicalJson(row, `${table.name}[${i}]`));
      }
    }
  });
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, databaseVersion: db.verno, exportedAt: new Date(now).toISOString(), tables };
}

/** The file's text: one row per line, so a backup diffs and greps like a list, with sorted keys throughout. */
export function serializeBackup(backup: LibraryBackup): string {
  const header = [
    `  "databaseVersion": ${JSON.stringify(backup.databaseVersion)}`,
    `  "exportedAt": ${JSON.stringify(backup.exportedAt)}`,
    `  "format": ${JSON.stringify(backup.format)}`,
    `  "formatVersion": ${JSON.stringify(backup.formatVersion)}`,
  ];
  const tables = Object.keys(backup.tables)
    .sort()
    .map((name) => {
      const rows = backup.tables[name] ?? [];
      const body = rows.map((row) => `      ${JSON.stringify(toCanonicalJson(row, name))}`).join(',\n');
      return rows.length === 0 ? `    ${JSON.stringify(name)}: []` : `    ${JSON.stringify(name)}: [\n${body}\n    ]`;
    });
  return `{\n${header.join(',\n')},\n  "tables": {\n${tables.join(',\n')}\n  }\n}\n`;
}

export function backupFileName(now = Date.now()): string {
  const stamp = new Date(now).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `agent-assist-backup-${stamp}.json`;
}

export interface BackupSummary {
  exportedAt: string;
  databaseVersion: number;
  /** Rows per table, every table of this database (0 where the backup has none). */
  counts: Record<string, number>;
  scriptsByLanguage: Record<string, number>;
  personalScripts: number;
  packs: Array<{ id: string; name: string; version: string }>;
}

export type BackupCheck =
  | { ok: true; backup: LibraryBackup; summary: BackupSummary; rows: Record<string, unknown[]> }
  | { ok: false; problems: string[] };

const Envelope = z.object({
  format: z.string(),
  formatVersion: z.number().int().positive(),
  exportedAt: z.string().max(100),
  databaseVersion: z.number().int().positive(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

class Problems {
  readonly listed: string[] = [];
  private dropped = 0;
  add(problem: string): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
    else this.dropped++;
  }
  get count(): number {
    return this.listed.length + this.dropped;
  }
  result(): string[] {
    return this.dropped > 0 ? [...this.listed, `…and ${this.dropped} more problems`] : this.listed;
  }
}

const shown = (path: string) => (path ? path.replace(/^\./, '') : '(top level)');
const pathPart = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)}]`);

/** Hostile or damaged JSON: prototype keys, absurd nesting, values too long for any real row. */
function checkJsonSafety(value: unknown, path: string, depth: number, problems: Problems): void {
  if (problems.count > MAX_LISTED_PROBLEMS) return;
  if (depth > MAX_DEPTH) {
    problems.add(`${shown(path)}: is nested more than ${MAX_DEPTH} levels deep; a backup never is`);
    return;
  }
  if (typeof value === 'string') {
    if (value.length > MAX_BACKUP_STRING) problems.add(`${shown(path)}: is ${value.length.toLocaleString('en')} characters long; no value in a backup is longer than ${MAX_BACKUP_STRING.toLocaleString('en')}`);
    return;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkJsonSafety(item, `${path}[${i}]`, depth + 1, problems));
    return;
  }
  if (!isPlainObject(value)) {
    problems.add(`${shown(path)}: is not a JSON value`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) problems.add(`${shown(path + pathPart(key))}: "${key}" is not allowed as a name in a backup`);
    else checkJsonSafety(value[key], `${path}${pathPart(key)}`, depth + 1, problems);
  }
}

function isValidKey(key: unknown): boolean {
  if (typeof key === 'string') return true;
  if (typeof key === 'number') return Number.isFinite(key);
  return Array.isArray(key) && key.length > 0 && key.every(isValidKey);
}

/** Members the schema defaults (and the row lacks) are added; everything the row has stays exactly as it is. */
function withDefaults(raw: unknown, parsed: unknown): unknown {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.map((item, i) => withDefaults(item, parsed[i]));
  if (isPlainObject(raw) && isPlainObject(parsed)) {
    const out: Record<string, unknown> = { ...raw };
    for (const [key, value] of Object.entries(parsed)) {
      if (!Object.prototype.hasOwnProperty.call(raw, key)) {
        if (value !== undefined) out[key] = value;
      } else out[key] = withDefaults(raw[key], value);
    }
    return out;
  }
  return raw;
}

function readText(text: string, problems: Problems): unknown {
  if (text.length > MAX_BACKUP_CHARS) {
    problems.add(`(file): is ${(text.length / 1024 / 1024).toFixed(1)} MB; a backup may be at most ${MAX_BACKUP_CHARS / 1024 / 1024} MB`);
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(`(file): is not complete JSON, so it was damaged or cut off while being saved or copied (${reason})`);
    return undefined;
  }
}

/**
 * Everything that must hold before a restore may start. `input` is the file's text (or an already parsed document).
 * Needs only the database's schema (its tables, keys and version), not its contents, so it also drives the preview.
 */
export function checkBackup(db: AgentAssistDatabase, input: unknown): BackupCheck {
  const problems = new Problems();
  const document = typeof input === 'string' ? readText(input, problems) : input;
  if (problems.count > 0) return { ok: false, problems: problems.result() };

  checkJsonSafety(document, '', 0, problems);
  if (problems.count > 0) return { ok: false, problems: problems.result() };

  if (!isPlainObject(document) || document.format !== BACKUP_FORMAT) {
    return { ok: false, problems: ['(top level): this is not an Agent Assist backup file (it has no "format": "agent-assist-backup")'] };
  }
  const envelope = Envelope.safeParse(document);
  if (!envelope.success) return { ok: false, problems: describeIssues(envelope.error) };
  const { formatVersion, databaseVersion, tables } = envelope.data;
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    return { ok: false, problems: [`formatVersion: the file is in backup format ${formatVersion}, made by a newer Agent Assist; this version reads format ${BACKUP_FORMAT_VERSION}. Update the extension, then restore.`] };
  }
  if (databaseVersion > db.verno) {
    return { ok: false, problems: [`databaseVersion: the backup is of library version ${databaseVersion}, made by a newer Agent Assist; this version has library version ${db.verno}. Update the extension, then restore.`] };
  }

  const known = new Map(db.tables.map((table) => [table.name, table]));
  for (const name of Object.keys(tables)) {
    if (!known.has(name)) problems.add(`tables${pathPart(name)}: this version of Agent Assist has no such table, so that part of the backup would be lost`);
  }
  const rows: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const incoming = tables[table.name];
    if (incoming === undefined) {
      // A backup of an older library lacks the tables added since; those start empty, as after that upgrade.
      if (databaseVersion === db.verno) problems.add(`tables.${table.name}: is missing (the file was edited or cut short)`);
      rows[table.name] = [];
      continue;
    }
    rows[table.name] = checkTableRows(table, incoming, problems);
  }
  if (problems.count > 0) return { ok: false, problems: problems.result() };

  const backup: LibraryBackup = { format: BACKUP_FORMAT, formatVersion, databaseVersion, exportedAt: envelope.data.exportedAt, tables: tables as Record<string, JsonValue[]> };
  return { ok: true, backup, rows, summary: summarize(backup.exportedAt, databaseVersion, rows) };
}

function checkTableRows(table: Dexie.Table, incoming: unknown[], problems: Problems): unknown[] {
  const { keyPath } = table.schema.primKey;
  const outbound = keyPath === null || keyPath === undefined;
  const schema: z.ZodType | undefined = (BACKUP_ROW_SCHEMAS as Record<string, z.ZodType>)[table.name];
  const seen = new Map<string, number>();
  return incoming.map((entry, i) => {
    const where = `tables.${table.name}[${i}]`;
    const pair = outbound && isPlainObject(entry) ? (entry as unknown as OutboundRow) : null;
    const row = outbound ? pair?.value : entry;
    if (outbound && (!pair || !('key' in pair))) problems.add(`${where}: must be {"key": …, "value": …}`);
    if (!isPlainObject(row)) {
      problems.add(`${where}: must be an object`);
      return row;
    }
    const key = outbound ? pair?.key : Dexie.getByKeyPath(row, keyPath as string | string[]);
    if (!isValidKey(key)) {
      problems.add(`${where}${outbound ? '.key' : ''}: has no usable key (${Array.isArray(keyPath) ? keyPath.join(' + ') : (keyPath ?? 'key')})`);
    } else {
      const id = JSON.stringify(key);
      const first = seen.get(id);
      if (first !== undefined) problems.add(`${where}: has the same key as tables.${table.name}[${first}] (${id.slice(0, 80)})`);
      else seen.set(id, i);
    }
    if (!schema) return entry;
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      describeIssues(parsed.error).forEach((issue) => problems.add(`${where}${issue.startsWith('(top level)') ? issue.slice('(top level)'.length) : `.${issue}`}`));
      return entry;
    }
    const completed = withDefaults(row, parsed.data);
    return outbound ? { key, value: completed } : completed;
  });
}

function summarize(exportedAt: string, databaseVersion: number, rows: Record<string, unknown[]>): BackupSummary {
  const counts = Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, list.length]));
  const scripts = (rows.scripts ?? []) as Script[];
  const scriptsByLanguage: Record<string, number> = {};
  for (const script of scripts) scriptsByLanguage[script.lang] = (scriptsByLanguage[script.lang] ?? 0) + 1;
  const packs = ((rows.packs ?? []) as Array<{ id: string; name: string; version: string }>).map(({ id, name, version }) => ({ id, name, version }));
  return { exportedAt, databaseVersion, counts, scriptsByLanguage, personalScripts: scripts.filter((s) => s.packId === null).length, packs };
}

/** Rows per table now: what a restore would replace. */
export async function libraryCounts(db: AgentAssistDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) counts[table.name] = await table.count();
  });
  return counts;
}

export interface RestoreResult {
  counts: Record<string, number>;
}

/**
 * Replaces the whole library with the backup. Checks it again (the caller's preview may be stale or skipped), then
 * clears and fills every table in one transaction: a refused file changes nothing, and a failure while writing (a full
 * disk, say) aborts the transaction, so the library is as it was. Throws `BackupRefusedError` with every problem.
 */
export async function restoreLibrary(db: AgentAssistDatabase, input: unknown): Promise<RestoreResult> {
  const checked = checkBackup(db, input);
  if (!checked.ok) throw new BackupRefusedError(checked.problems);
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows = checked.rows[table.name] ?? [];
      if (rows.length === 0) continue;
      const { keyPath } = table.schema.primKey;
      if (keyPath === null || keyPath === undefined) {
        const pairs = rows as OutboundRow[];
        await table.bulkAdd(
          pairs.map((p) => p.value),
          pairs.map((p) => p.key as never),
        );
      } else {
        await table.bulkAdd(rows);
      }
    }
  });
  return { counts: checked.summary.counts };
}
