import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planPackInstall } from '@/scripts-library/packs';
import { generatePackKeyPair, signPackDocument, type PackKeyPair } from '@/scripts-library/packs/signature';
import { parsePackPolicy } from '@/scripts-library/packs/trust';
import type { Script } from '@/scripts-library/schemas';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import {
  duplicateAsPersonal,
  importPack,
  installedPackSummaries,
  keepOverride,
  packOverrides,
  PackRefusedError,
  previewPackImport,
  resetOverride,
  rollbackPack,
  uninstallPack,
  type InstalledPackDetails,
} from '@/storage/packs';
import { deleteScript, saveScriptEdit } from '@/storage/scripts';
import { bytesOf, databaseDump, makePack } from './helpers';

let db: AgentAssistDatabase;
let count = 0;
let lead: PackKeyPair;
let stranger: PackKeyPair;

beforeAll(async () => {
  [lead, stranger] = await Promise.all([generatePackKeyPair(), generatePackKeyPair()]);
});
beforeEach(async () => {
  db = createDatabase(`packs-merge-${++count}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const signed = async (document: object, key = lead) => bytesOf(await signPackDocument(document as Record<string, unknown>, key.privateKey));

describe('planPackInstall', () => {
  const stored = (overrides: Partial<Script> & { id: string }): Script => ({
    stage: 'greeting', kind: 'greeting', lang: 'en', title: overrides.id, text: `Text of ${overrides.id}`, tags: [], channel: 'any',
    packId: 'team', locked: false, version: 1, editedLocally: false, createdAt: 1, updatedAt: 1, ...overrides,
  });

  it('lets a newly locked script replace the agent’s edit, and brings back a deleted script once locked', () => {
    const plan = planPackInstall(
      makePack('2.0.0', [{ id: 'edited', locked: true, text: 'Lead wording' }, { id: 'deleted', locked: true }, { id: 'deleted-open' }]),
      [stored({ id: 'edited', text: 'Mine', editedLocally: true })],
      new Set(['deleted', 'deleted-open']),
      5,
    );
    expect(plan.relocked).toEqual(['edited']);
    expect(plan.put.map((s) => [s.id, s.text, s.editedLocally])).toEqual([
      ['edited', 'Lead wording', false],
      ['deleted', 'Text of deleted', false],
    ]);
  });
});

describe('importPack: update semantics', () => {
  it('replaces the pack’s scripts with a new version in one step and records where it came from', async () => {
    await importPack(db, await signed(makePack('1.0.0', [{ id: 'a' }, { id: 'b' }])), { source: 'url', sourceUrl: 'https://x.example/p.json', now: 10 });
    const result = await importPack(db, await signed(makePack('1.1.0', [{ id: 'a', text: 'New' }, { id: 'c' }])), { source: 'url', sourceUrl: 'https://x.example/p.json', now: 20 });
    expect(result).toMatchObject({ version: '1.1.0', added: 1, updated: 1, removed: 1, trust: { signedBy: lead.publicKey, unsigned: false } });
    expect((await db.scripts.where('packId').equals('team').toArray()).map((s) => [s.id, s.text])).toEqual([['a', 'New'], ['c', 'Text of c']]);
    const [summary] = await installedPackSummaries(db);
    expect(summary).toMatchObject({ version: '1.1.0', source: 'url', sourceUrl: 'https://x.example/p.json', signedBy: lead.publicKey, unsigned: false, previousVersion: '1.0.0', scriptCount: 2 });
  });

  it('keeps an agent’s edit as a personal override and flags it when the pack changes underneath', async () => {
    await importPack(db, makePack('1.0.0', [{ id: 'a' }, { id: 'b' }]), { source: 'file', now: 10 });
    await saveScriptEdit(db, { id: 'a', text: 'My wording' }, 11);
    await importPack(db, makePack('1.0.1', [{ id: 'a' }, { id: 'b', text: 'b changed' }]), { source: 'file', now: 12 });
    expect(await packOverrides(db, 'team')).toMatchObject([{ script: { id: 'a', text: 'My wording' }, packText: 'Text of a', stale: false }]);

    const result = await importPack(db, makePack('1.1.0', [{ id: 'a', text: 'Pack wording v2' }, { id: 'b' }]), { source: 'file', now: 13 });
    expect(result.keptEdits).toBe(1);
    expect((await db.scripts.get('a'))?.text).toBe('My wording');
    expect(await packOverrides(db, 'team')).toMatchObject([{ script: { id: 'a' }, packText: 'Pack wording v2', stale: true }]);

    // Still flagged after another upgrade that leaves it alone; gone once the agent decides.
    await importPack(db, makePack('1.2.0', [{ id: 'a', text: 'Pack wording v2' }, { id: 'b', text: 'again' }]), { source: 'file', now: 14 });
    expect((await packOverrides(db, 'team'))[0]?.stale).toBe(true);
    await keepOverride(db, 'a');
    expect((await packOverrides(db, 'team'))[0]?.stale).toBe(false);
    const restored = await resetOverride(db, 'a', 15);
    expect(restored).toMatchObject({ text: 'Pack wording v2', editedLocally: false });
    expect(await packOverrides(db, 'team')).toEqual([]);
  });

  it('keeps locked scripts read-only, and lets agents duplicate them into personal copies', async () => {
    await importPack(db, makePack('1.0.0', [{ id: 'a', locked: true, title: 'Welcome' }]), { source: 'file', now: 10 });
    await expect(saveScriptEdit(db, { id: 'a', text: 'changed' })).rejects.toThrow(/locked/);
    const copy = await duplicateAsPersonal(db, 'a', { now: 11 });
    expect(copy).toMatchObject({ id: 'a.mine', title: 'Welcome (my copy)', packId: null, locked: false, text: 'Text of a' });
    expect((await duplicateAsPersonal(db, 'a', { now: 12 })).id).toBe('a.mine-2');
    await saveScriptEdit(db, { id: 'a.mine', text: 'My copy, my words' }, 13);
    expect((await db.scripts.get('a'))?.text).toBe('Text of a');
    const noPersonal = parsePackPolicy({ allowPersonalScripts: false }).policy;
    await expect(duplicateAsPersonal(db, 'a', { policy: noPersonal })).rejects.toThrow(/does not allow scripts of your own/);
  });

  it('refuses an older version unless a rollback is asked for, by the agent or by the policy for policy packs', async () => {
    await importPack(db, makePack('2.0.0', [{ id: 'a', text: 'v2' }]), { source: 'url', now: 10 });
    const before = await databaseDump(db);
    const error = await importPack(db, makePack('1.0.0', [{ id: 'a', text: 'v1' }]), { source: 'url', now: 11 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackRefusedError);
    expect(error).toMatchObject({ code: 'older-version', problems: ['version 1.0.0 is older than the installed 2.0.0; ask for a rollback to install it'] });
    expect(await databaseDump(db)).toBe(before);

    await importPack(db, makePack('1.0.0', [{ id: 'a', text: 'v1' }]), { source: 'url', allowRollback: true, now: 12 });
    expect((await db.scripts.get('a'))?.text).toBe('v1');

    const rollbackPolicy = parsePackPolicy({ allowRollback: true }).policy;
    await expect(importPack(db, makePack('0.9.0', [{ id: 'a', text: 'v0.9' }]), { source: 'url', policy: rollbackPolicy })).rejects.toThrow(/older/);
    await importPack(db, makePack('0.9.0', [{ id: 'a', text: 'v0.9' }]), { source: 'policy', policy: rollbackPolicy });
    expect((await db.scripts.get('a'))?.text).toBe('v0.9');
  });

  it('rolls back to the version kept from before the last upgrade, and forward again', async () => {
    await importPack(db, await signed(makePack('1.0.0', [{ id: 'a', text: 'one' }])), { source: 'file', now: 10 });
    await importPack(db, await signed(makePack('2.0.0', [{ id: 'a', text: 'two' }, { id: 'b' }])), { source: 'file', now: 20 });
    await rollbackPack(db, 'team', { now: 30 });
    expect((await db.scripts.where('packId').equals('team').toArray()).map((s) => s.text)).toEqual(['one']);
    const record = (await db.packs.get('team')) as InstalledPackDetails;
    expect(record).toMatchObject({ version: '1.0.0', signedBy: lead.publicKey, previous: { content: { version: '2.0.0' } } });
    await rollbackPack(db, 'team', { now: 40 });
    expect((await db.packs.get('team'))?.version).toBe('2.0.0');
    await expect(rollbackPack(db, 'missing')).rejects.toThrow(/no earlier version/);
  });

  it('uninstalls a pack’s scripts but keeps personal copies and the agent’s edits as personal scripts', async () => {
    await importPack(db, makePack('1.0.0', [{ id: 'a', locked: true }, { id: 'b' }, { id: 'c' }]), { source: 'file', now: 10 });
    await duplicateAsPersonal(db, 'a', { now: 11 });
    await saveScriptEdit(db, { id: 'b', text: 'edited b' }, 12);
    await deleteScript(db, 'c', 13);
    expect(await uninstallPack(db, 'team', 14)).toEqual({ removed: 1, keptAsPersonal: 1 });
    expect((await db.scripts.toArray()).map((s) => [s.id, s.packId, s.locked])).toEqual([['a.mine', null, false], ['b', null, false]]);
    expect(await db.packs.count()).toBe(0);
    expect(await db.deletedPackScripts.count()).toBe(0);
  });
});

describe('importPack: trust', () => {
  it('installs only packs signed by trusted keys when the policy names keys, and says why otherwise', async () => {
    const policy = parsePackPolicy({ trustedKeys: [lead.publicKey] }).policy;
    await expect(importPack(db, await signed(makePack('1.0.0', [{ id: 'a' }]), stranger), { source: 'url', policy })).rejects.toThrow(/which your organisation's policy does not trust/);
    await expect(importPack(db, makePack('1.0.0', [{ id: 'a' }]), { source: 'file', policy })).rejects.toThrow(/only allows packs signed with its trusted keys/);
    expect(await db.scripts.count()).toBe(0);
    const result = await importPack(db, await signed(makePack('1.0.0', [{ id: 'a' }])), { source: 'url', policy });
    expect(result.trust).toMatchObject({ trusted: true, signedBy: lead.publicKey });
  });

  it('refuses a tampered pack with a clear message and changes nothing', async () => {
    await importPack(db, await signed(makePack('1.0.0', [{ id: 'a', text: 'Hello' }])), { source: 'url', now: 1 });
    const before = await databaseDump(db);
    const bytes = await signed(makePack('1.1.0', [{ id: 'a', text: 'Hello there' }]));
    const text = new TextDecoder().decode(bytes).replace('Hello there', 'Hellp there');
    const error = (await importPack(db, text, { source: 'url' }).catch((e: unknown) => e)) as PackRefusedError;
    expect(error.message).toBe("The pack was not installed: The pack's signature is not valid: the signature does not match the contents: the pack was changed after it was signed. Ask the publisher for a fresh copy.");
    expect(error.code).toBe('untrusted');
    expect(await databaseDump(db)).toBe(before);
  });

  it('marks unsigned packs, and does not let an unsigned or re-keyed version replace a signed one', async () => {
    const unsignedResult = await importPack(db, makePack('1.0.0', [{ id: 'a' }], { id: 'mine' }), { source: 'file' });
    expect(unsignedResult.trust).toMatchObject({ unsigned: true, signedBy: null });
    expect((await installedPackSummaries(db))[0]).toMatchObject({ id: 'mine', unsigned: true });

    await importPack(db, await signed(makePack('1.0.0', [{ id: 'b' }])), { source: 'url' });
    await expect(importPack(db, makePack('1.1.0', [{ id: 'b' }]), { source: 'url' })).rejects.toThrow(/unsigned version cannot replace it/);
    await expect(importPack(db, await signed(makePack('1.1.0', [{ id: 'b' }]), stranger), { source: 'url' })).rejects.toThrow(/cannot change hands silently/);
  });
});

describe('previewPackImport', () => {
  it('shows what would be added, changed and removed, and writes nothing', async () => {
    await importPack(db, makePack('1.0.0', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]), { source: 'file', now: 1 });
    await saveScriptEdit(db, { id: 'c', text: 'mine' }, 2);
    const before = await databaseDump(db);
    const preview = await previewPackImport(db, bytesOf(makePack('1.1.0', [{ id: 'a', text: 'changed' }, { id: 'c', text: 'pack c v2' }, { id: 'd' }])), { source: 'file' });
    expect(preview).toMatchObject({
      ok: true,
      direction: 'upgrade',
      installedVersion: '1.0.0',
      signature: { status: 'unsigned' },
      trust: { accepted: true, unsigned: true },
      added: [{ id: 'd' }],
      changed: [{ id: 'a', text: 'changed' }],
      removed: [{ id: 'b' }],
      keptEdits: [{ id: 'c', text: 'mine' }],
    });
    expect(await databaseDump(db)).toBe(before);
    expect(await previewPackImport(db, '{"id": 1}', { source: 'file' })).toMatchObject({ ok: false, problems: expect.arrayContaining(['id: Invalid input: expected string, received number']) });
    expect(await previewPackImport(db, makePack('0.1.0', [{ id: 'a' }]), { source: 'file' })).toMatchObject({ ok: true, direction: 'older' });
  });
});
