import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AgentAssistDatabase } from '@/storage/database';
import {
  containsText,
  conversationFingerprint,
  favouriteIds,
  insertEvents,
  outcomesFrom,
  recordInsert,
  scriptsInsertedIn,
  textFingerprint,
  toggleFavourite,
  updateOutcomes,
  usageByScript,
  type TurnOutcomeView,
} from '@/storage/usage';

const apology = { id: 'default.recovery.sincere-apology.en', stage: 'recovery', kind: 'apology', lang: 'en' } as const;
const inserted = 'Hi Megan,\n\nI’m truly sorry for the trouble this has caused you.';
let db: AgentAssistDatabase | null = null;
let name = '';

afterEach(async () => {
  db?.close();
  if (name) await Dexie.delete(name);
  db = null;
});

async function open(): Promise<AgentAssistDatabase> {
  name = `usage-${Math.random()}`;
  db = createDatabase(name);
  await db.open();
  return db;
}

describe('usage storage', () => {
  it('opens a database created by the previous version, scripts kept and the new tables empty', async () => {
    name = `usage-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ scripts: 'id, stage, lang, kind, packId, updatedAt, [stage+lang]', packs: 'id', deletedPackScripts: 'id, packId' });
    old.version(2).stores({ scriptVersions: '++seq, scriptId, [scriptId+version], at', silencedChecks: '[scriptId+check], scriptId' });
    await old.open();
    await old.table('scripts').put({ id: 'kept', stage: 'greeting', lang: 'en' });
    old.close();

    db = createDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.scripts.get('kept')).toMatchObject({ id: 'kept' });
    expect(await db.insertEvents.count()).toBe(0);
    expect(await db.scriptUsage.count()).toBe(0);
  });

  it('records an insert with no customer text, and counts it for the script', async () => {
    const store = await open();
    const conversation = conversationFingerprint('demo', '1002');
    await recordInsert(store, { script: apology, site: 'demo', conversation, method: 'inserted', turnsAtInsert: 3, text: inserted }, 1000);
    await recordInsert(store, { script: apology, site: 'demo', conversation, method: 'inserted', turnsAtInsert: 3, text: inserted }, 2000);
    const events = await insertEvents(store);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ scriptId: apology.id, stage: 'recovery', kind: 'apology', lang: 'en', site: 'demo', at: 1000, edited: null });
    // Neither the customer's name, nor the ticket, nor the text is stored anywhere.
    const stored = JSON.stringify([await store.insertEvents.toArray(), await store.scriptUsage.toArray()]);
    expect(stored).not.toMatch(/Megan|1002|sorry/);
    expect(await usageByScript(store)).toEqual(new Map([[apology.id, { count: 2, lastUsedAt: 2000 }]]));
    expect(await scriptsInsertedIn(store, conversation)).toEqual([apology.id]);
    expect(await scriptsInsertedIn(store, conversationFingerprint('demo', '1003'))).toEqual([]);
  });

  it('keeps favourites', async () => {
    const store = await open();
    expect(await toggleFavourite(store, 'a')).toBe(true);
    expect(await toggleFavourite(store, 'b')).toBe(true);
    expect(await toggleFavourite(store, 'a')).toBe(false);
    expect(await favouriteIds(store)).toEqual(new Set(['b']));
  });

  it('finds the reply that carried an insert, whether it was edited, and the customer’s next mood', async () => {
    const store = await open();
    const conversation = conversationFingerprint('demo', '1002');
    await recordInsert(store, { script: apology, site: 'demo', conversation, method: 'inserted', turnsAtInsert: 2, text: inserted }, 1000);
    const turns: TurnOutcomeView[] = [
      { speaker: 'customer', text: 'Where is it?', dissatisfaction: 0.2 },
      { speaker: 'customer', text: 'This is ridiculous.', dissatisfaction: 0.9 },
    ];
    expect(await updateOutcomes(store, conversation, turns, 5000)).toBe(0);
    turns.push({ speaker: 'agent', text: 'Hi Megan, I’m truly sorry for the trouble this has caused you.', dissatisfaction: 0 });
    expect(await updateOutcomes(store, conversation, turns, 5000)).toBe(1);
    expect((await insertEvents(store))[0]).toMatchObject({ sentTurn: 2, sentAt: 5000, edited: false, nextDissatisfaction: null });
    turns.push({ speaker: 'customer', text: 'Okay, thanks.', dissatisfaction: 0.1 });
    expect(await updateOutcomes(store, conversation, turns, 6000)).toBe(1);
    expect((await insertEvents(store))[0]).toMatchObject({ sentTurn: 2, edited: false, nextDissatisfaction: 0.1 });
    // Nothing left open: nothing changes.
    expect(await updateOutcomes(store, conversation, turns, 7000)).toBe(0);
  });

  it('tells an edited insert from one sent as inserted (spacing, and words added around it, are not edits)', () => {
    const base = { seq: 1, at: 0, scriptId: 'x', stage: 'recovery', kind: 'apology', lang: 'en', site: 'demo', conversation: 'c', method: 'inserted', turnsAtInsert: 0, sentAt: null, sentTurn: null, edited: null, nextDissatisfaction: null } as const;
    const event = (seq: number, text: string) => ({ ...base, seq, ...(({ hash, length }) => ({ textHash: hash, textLength: length }))(textFingerprint(text)) });
    const sent = (text: string) => [{ speaker: 'agent' as const, text, dissatisfaction: 0 }];
    expect(outcomesFrom([event(1, inserted)], sent('Hi Megan, I’m truly sorry for the trouble this has caused you.'), 1)[0]?.edited).toBe(false);
    expect(outcomesFrom([event(1, inserted)], sent('Thanks for waiting! Hi Megan,\nI’m truly sorry for the trouble this has caused you. I’ll call you.'), 1)[0]?.edited).toBe(false);
    expect(outcomesFrom([event(1, inserted)], sent('Hi Megan, I’m sorry for the trouble this has caused you.'), 1)[0]?.edited).toBe(true);
    // Two scripts stacked into one reply: both sent as inserted.
    const both = outcomesFrom([event(1, 'I’m so sorry.'), event(2, 'Here is what I have done.')], sent('I’m so sorry. Here is what I have done.'), 1);
    expect(both.map((u) => u.edited)).toEqual([false, false]);
    // A copied script is not tracked: it may be pasted anywhere.
    expect(outcomesFrom([{ ...event(1, inserted), method: 'copied' }], sent(inserted), 1)).toEqual([]);
  });

  it('finds a text inside another regardless of spacing, and only then', () => {
    const fp = textFingerprint('Line one.\n\nLine two.');
    expect(containsText('Before. Line one. Line two. After.', fp)).toBe(true);
    expect(containsText('Line one.Line two.', fp)).toBe(true);
    expect(containsText('Line one. Line 2.', fp)).toBe(false);
    expect(containsText('short', fp)).toBe(false);
  });
});
