import { Pack as PackSchema, describeIssues, type Pack } from '@/scripts-library/schemas';
import { compareVersions, planPackInstall, type PackInstallPlan } from '@/scripts-library/packs';
import type { AgentAssistDatabase, InstalledPack } from './database';

export class PackRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The pack was not installed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
}

export interface PackInstallResult {
  packId: string;
  version: string;
  added: number;
  updated: number;
  removed: number;
  keptEdits: number;
  conflicts: string[];
  unchanged: number;
}

/**
 * Installs or upgrades a pack in one transaction: either every change lands or none does. Validates first; refuses an
 * older version than the installed one unless `allowDowngrade`.
 */
export async function installPack(
  db: AgentAssistDatabase,
  input: unknown,
  { now = Date.now(), allowDowngrade = false }: { now?: number; allowDowngrade?: boolean } = {},
): Promise<PackInstallResult> {
  const parsed = PackSchema.safeParse(input);
  if (!parsed.success) throw new PackRefusedError(describeIssues(parsed.error));
  const pack: Pack = parsed.data;
  const duplicate = firstDuplicateId(pack);
  if (duplicate) throw new PackRefusedError([`scripts: the id "${duplicate}" is used twice`]);

  return db.transaction('rw', db.scripts, db.packs, db.deletedPackScripts, async () => {
    const installed = await db.packs.get(pack.id);
    if (installed && !allowDowngrade && compareVersions(pack.version, installed.version) < 0) {
      throw new PackRefusedError([
        `version ${pack.version} is older than the installed ${installed.version}; ask for a rollback to install it`,
      ]);
    }
    const ids = pack.scripts.map((script) => script.id);
    const stored = [
      ...(await db.scripts.where('packId').equals(pack.id).toArray()),
      ...(await db.scripts.bulkGet(ids)).filter((s) => s !== undefined && s.packId !== pack.id),
    ].filter((s) => s !== undefined);
    const deleted = new Set((await db.deletedPackScripts.where('packId').equals(pack.id).toArray()).map((d) => d.id));
    const plan: PackInstallPlan = planPackInstall(pack, stored, deleted, now);
    const storedIds = new Set(stored.map((s) => s.id));
    await db.scripts.bulkPut([...plan.put, ...plan.detach]);
    await db.scripts.bulkDelete(plan.remove);
    const record: InstalledPack = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      publisher: pack.publisher,
      installedAt: installed?.installedAt ?? now,
      updatedAt: now,
    };
    await db.packs.put(record);
    return {
      packId: pack.id,
      version: pack.version,
      added: plan.put.filter((s) => !storedIds.has(s.id)).length,
      updated: plan.put.filter((s) => storedIds.has(s.id)).length,
      removed: plan.remove.length,
      keptEdits: plan.keptEdits.length,
      conflicts: plan.conflicts,
      unchanged: plan.unchanged,
    };
  });
}

function firstDuplicateId(pack: Pack): string | null {
  const seen = new Set<string>();
  for (const script of pack.scripts) {
    if (seen.has(script.id)) return script.id;
    seen.add(script.id);
  }
  return null;
}

export function installedPacks(db: AgentAssistDatabase): Promise<InstalledPack[]> {
  return db.packs.toArray();
}
