import type { Pack, PackScript, Script } from './schemas';

/** Compares semantic versions, with pre-release precedence as semver defines it (1.0.0-rc.9 < 1.0.0-rc.10 < 1.0.0). */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = splitVersion(a);
  const [coreB, preB] = splitVersion(b);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (preA === preB) return 0;
  if (preA === null) return 1;
  if (preB === null) return -1;
  const idsA = preA.split('.');
  const idsB = preB.split('.');
  for (let i = 0; i < Math.max(idsA.length, idsB.length); i++) {
    const x = idsA[i];
    const y = idsB[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const numeric = /^\d+$/;
    if (numeric.test(x) && numeric.test(y)) return Math.sign(Number(x) - Number(y));
    if (numeric.test(x)) return -1;
    if (numeric.test(y)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** "1.2.0-rc-1" → ["1.2.0", "rc-1"]: the pre-release is everything after the first hyphen (it may hold more). */
function splitVersion(version: string): [string, string | null] {
  const dash = version.indexOf('-');
  return dash === -1 ? [version, null] : [version.slice(0, dash), version.slice(dash + 1)];
}

/** The fields of a script that its pack decides; the rest is the library's bookkeeping. */
export function samePackContent(stored: PackScript, incoming: PackScript): boolean {
  return (
    stored.stage === incoming.stage &&
    stored.kind === incoming.kind &&
    stored.lang === incoming.lang &&
    stored.title === incoming.title &&
    stored.text === incoming.text &&
    stored.channel === incoming.channel &&
    stored.locked === incoming.locked &&
    stored.tags.length === incoming.tags.length &&
    stored.tags.every((tag, i) => tag === incoming.tags[i])
  );
}

export interface PackInstallPlan {
  /** Scripts to write (new, or changed in the pack and never edited here). */
  put: Script[];
  /** Ids of the pack's scripts that the new version dropped and nobody edited here. */
  remove: string[];
  /** Scripts the new version dropped but a person edited here: kept as personal scripts. */
  detach: Script[];
  /** Ids left alone because a person edited them here; the pack's wording changed underneath. */
  keptEdits: string[];
  /** Ids the pack uses that already belong to another pack or to a person's own script: left alone. */
  conflicts: string[];
  /** Ids a person had edited that the new version locks: the lead's wording replaces the edit. */
  relocked: string[];
  unchanged: number;
}

/**
 * Works out what installing `pack` over the scripts already stored does, without touching storage.
 * Installing the same version twice plans nothing; a person's edits and deletions win over the pack, except where
 * the new version locks a script.
 */
export function planPackInstall(
  pack: Pack,
  stored: readonly Script[],
  deletedIds: ReadonlySet<string>,
  now: number,
): PackInstallPlan {
  const byId = new Map(stored.map((script) => [script.id, script]));
  const plan: PackInstallPlan = { put: [], remove: [], detach: [], keptEdits: [], conflicts: [], relocked: [], unchanged: 0 };
  const incomingIds = new Set<string>();
  for (const incoming of pack.scripts) {
    incomingIds.add(incoming.id);
    const existing = byId.get(incoming.id);
    if (!existing) {
      // A deleted script stays deleted, unless the lead locks it: locked wording is the team's standard.
      if (deletedIds.has(incoming.id) && !incoming.locked) continue;
      plan.put.push({ ...incoming, packId: pack.id, version: 1, editedLocally: false, createdAt: now, updatedAt: now });
    } else if (existing.packId !== pack.id) {
      plan.conflicts.push(incoming.id);
    } else if (existing.editedLocally && incoming.locked) {
      // Locking is how a lead says "this exact wording": a local edit must not outlive it.
      plan.relocked.push(existing.id);
      plan.put.push({ ...existing, ...incoming, packId: pack.id, version: existing.version + 1, editedLocally: false, updatedAt: now });
    } else if (existing.editedLocally) {
      if (!samePackContent(existing, incoming)) plan.keptEdits.push(existing.id);
      else plan.unchanged++;
    } else if (samePackContent(existing, incoming)) {
      plan.unchanged++;
    } else {
      plan.put.push({ ...existing, ...incoming, packId: pack.id, version: existing.version + 1, updatedAt: now });
    }
  }
  for (const script of stored) {
    if (script.packId !== pack.id || incomingIds.has(script.id)) continue;
    if (script.editedLocally) plan.detach.push({ ...script, packId: null, locked: false, updatedAt: now });
    else plan.remove.push(script.id);
  }
  return plan;
}
