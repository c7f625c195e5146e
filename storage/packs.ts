import type { Pack, Script } from '@/scripts-library/schemas';
import { compareVersions, planPackInstall, samePackContent, type PackInstallPlan } from '@/scripts-library/packs';
import { packContent, readPackBytes, readPackText, validatePackDocument, type PackFile, type PackReadResult } from '@/scripts-library/packs/format';
import { checkPackSignature, SigningUnavailableError, type SignatureCheck } from '@/scripts-library/packs/signature';
import { decidePackTrust, NO_POLICY, type PackPolicy, type PackSource, type TrustDecision } from '@/scripts-library/packs/trust';
import type { AgentAssistDatabase, InstalledPack } from './database';

export type PackRefusalCode = 'invalid' | 'untrusted' | 'older-version' | 'not-allowed';

export class PackRefusedError extends Error {
  constructor(
    readonly problems: string[],
    readonly code: PackRefusalCode = 'invalid',
  ) {
    super(`The pack was not installed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
}

/**
 * What the library keeps about an installed pack beyond `InstalledPack`: where it came from, who signed it, its
 * content (the pack wording behind agents' overrides) and the version before it (what a rollback restores). Stored
 * in the same `packs` rows; the extra members need no index, so no schema version.
 */
export interface InstalledPackDetails extends InstalledPack {
  source?: PackSource | 'bundled';
  sourceUrl?: string | null;
  signedBy?: string | null;
  /** Installed without a signature where the policy allowed it: the library page marks it. */
  unsigned?: boolean;
  scriptCount?: number;
  content?: Pack;
  previous?: { content: Pack; signedBy: string | null; unsigned: boolean } | null;
  /** Scripts an agent edited whose pack wording changed since: flagged until the agent resets or keeps the edit. */
  staleOverrides?: string[];
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
  /** Edited scripts the new version locked: the lead's wording replaced the edit. */
  relocked: string[];
}

export interface InstallOptions {
  now?: number;
  allowDowngrade?: boolean;
  source?: PackSource | 'bundled';
  sourceUrl?: string | null;
  signedBy?: string | null;
  unsigned?: boolean;
  /** Refuse if the installed version's signer changed since the caller decided trust (a concurrent install). */
  expectInstalledSignedBy?: string | null;
}

/**
 * Installs or upgrades a pack in one transaction: either every change lands or none does. Validates first; refuses an
 * older version than the installed one unless `allowDowngrade`. For packs from our own code (the default pack);
 * packs from outside go through `importPack`, which also checks signatures and policy.
 */
export async function installPack(db: AgentAssistDatabase, input: unknown, options: InstallOptions = {}): Promise<PackInstallResult> {
  const read = validatePackDocument(input);
  if (!read.ok) throw new PackRefusedError(read.problems);
  return installValidated(db, packContent(read.pack), options);
}

async function installValidated(db: AgentAssistDatabase, pack: Pack, options: InstallOptions): Promise<PackInstallResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.scripts, db.packs, db.deletedPackScripts, async () => {
    const installed = (await db.packs.get(pack.id)) as InstalledPackDetails | undefined;
    if (installed && !options.allowDowngrade && compareVersions(pack.version, installed.version) < 0) {
      throw new PackRefusedError(
        [`version ${pack.version} is older than the installed ${installed.version}; ask for a rollback to install it`],
        'older-version',
      );
    }
    if (options.expectInstalledSignedBy !== undefined && (installed?.signedBy ?? null) !== options.expectInstalledSignedBy) {
      throw new PackRefusedError(['the installed pack changed while this one was checked; try again'], 'untrusted');
    }
    const ids = pack.scripts.map((script) => script.id);
    const stored = [
      ...(await db.scripts.where('packId').equals(pack.id).toArray()),
      ...(await db.scripts.bulkGet(ids)).filter((s) => s !== undefined && s.packId !== pack.id),
    ].filter((s) => s !== undefined);
    const deleted = new Set((await db.deletedPackScripts.where('packId').equals(pack.id).toArray()).map((d) => d.id));
    const plan: PackInstallPlan = planPackInstall(pack, stored, deleted, now);
    const storedIds = new Set(stored.map((s) => s.id));
    if (plan.put.length + plan.detach.length > 0) await db.scripts.bulkPut([...plan.put, ...plan.detach]);
    if (plan.remove.length > 0) await db.scripts.bulkDelete(plan.remove);
    const sameVersion = installed?.version === pack.version;
    const stillOverridden = new Set(stored.filter((s) => s.packId === pack.id && s.editedLocally).map((s) => s.id));
    const incoming = new Set(ids);
    plan.relocked.forEach((id) => stillOverridden.delete(id));
    // An override is flagged when the pack's own wording moved, not merely because the edit differs from it.
    const before = new Map(installed?.content?.scripts.map((s) => [s.id, s]) ?? []);
    const after = new Map(pack.scripts.map((s) => [s.id, s]));
    const movedUnderneath = plan.keptEdits.filter((id) => {
      const old = before.get(id);
      const current = after.get(id);
      return !old || !current || !samePackContent(old, current);
    });
    const staleOverrides = [...new Set([...(installed?.staleOverrides ?? []), ...movedUnderneath])].filter(
      (id) => stillOverridden.has(id) && incoming.has(id),
    );
    const record: InstalledPackDetails = {
      id: pack.id,
      name: pack.name,
      version: pack.version,
      publisher: pack.publisher,
      installedAt: installed?.installedAt ?? now,
      updatedAt: sameVersion && installed ? installed.updatedAt : now,
      source: options.source ?? installed?.source ?? 'bundled',
      sourceUrl: options.sourceUrl ?? installed?.sourceUrl ?? null,
      signedBy: options.signedBy ?? null,
      unsigned: options.unsigned ?? false,
      scriptCount: pack.scripts.length,
      content: pack,
      previous:
        installed?.content && !sameVersion
          ? { content: installed.content, signedBy: installed.signedBy ?? null, unsigned: installed.unsigned ?? false }
          : (installed?.previous ?? null),
      staleOverrides,
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
      relocked: plan.relocked,
    };
  });
}

export interface ImportOptions {
  source: PackSource;
  sourceUrl?: string | null;
  policy?: PackPolicy;
  /** The agent asked to install an older version than the installed one. */
  allowRollback?: boolean;
  now?: number;
}

export interface PackImportResult extends PackInstallResult {
  signature: SignatureCheck;
  trust: Extract<TrustDecision, { accepted: true }>;
}

/**
 * Installs a pack from outside (a dropped file, a subscribed URL, the policy): read with every guard, signature
 * checked, trust decided against the policy and the installed version's signer, then `installPack`'s transaction.
 * Any refusal throws `PackRefusedError` before a single write.
 */
export async function importPack(db: AgentAssistDatabase, input: Uint8Array | string | object, options: ImportOptions): Promise<PackImportResult> {
  const checked = await checkImport(db, input, options);
  if (!checked.trust.accepted) throw new PackRefusedError([checked.trust.reason], 'untrusted');
  const policy = options.policy ?? NO_POLICY;
  const allowDowngrade = options.allowRollback === true || (options.source === 'policy' && policy.allowRollback);
  const result = await installValidated(db, packContent(checked.pack), {
    now: options.now,
    allowDowngrade,
    source: options.source,
    sourceUrl: options.sourceUrl ?? null,
    signedBy: checked.trust.signedBy,
    unsigned: checked.trust.unsigned,
    expectInstalledSignedBy: checked.installed?.signedBy ?? null,
  });
  return { ...result, signature: checked.signature, trust: checked.trust };
}

interface CheckedImport {
  pack: PackFile;
  signature: SignatureCheck;
  trust: TrustDecision;
  installed: InstalledPackDetails | undefined;
}

async function checkImport(db: AgentAssistDatabase, input: Uint8Array | string | object, options: ImportOptions): Promise<CheckedImport> {
  const read: PackReadResult =
    input instanceof Uint8Array ? readPackBytes(input) : typeof input === 'string' ? readPackText(input) : validatePackDocument(input);
  if (!read.ok) throw new PackRefusedError(read.problems);
  let signature: SignatureCheck;
  try {
    signature = await checkPackSignature(read.document);
  } catch (error) {
    if (error instanceof SigningUnavailableError) throw new PackRefusedError([error.message], 'untrusted');
    throw error;
  }
  const installed = (await db.packs.get(read.pack.id)) as InstalledPackDetails | undefined;
  const trust = decidePackTrust({
    signature,
    policy: options.policy ?? NO_POLICY,
    installedSignedBy: installed?.signedBy ?? null,
  });
  return { pack: read.pack, signature, trust, installed };
}

export interface ScriptSummary {
  id: string;
  title: string;
  stage: string;
  lang: string;
  text: string;
  locked: boolean;
}

export type PackImportPreview =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      pack: { id: string; name: string; version: string; publisher: string; description: string; scriptCount: number };
      signature: SignatureCheck;
      trust: TrustDecision;
      installedVersion: string | null;
      /** How this version relates to the installed one. */
      direction: 'new' | 'upgrade' | 'same' | 'older';
      added: ScriptSummary[];
      changed: ScriptSummary[];
      removed: ScriptSummary[];
      /** Scripts the agent edited that keep the agent's wording although the pack's changed. */
      keptEdits: ScriptSummary[];
      relocked: ScriptSummary[];
      conflicts: string[];
    };

/** What importing would do, computed without writing: for the preview before the agent confirms. */
export async function previewPackImport(db: AgentAssistDatabase, input: Uint8Array | string | object, options: ImportOptions): Promise<PackImportPreview> {
  let checked: CheckedImport;
  try {
    checked = await checkImport(db, input, options);
  } catch (error) {
    if (error instanceof PackRefusedError) return { ok: false, problems: error.problems };
    throw error;
  }
  const pack = packContent(checked.pack);
  const now = options.now ?? Date.now();
  const { plan, stored } = await db.transaction('r', db.scripts, db.deletedPackScripts, async () => {
    const ids = pack.scripts.map((script) => script.id);
    const stored = [
      ...(await db.scripts.where('packId').equals(pack.id).toArray()),
      ...(await db.scripts.bulkGet(ids)).filter((s) => s !== undefined && s.packId !== pack.id),
    ].filter((s) => s !== undefined);
    const deleted = new Set((await db.deletedPackScripts.where('packId').equals(pack.id).toArray()).map((d) => d.id));
    return { plan: planPackInstall(pack, stored, deleted, now), stored };
  });
  const storedById = new Map(stored.map((s) => [s.id, s]));
  const incomingById = new Map(pack.scripts.map((s) => [s.id, s]));
  const installedVersion = checked.installed?.version ?? null;
  const order = installedVersion === null ? null : compareVersions(pack.version, installedVersion);
  return {
    ok: true,
    pack: { id: pack.id, name: pack.name, version: pack.version, publisher: pack.publisher, description: pack.description, scriptCount: pack.scripts.length },
    signature: checked.signature,
    trust: checked.trust,
    installedVersion,
    direction: order === null ? 'new' : order > 0 ? 'upgrade' : order === 0 ? 'same' : 'older',
    added: plan.put.filter((s) => !storedById.has(s.id)).map(summary),
    changed: plan.put.filter((s) => storedById.has(s.id)).map(summary),
    removed: [...plan.remove.map((id) => storedById.get(id)), ...plan.detach].filter((s) => s !== undefined).map(summary),
    keptEdits: plan.keptEdits.map((id) => storedById.get(id)).filter((s) => s !== undefined).map(summary),
    relocked: plan.relocked.map((id) => incomingById.get(id)).filter((s) => s !== undefined).map(summary),
    conflicts: plan.conflicts,
  };
}

function summary(script: Pick<Script, 'id' | 'title' | 'stage' | 'lang' | 'text' | 'locked'>): ScriptSummary {
  return { id: script.id, title: script.title, stage: script.stage, lang: script.lang, text: script.text, locked: script.locked };
}

/** Restores the version installed before the current one (kept at each upgrade), if trust still allows it. */
export async function rollbackPack(
  db: AgentAssistDatabase,
  packId: string,
  { policy = NO_POLICY, now }: { policy?: PackPolicy; now?: number } = {},
): Promise<PackInstallResult> {
  const installed = (await db.packs.get(packId)) as InstalledPackDetails | undefined;
  const previous = installed?.previous;
  if (!installed || !previous) throw new PackRefusedError([`no earlier version of "${packId}" is kept to roll back to`], 'not-allowed');
  const trust = decidePackTrust({
    signature: previous.signedBy ? { status: 'valid', publicKey: previous.signedBy } : { status: 'unsigned' },
    policy,
    installedSignedBy: installed.signedBy ?? null,
  });
  if (!trust.accepted) throw new PackRefusedError([trust.reason], 'untrusted');
  return installValidated(db, previous.content, {
    now,
    allowDowngrade: true,
    source: installed.source,
    sourceUrl: installed.sourceUrl ?? null,
    signedBy: previous.signedBy,
    unsigned: previous.unsigned,
    expectInstalledSignedBy: installed.signedBy ?? null,
  });
}

/**
 * Removes a pack and its scripts in one transaction. Scripts an agent edited, and personal copies (which never
 * belonged to the pack), stay as the agent's own.
 */
export async function uninstallPack(db: AgentAssistDatabase, packId: string, now = Date.now()): Promise<{ removed: number; keptAsPersonal: number }> {
  return db.transaction('rw', db.scripts, db.packs, db.deletedPackScripts, async () => {
    const scripts = await db.scripts.where('packId').equals(packId).toArray();
    const edited = scripts.filter((s) => s.editedLocally).map((s) => ({ ...s, packId: null, locked: false, editedLocally: false, updatedAt: now }));
    const removed = scripts.filter((s) => !s.editedLocally).map((s) => s.id);
    await db.scripts.bulkDelete(removed);
    if (edited.length > 0) await db.scripts.bulkPut(edited);
    await db.deletedPackScripts.where('packId').equals(packId).delete();
    await db.packs.delete(packId);
    return { removed: removed.length, keptAsPersonal: edited.length };
  });
}

/** Puts the pack's wording back over an agent's edit. */
export async function resetOverride(db: AgentAssistDatabase, scriptId: string, now = Date.now()): Promise<Script> {
  return db.transaction('rw', db.scripts, db.packs, async () => {
    const script = await db.scripts.get(scriptId);
    if (!script?.packId) throw new PackRefusedError([`"${scriptId}" is not a pack script`], 'not-allowed');
    const installed = (await db.packs.get(script.packId)) as InstalledPackDetails | undefined;
    const original = installed?.content?.scripts.find((s) => s.id === scriptId);
    if (!installed || !original) throw new PackRefusedError([`the pack's wording for "${scriptId}" is not kept here`], 'not-allowed');
    const restored: Script = { ...script, ...original, packId: script.packId, editedLocally: false, version: script.version + 1, updatedAt: now };
    await db.scripts.put(restored);
    await db.packs.put({ ...installed, staleOverrides: (installed.staleOverrides ?? []).filter((id) => id !== scriptId) } as InstalledPackDetails);
    return restored;
  });
}

