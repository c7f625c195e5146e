import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffWords } from '@/scripts-library/diff';
import type { Pack } from '@/scripts-library/schemas';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import { historyOf, recentDeletions } from '@/storage/history';
import {
  createScript,
  deleteScriptKeepingHistory,
  duplicateScript,
  newScriptId,
  restoreScript,
  revertScript,
  saveScript,
  silenceCheck,
  silencedChecksFor,
  unsilenceCheck,
  variantGroupKey,
} from '@/storage/library';
import { installPack } from '@/storage/packs';
import { InvalidScriptError } from '@/storage/scripts';

let db: AgentAssistDatabase;
let n = 0;
const meena = { author: 'Meena (trainer)' };

beforeEach(async () => {
  db = createDatabase(`library-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const tamilDraft = {
  title: 'Apology for the delay',
  text: 'மன்னிக்கவும் {{customer.firstName|நண்பரே}}, ஆனால் தாமதம் தவிர்க்க முடியாதது.',
  lang: 'ta' as const,
  stage: 'recovery' as const,
  kind: 'apology' as const,
};

function teamPack(locked: boolean): Pack {
  return {
    id: 'team',
    name: 'Team',
    version: '1.0.0',
    publisher: 'Lead',
    description: '',
    languages: ['en'],
    scripts: [{ id: 'team.hello.en', stage: 'greeting', kind: 'greeting', lang: 'en', title: 'Hello', text: 'Hello {{customer.firstName|there}}!', tags: [], channel: 'any', locked }],
  };
}

describe('script library storage', () => {
  it('records every save as a version: who, when, what changed', async () => {
    const created = await createScript(db, tamilDraft, { ...meena, now: 100 });
    expect(created.id).toBe('my.recovery.apology-for-the-delay.ta');
    await saveScript(db, created.id, { text: 'மன்னிக்கவும் {{customer.firstName|நண்பரே}}, இன்றே சரிசெய்து தெரிவிக்கிறேன்.' }, { author: 'Ravi', now: 200 });
    await saveScript(db, created.id, { tags: ['delay'] }, { author: 'Ravi', now: 300 });
    const history = await historyOf(db, created.id);
    expect(history.map((v) => [v.version, v.action, v.author, v.at, v.changed])).toEqual([
      [1, 'create', 'Meena (trainer)', 100, ['title', 'text', 'lang', 'stage', 'kind', 'channel', 'tags']],
      [2, 'edit', 'Ravi', 200, ['text']],
      [3, 'edit', 'Ravi', 300, ['tags']],
    ]);
    const diff = diffWords(history[0]!.script.text, history[1]!.script.text);
    expect(diff.filter((p) => p.op === 'delete').map((p) => p.text).join('')).toContain('ஆனால்');
  });

  it('records nothing when nothing changed', async () => {
    const created = await createScript(db, tamilDraft, meena);
    const again = await saveScript(db, created.id, { text: tamilDraft.text }, meena);
    expect(again.version).toBe(1);
    expect(await historyOf(db, created.id)).toHaveLength(1);
  });

  it('reverts to an earlier version as a new version', async () => {
    const { id } = await createScript(db, tamilDraft, { ...meena, now: 1 });
    await saveScript(db, id, { text: 'புதிய வாசகம்.' }, { ...meena, now: 2 });
    const reverted = await revertScript(db, id, 1, { author: 'Ravi', now: 3 });
    expect(reverted.text).toBe(tamilDraft.text);
    expect(reverted.version).toBe(3);
    const last = (await historyOf(db, id)).at(-1)!;
    expect(last).toMatchObject({ action: 'revert', revertedTo: 1, author: 'Ravi', changed: ['text'] });
    await expect(revertScript(db, id, 99, meena)).rejects.toThrow(/version 99/);
  });

  it('keeps the pack wording as a baseline before the first edit of a pack script', async () => {
    await installPack(db, teamPack(false), { now: 5 });
    await saveScript(db, 'team.hello.en', { text: 'Hi {{customer.firstName|there}}, welcome back!' }, { ...meena, now: 10 });
    const history = await historyOf(db, 'team.hello.en');
    expect(history.map((v) => [v.action, v.author, v.script.text])).toEqual([
      ['baseline', 'pack:team', 'Hello {{customer.firstName|there}}!'],
      ['edit', 'Meena (trainer)', 'Hi {{customer.firstName|there}}, welcome back!'],
    ]);
    expect((await db.scripts.get('team.hello.en'))?.editedLocally).toBe(true);
  });

  it('refuses a 1 MB text, malformed fields and locked scripts, and loses nothing stored', async () => {
    const { id } = await createScript(db, tamilDraft, meena);
    await expect(saveScript(db, id, { text: 'x'.repeat(1_000_000) }, meena)).rejects.toThrow(/at most 20000 characters/);
    await expect(saveScript(db, id, { title: '   ' }, meena)).rejects.toBeInstanceOf(InvalidScriptError);
    expect((await db.scripts.get(id))?.text).toBe(tamilDraft.text);
    expect(await historyOf(db, id)).toHaveLength(1);

    await installPack(db, teamPack(true));
    await expect(saveScript(db, 'team.hello.en', { text: 'Changed' }, meena)).rejects.toThrow(/locked/);
    await expect(deleteScriptKeepingHistory(db, 'team.hello.en', meena)).rejects.toThrow(/locked/);
    expect((await db.scripts.get('team.hello.en'))?.text).toBe('Hello {{customer.firstName|there}}!');
    // A locked script can still be duplicated into an editable one.
    const copy = await duplicateScript(db, 'team.hello.en', 'Hello (my copy)', meena);
    expect(copy).toMatchObject({ locked: false, packId: null, text: 'Hello {{customer.firstName|there}}!', lang: 'en' });
    await saveScript(db, copy.id, { text: 'Hello again' }, meena);
  });

  it('stores hostile text as plain data', async () => {
    const hostile = '<img src=x onerror=alert(1)> {{constructor}} __proto__';
    const { id } = await createScript(db, { ...tamilDraft, title: '__proto__', text: hostile, lang: 'en' }, meena);
    const stored = await db.scripts.get(id);
    expect(stored?.text).toBe(hostile);
    expect(stored?.title).toBe('__proto__');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
  });

  it('never lets a new script overwrite another', async () => {
    const first = await createScript(db, tamilDraft, meena);
    const second = await createScript(db, tamilDraft, meena);
    expect(second.id).toBe('my.recovery.apology-for-the-delay-2.ta');
    await expect(createScript(db, { ...tamilDraft, id: first.id }, meena)).rejects.toThrow(/already used/);
    expect(await newScriptId(db, { title: 'வணக்கம்', stage: 'greeting', lang: 'ta' })).toMatch(/^my\.greeting\.[a-z0-9]+\.ta$/);
  });

  it('undoes a deletion, pack scripts included, so pack upgrades may update them again', async () => {
    await installPack(db, teamPack(false));
    const deleted = await deleteScriptKeepingHistory(db, 'team.hello.en', { ...meena, now: 50 });
    expect(deleted?.id).toBe('team.hello.en');
    expect(await db.deletedPackScripts.get('team.hello.en')).toBeDefined();
    expect((await recentDeletions(db)).map((d) => d.scriptId)).toEqual(['team.hello.en']);
    const restored = await restoreScript(db, 'team.hello.en', { ...meena, now: 60 });
    expect(restored.text).toBe('Hello {{customer.firstName|there}}!');
    expect(await db.deletedPackScripts.get('team.hello.en')).toBeUndefined();
    expect(await recentDeletions(db)).toEqual([]);
    expect((await historyOf(db, 'team.hello.en')).map((v) => v.action)).toEqual(['baseline', 'delete', 'restore']);
    await expect(restoreScript(db, 'team.hello.en', meena)).rejects.toThrow(/exists already/);
  });

  it('silences a check only with a reason, and can take it back', async () => {
    const { id } = await createScript(db, tamilDraft, meena);
    await expect(silenceCheck(db, id, 'but-after-apology', '  ', meena)).rejects.toThrow(/reason/);
    await silenceCheck(db, id, 'but-after-apology', 'Quoted from the policy page on purpose', { ...meena, now: 7 });
    expect(await silencedChecksFor(db, id)).toEqual([
      { scriptId: id, check: 'but-after-apology', reason: 'Quoted from the policy page on purpose', author: 'Meena (trainer)', at: 7 },
    ]);
    await unsilenceCheck(db, id, 'but-after-apology');
    expect(await silencedChecksFor(db, id)).toEqual([]);
  });

  it('groups language variants by id', () => {
    expect(variantGroupKey({ id: 'default.greeting.welcome.ta', lang: 'ta' })).toBe('default.greeting.welcome');
    expect(variantGroupKey({ id: 'default.greeting.welcome.hi-Latn', lang: 'hi-Latn' })).toBe('default.greeting.welcome');
    expect(variantGroupKey({ id: 'custom-id', lang: 'en' })).toBe('custom-id');
  });

  it('opens a database created by version 1 and keeps its scripts', async () => {
    const name = `library-upgrade-${n}`;
    const old = new Dexie(name);
    old.version(1).stores({ scripts: 'id, stage, lang, kind, packId, updatedAt, [stage+lang]', packs: 'id', deletedPackScripts: 'id, packId' });
    await old.open();
    await old.table('scripts').put({ id: 'old.one.en', stage: 'greeting', kind: 'greeting', lang: 'en', title: 'Old', text: 'Hello', tags: [], channel: 'any', packId: null, locked: false, version: 4, editedLocally: false, createdAt: 1, updatedAt: 2 });
    old.close();
    const upgraded = createDatabase(name);
    await upgraded.open();
    expect((await upgraded.scripts.get('old.one.en'))?.version).toBe(4);
    await saveScript(upgraded, 'old.one.en', { text: 'Hello there' }, meena);
    expect((await historyOf(upgraded, 'old.one.en')).map((v) => [v.action, v.version])).toEqual([
      ['baseline', 4],
      ['edit', 5],
    ]);
    upgraded.close();
    await upgraded.delete();
  });
});

describe('the organisation’s policy on personal scripts', () => {
  const policy = (allowPersonalScripts: boolean) => ({ read: async () => ({ allowPersonalScripts }), watch: () => () => {} });

  it('refuses to create or duplicate a script when the policy forbids scripts of one’s own, and writes nothing', async () => {
    const created = await createScript(db, tamilDraft, { ...meena, policy: policy(true) });
    const before = await db.scripts.count();
    await expect(createScript(db, tamilDraft, { ...meena, policy: policy(false) })).rejects.toThrow(/does not allow scripts of your own/);
    await expect(duplicateScript(db, created.id, 'Copy', { ...meena, policy: policy(false) })).rejects.toBeInstanceOf(InvalidScriptError);
    expect(await db.scripts.count()).toBe(before);
  });
});
