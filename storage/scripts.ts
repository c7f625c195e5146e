import type { Language, Stage, Script } from '@/scripts-library/schemas';
import { Script as ScriptSchema, describeIssues } from '@/scripts-library/schemas';
import type { AgentAssistDatabase } from './database';

export class InvalidScriptError extends Error {
  constructor(readonly problems: string[]) {
    super(`The script was not saved: ${problems.join('; ')}`);
  }
}

/** Scripts for one stage in any of the given languages. */
export function scriptsForStage(db: AgentAssistDatabase, stage: Stage, langs: readonly Language[]): Promise<Script[]> {
  if (langs.length === 0) return db.scripts.where('stage').equals(stage).toArray();
  return db.scripts
    .where('[stage+lang]')
    .anyOf(langs.map((lang) => [stage, lang]))
    .toArray();
}

export function allScripts(db: AgentAssistDatabase): Promise<Script[]> {
  return db.scripts.toArray();
}

export function countScripts(db: AgentAssistDatabase): Promise<number> {
  return db.scripts.count();
}

export function getScript(db: AgentAssistDatabase, id: string): Promise<Script | undefined> {
  return db.scripts.get(id);
}

/**
 * Saves a person's change to a script: validated first (nothing is written when it fails), version bumped, and a pack
 * script marked as edited here so pack upgrades keep the wording. Locked pack scripts cannot be changed.
 */
export async function saveScriptEdit(
  db: AgentAssistDatabase,
  changes: Partial<Omit<Script, 'version' | 'createdAt' | 'updatedAt' | 'editedLocally'>> & { id: string },
  now = Date.now(),
): Promise<Script> {
  return db.transaction('rw', db.scripts, async () => {
    const existing = await db.scripts.get(changes.id);
    if (existing?.locked) throw new InvalidScriptError([`"${existing.title}" is locked by its pack and cannot be edited`]);
    const candidate = existing
      ? { ...existing, ...changes, version: existing.version + 1, updatedAt: now, editedLocally: existing.packId !== null }
      : { packId: null, ...changes, version: 1, createdAt: now, updatedAt: now, editedLocally: false };
    const parsed = ScriptSchema.safeParse(candidate);
    if (!parsed.success) throw new InvalidScriptError(describeIssues(parsed.error));
    await db.scripts.put(parsed.data);
    return parsed.data;
  });
}

/** Deletes a script; a pack script's id is remembered so the next pack upgrade does not bring it back. */
export async function deleteScript(db: AgentAssistDatabase, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.scripts, db.deletedPackScripts, async () => {
    const existing = await db.scripts.get(id);
    if (!existing) return;
    if (existing.locked) throw new InvalidScriptError([`"${existing.title}" is locked by its pack and cannot be deleted`]);
    await db.scripts.delete(id);
    if (existing.packId) await db.deletedPackScripts.put({ id, packId: existing.packId, deletedAt: now });
  });
}
