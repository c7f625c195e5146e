import Dexie, { type EntityTable } from 'dexie';
import type { Script } from '@/scripts-library/schemas';

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

export type AgentAssistDatabase = Dexie & {
  scripts: EntityTable<Script, 'id'>;
  packs: EntityTable<InstalledPack, 'id'>;
  deletedPackScripts: EntityTable<DeletedPackScript, 'id'>;
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
  return db;
}

/** The one database the extension pages and the background share. */
export const db = createDatabase();
