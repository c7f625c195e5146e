import Dexie, { type EntityTable } from 'dexie';
import type { Language, Script, ScriptKind, Stage } from '@/scripts-library/schemas';

/** A pack as installed here: which version, and when. */
export interface InstalledPack {
  id: string;
  name: string;
  version: string;
  publisher: string;
  installedAt: number;
  updatedAt: number;
}

/** A pack script a person deleted: pack upgrades must not bring it back. */
export interface DeletedPackScript {
  id: string;
  packId: string;
  deletedAt: number;
}

/** What a saved version records: who, when, what kind of change, which fields changed, and the whole script. */
export interface ScriptVersion {
  /** Auto-incremented; orders versions across scripts. */
  seq?: number;
  scriptId: string;
  /** The script's `version` after this change (a deletion records the last version it had). */
  version: number;
  at: number;
  author: string;
  action: 'create' | 'edit' | 'revert' | 'delete' | 'restore' | 'baseline';
  /** Script fields that differ from the previous version. */
  changed: string[];
  /** The script as it stood after the change (before it, for a deletion). */
  script: Script;
  /** For a revert: the version it went back to. */
  revertedTo?: number;
}

/** A phrasing check a trainer silenced for one script, with the reason they gave. */
export interface SilencedCheck {
  scriptId: string;
  check: string;
  reason: string;
  author: string;
  at: number;
}

/**
 * One insert of a script into a reply (storage/usage.ts): what, where, when, and what happened next. Never any
 * customer text: the conversation and the inserted text are kept only as hashes, to recognise them again.
 */
export interface InsertEvent {
  seq?: number;
  at: number;
  scriptId: string;
  /** The conversation's stage when it was inserted. */
  stage: Stage;
  kind: ScriptKind;
  /** The script's language. */
  lang: Language;
  /** Adapter id: `zendesk`, `demo`, `generic`, … */
  site: string;
  /** Hash of the conversation's identity (site and ticket), to find its inserts again. */
  conversation: string;
  method: 'inserted' | 'copied';
  /** Messages in the conversation when the script was inserted: the reply that carries it comes after. */
  turnsAtInsert: number;
  /** A rolling hash of the inserted text without spacing, and its length: enough to find it again in the sent reply. */
  textHash: number;
  textLength: number;
  /** When the reply carrying it appeared in the conversation; null while not seen sent. */
  sentAt: number | null;
  sentTurn: number | null;
  /** Whether the agent changed the inserted wording before sending; null while not seen sent. */
  edited: boolean | null;
  /** Dissatisfaction (0..1) of the customer's next message after the reply; null until there is one. */
  nextDissatisfaction: number | null;
}

/** Per script: how often and how lately the agent used it (kept with each insert, read by the ranker). */
export interface ScriptUsage {
  scriptId: string;
  count: number;
  lastUsedAt: number;
}

export interface FavouriteScript {
  scriptId: string;
  at: number;
}

export type AgentAssistDatabase = Dexie & {
  scripts: EntityTable<Script, 'id'>;
  packs: EntityTable<InstalledPack, 'id'>;
  deletedPackScripts: EntityTable<DeletedPackScript, 'id'>;
  scriptVersions: EntityTable<ScriptVersion, 'seq'>;
  silencedChecks: Dexie.Table<SilencedCheck, [string, string]>;
  insertEvents: EntityTable<InsertEvent, 'seq'>;
  scriptUsage: EntityTable<ScriptUsage, 'scriptId'>;
  favouriteScripts: EntityTable<FavouriteScript, 'scriptId'>;
};

export const DATABASE_NAME = 'agent-assist';

/**
 * Opens (lazily) the extension's database. Versions are append-only: a version with an upgrader is never edited
 * once released; a new shape is a new version with its own upgrade and a test that opens the previous one.
 */
export function createDatabase(name = DATABASE_NAME): AgentAssistDatabase {
  const db = new Dexie(name) as AgentAssistDatabase;
  db.version(1).stores({
    scripts: 'id, stage, lang, kind, packId, updatedAt, [stage+lang]',
    packs: 'id',
    deletedPackScripts: 'id, packId',
  });
  // Script library history and silenced phrasing checks (storage/history.ts, storage/library.ts). New tables only:
  // nothing to upgrade; scripts saved before this version get a baseline version on their first edit.
  db.version(2).stores({
    scriptVersions: '++seq, scriptId, [scriptId+version], at',
    silencedChecks: '[scriptId+check], scriptId',
  });
  // What worked: inserts and their outcomes, per-script usage for ranking, favourites (storage/usage.ts). New tables
  // only: nothing to upgrade.
  db.version(3).stores({
    insertEvents: '++seq, at, scriptId, conversation',
    scriptUsage: 'scriptId',
    favouriteScripts: 'scriptId',
  });
  // Scripts keep only the indexes something queries ([stage+lang] for the panel, stage, packId for packs): every
  // index is written on every put, and installing a 10,000-script pack spends most of its time in IndexedDB's writes.
  // Dropping indexes rewrites no rows.
  db.version(4).stores({
    scripts: 'id, stage, packId, [stage+lang]',
  });
  return db;
}

/** The one database the extension pages and the background share. */
export const db = createDatabase();
