import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '@/scripts-library/schemas';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import { installPack, PackRefusedError } from '@/storage/packs';
import { deleteScript, InvalidScriptError, saveScriptEdit, scriptsForStage } from '@/storage/scripts';

let db: AgentAssistDatabase;
let dbCount = 0;

beforeEach(async () => {
  db = createDatabase(`test-${++dbCount}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function pack(version: string, scripts: Array<Partial<Pack['scripts'][number]> & { id: string }>): Pack {
  return {
    id: 'team',
    name: 'Team pack',
    version,
    publisher: 'Lead',
    description: '',
    languages: ['en'],
    scripts: scripts.map((s) => ({
      stage: 'greeting',
      kind: 'greeting',
      lang: 'en',
      title: s.id,
      text: `Text of ${s.id}`,
      tags: [],
      channel: 'any',
      locked: false,
      ...s,
    })),
  };
}

describe('installPack', () => {
  it('installs, and installing the same version again changes nothing', async () => {
    const first = await installPack(db, pack('1.0.0', [{ id: 'a' }, { id: 'b', lang: 'hi', text: 'नमस्ते' }]), { now: 10 });
    expect(first).toMatchObject({ added: 2, updated: 0, removed: 0 });
    const before = await db.scripts.toArray();
    const again = await installPack(db, pack('1.0.0', [{ id: 'a' }, { id: 'b', lang: 'hi', text: 'नमस्ते' }]), { now: 20 });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    expect(await db.scripts.toArray()).toEqual(before);
  });

  it('upgrades untouched scripts, keeps edited ones, drops removed ones and keeps edited removed ones as personal', async () => {
    await installPack(db, pack('1.0.0', [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]), { now: 10 });
    await saveScriptEdit(db, { id: 'b', text: 'My own wording' }, 11);
    await saveScriptEdit(db, { id: 'd', text: 'Edited, then dropped by the pack' }, 11);
    const result = await installPack(db, pack('1.1.0', [{ id: 'a', text: 'New wording' }, { id: 'b', text: 'Pack wording v2' }]), { now: 12 });
    expect(result).toMatchObject({ added: 0, updated: 1, removed: 1, keptEdits: 1 });
    expect((await db.scripts.get('a'))?.text).toBe('New wording');
    expect((await db.scripts.get('a'))?.version).toBe(2);
    expect((await db.scripts.get('b'))?.text).toBe('My own wording');
    expect(await db.scripts.get('c')).toBeUndefined();
    expect(await db.scripts.get('d')).toMatchObject({ packId: null, text: 'Edited, then dropped by the pack' });
  });

  it('does not bring back a pack script the person deleted', async () => {
    await installPack(db, pack('1.0.0', [{ id: 'a' }, { id: 'b' }]), { now: 10 });
    await deleteScript(db, 'a', 11);
    await installPack(db, pack('1.0.1', [{ id: 'a', text: 'changed' }, { id: 'b' }]), { now: 12 });
    expect(await db.scripts.get('a')).toBeUndefined();
  });

  it('refuses an older version unless asked, and leaves the data as it was', async () => {
    await installPack(db, pack('2.0.0', [{ id: 'a', text: 'v2' }]), { now: 10 });
    const before = await db.scripts.toArray();
    await expect(installPack(db, pack('1.9.9', [{ id: 'a', text: 'v1' }]))).rejects.toThrow(/older than the installed 2.0.0/);
    expect(await db.scripts.toArray()).toEqual(before);
    await installPack(db, pack('1.9.9', [{ id: 'a', text: 'v1' }]), { allowDowngrade: true });
    expect((await db.scripts.get('a'))?.text).toBe('v1');
  });

  it('refuses an invalid pack with every problem listed and writes nothing', async () => {
    const broken = { ...pack('1.0.0', [{ id: 'a' }]), scripts: [{ id: 'a', stage: 'nope' }, { id: 'b', text: 5 }] };
    const error = await installPack(db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackRefusedError);
    expect((error as PackRefusedError).problems.some((p) => p.startsWith('scripts[0].stage'))).toBe(true);
    expect((error as PackRefusedError).problems.some((p) => p.startsWith('scripts[1].text'))).toBe(true);
    expect(await db.scripts.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
  });

  it('refuses duplicate ids', async () => {
    await expect(installPack(db, pack('1.0.0', [{ id: 'a' }, { id: 'a' }]))).rejects.toThrow(/"a" is used twice/);
  });

  it('leaves a person’s own script alone when a pack uses its id', async () => {
    await saveScriptEdit(db, { id: 'mine', stage: 'closing', kind: 'gratitude', lang: 'en', title: 'Mine', text: 'Thanks!' }, 5);
    const result = await installPack(db, pack('1.0.0', [{ id: 'mine' }]), { now: 10 });
    expect(result.conflicts).toEqual(['mine']);
    expect(await db.scripts.get('mine')).toMatchObject({ text: 'Thanks!', packId: null });
  });
});

describe('scripts repository', () => {
  it('finds a stage’s scripts in the given languages', async () => {
    await installPack(db, pack('1.0.0', [{ id: 'a' }, { id: 'b', lang: 'hi' }, { id: 'c', lang: 'ta' }, { id: 'd', stage: 'closing', kind: 'gratitude' }]));
    const found = await scriptsForStage(db, 'greeting', ['en', 'hi']);
    expect(found.map((s) => s.id).sort()).toEqual(['a', 'b']);
  });

  it('validates edits and writes nothing when they are wrong', async () => {
    await installPack(db, pack('1.0.0', [{ id: 'a' }]));
    await expect(saveScriptEdit(db, { id: 'a', text: '' })).rejects.toBeInstanceOf(InvalidScriptError);
    expect((await db.scripts.get('a'))?.text).toBe('Text of a');
  });

  it('refuses to edit or delete a locked script', async () => {
    await installPack(db, pack('1.0.0', [{ id: 'a', locked: true }]));
    await expect(saveScriptEdit(db, { id: 'a', text: 'x' })).rejects.toThrow(/locked/);
    await expect(deleteScript(db, 'a')).rejects.toThrow(/locked/);
    expect(await db.scripts.get('a')).toBeDefined();
  });
});