/** The agent saw that the pack changed under an edit and keeps the edit: the flag goes. */
export async function keepOverride(db: AgentAssistDatabase, scriptId: string): Promise<void> {
  await db.transaction('rw', db.scripts, db.packs, async () => {
    const script = await db.scripts.get(scriptId);
    const installed = script?.packId ? ((await db.packs.get(script.packId)) as InstalledPackDetails | undefined) : undefined;
    if (!installed) return;
    await db.packs.put({ ...installed, staleOverrides: (installed.staleOverrides ?? []).filter((id) => id !== scriptId) } as InstalledPackDetails);
  });
}

/**
 * A personal copy of a script (typically a locked one): same wording, the agent's to edit, kept when the pack goes.
 * Refused where the policy does not let agents have scripts of their own.
 */
export async function duplicateAsPersonal(
  db: AgentAssistDatabase,
  scriptId: string,
  { policy = NO_POLICY, now = Date.now() }: { policy?: PackPolicy; now?: number } = {},
): Promise<Script> {
  if (!policy.allowPersonalScripts) throw new PackRefusedError(['your organisation does not allow scripts of your own'], 'not-allowed');
  return db.transaction('rw', db.scripts, async () => {
    const source = await db.scripts.get(scriptId);
    if (!source) throw new PackRefusedError([`no script "${scriptId}"`], 'not-allowed');
    const base = `${source.id.slice(0, 180)}.mine`;
    let id = base;
    for (let n = 2; await db.scripts.get(id); n++) id = `${base}-${n}`;
    const copy: Script = {
      ...source,
      id,
      title: `${source.title.slice(0, 185)} (my copy)`,
      packId: null,
      locked: false,
      editedLocally: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await db.scripts.put(copy);
    return copy;
  });
}

export function installedPacks(db: AgentAssistDatabase): Promise<InstalledPack[]> {
  return db.packs.toArray();
}

/** Installed packs with what the library page shows about them; without the content, which can be megabytes. */
export async function installedPackSummaries(db: AgentAssistDatabase): Promise<Array<Omit<InstalledPackDetails, 'content' | 'previous'> & { previousVersion: string | null }>> {
  const rows = (await db.packs.toArray()) as InstalledPackDetails[];
  return rows.map(({ content: _content, previous, ...row }) => ({ ...row, previousVersion: previous?.content.version ?? null }));
}

export interface PackOverride {
  script: Script;
  packText: string | null;
  /** The pack's wording changed since the agent's edit. */
  stale: boolean;
}

/** The agent's edits to a pack's scripts, with the pack's current wording beside each. */
export async function packOverrides(db: AgentAssistDatabase, packId: string): Promise<PackOverride[]> {
  const installed = (await db.packs.get(packId)) as InstalledPackDetails | undefined;
  const edited = (await db.scripts.where('packId').equals(packId).toArray()).filter((s) => s.editedLocally);
  const stale = new Set(installed?.staleOverrides ?? []);
  const packScripts = new Map(installed?.content?.scripts.map((s) => [s.id, s.text]) ?? []);
  return edited.map((script) => ({ script, packText: packScripts.get(script.id) ?? null, stale: stale.has(script.id) }));
}
