import type { Script } from '@/scripts-library/schemas';
import type { AgentAssistDatabase, ScriptVersion } from './database';

/** Fields a trainer edits; bookkeeping (version, timestamps) is not "what changed". */
export const EDITABLE_FIELDS = ['title', 'text', 'lang', 'stage', 'kind', 'channel', 'tags'] as const satisfies readonly (keyof Script)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function changedFields(before: Script | undefined, after: Script): EditableField[] {
  if (!before) return [...EDITABLE_FIELDS];
  return EDITABLE_FIELDS.filter((field) =>
    field === 'tags' ? before.tags.join('\u0000') !== after.tags.join('\u0000') : before[field] !== after[field],
  );
}

/** Every recorded version of a script, oldest first (deletions and restores included). */
export async function historyOf(db: AgentAssistDatabase, scriptId: string): Promise<ScriptVersion[]> {
  const versions = await db.scriptVersions.where('scriptId').equals(scriptId).toArray();
  return versions.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function versionOf(db: AgentAssistDatabase, scriptId: string, version: number): Promise<ScriptVersion | undefined> {
  const matches = await db.scriptVersions.where('[scriptId+version]').equals([scriptId, version]).toArray();
  // A deletion records the version it deleted; the content version is the one that is not a deletion.
  return matches.filter((v) => v.action !== 'delete').sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))[0];
}

/** Recent deletions, newest first: what the library offers to bring back. */
export async function recentDeletions(db: AgentAssistDatabase, limit = 20): Promise<ScriptVersion[]> {
  const deletions: ScriptVersion[] = [];
  await db.scriptVersions
    .orderBy('at')
    .reverse()
    .until(() => deletions.length >= limit)
    .each((version) => {
      if (version.action === 'delete') deletions.push(version);
    });
  // A deleted script that was restored (or re-created) since is not "deleted" any more.
  const stillGone = await db.scripts.bulkGet(deletions.map((d) => d.scriptId));
  return deletions.filter((_, i) => stillGone[i] === undefined);
}

/** Writes one version; callers run it inside their transaction so the script and its history change together. */
export async function recordVersion(db: AgentAssistDatabase, entry: Omit<ScriptVersion, 'seq'>): Promise<void> {
  await db.scriptVersions.add(entry as ScriptVersion);
}

/**
 * Scripts saved before history existed, or installed from a pack, have no versions yet: record what is stored as a
 * baseline before the first change, so the wording a trainer replaces can always be seen and restored.
 */
export async function ensureBaseline(db: AgentAssistDatabase, existing: Script, now: number): Promise<void> {
  const any = await db.scriptVersions.where('scriptId').equals(existing.id).first();
  if (any) return;
  await recordVersion(db, {
    scriptId: existing.id,
    version: existing.version,
    at: Math.min(existing.updatedAt, now),
    author: existing.packId ? `pack:${existing.packId}` : '',
    action: 'baseline',
    changed: [],
    script: existing,
  });
}
