import type { ConversationSnapshot, Script, Speaker, Stage } from '@/scripts-library/schemas';
import type { AgentWriting } from '@/scripts-library/heal';
import type { AgentAssistDatabase, InsertEvent, ScriptUsage } from './database';

export type { InsertEvent, ScriptUsage };

/**
 * What worked: every insert, and what followed it. Everything stays in this browser's IndexedDB and is never sent
 * anywhere; customer text is never stored — a conversation is known by a hash of its site and ticket, and an
 * inserted text only by a rolling hash and its length, enough to recognise it in the sent reply.
 */

/** FNV-1a, 32 bits, as 8 hex digits: a stable short fingerprint (not a security measure). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Spacing, line breaks and invisible characters vary as helpdesks store and show a reply; the words do not. */
const NOT_COUNTED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g;
const MODULUS = 2_147_483_647;
const BASE = 65_599;

function compact(text: string): string {
  return text.normalize('NFC').replace(NOT_COUNTED, '');
}

/**
 * A polynomial hash of the text without spacing, and its length. Being a rolling hash, it lets `containsText` find
 * the inserted text inside a longer sent reply (a greeting typed before it is not an edit of the script) without
 * ever storing the text.
 */
export function textFingerprint(text: string): { hash: number; length: number } {
  const c = compact(text);
  let hash = 0;
  for (let i = 0; i < c.length; i++) hash = (hash * BASE + c.charCodeAt(i)) % MODULUS;
  return { hash, length: c.length };
}

/** Whether `message` contains, unchanged apart from spacing, a text with this fingerprint. */
export function containsText(message: string, fingerprint: { hash: number; length: number }): boolean {
  const c = compact(message);
  const n = fingerprint.length;
  if (n === 0) return true;
  if (c.length < n) return false;
  let power = 1;
  for (let i = 1; i < n; i++) power = (power * BASE) % MODULUS;
  let hash = 0;
  for (let i = 0; i < n; i++) hash = (hash * BASE + c.charCodeAt(i)) % MODULUS;
  if (hash === fingerprint.hash) return true;
  for (let i = n; i < c.length; i++) {
    hash = (hash - ((c.charCodeAt(i - n) * power) % MODULUS) + MODULUS) % MODULUS;
    hash = (hash * BASE + c.charCodeAt(i)) % MODULUS;
    if (hash === fingerprint.hash) return true;
  }
  return false;
}

export function conversationFingerprint(site: string, ticketOrUrl: string): string {
  return fingerprint(`${site}|${ticketOrUrl}`);
}

/** The conversation a snapshot shows, as its fingerprint: site and ticket, else the address without its fragment. */
export function conversationOfSnapshot(snapshot: Pick<ConversationSnapshot, 'site' | 'ticketId' | 'url'>): string {
  return conversationFingerprint(snapshot.site, snapshot.ticketId ?? snapshot.url.split('#')[0] ?? snapshot.url);
}

export interface NewInsert {
  script: Pick<Script, 'id' | 'stage' | 'kind' | 'lang'>;
  /** The conversation's stage when the script was inserted (the script's own stage when absent). */
  stage?: Stage;
  site: string;
  conversation: string;
  method: InsertEvent['method'];
  turnsAtInsert: number;
  /** The text as inserted; only its fingerprint is kept. */
  text: string;
}

/** Records an insert and counts it for the script, in one transaction. */
export async function recordInsert(db: AgentAssistDatabase, insert: NewInsert, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.insertEvents, db.scriptUsage, async () => {
    const seq = await db.insertEvents.add({
      at: now,
      scriptId: insert.script.id,
      stage: insert.stage ?? insert.script.stage,
      kind: insert.script.kind,
      lang: insert.script.lang,
      site: insert.site,
      conversation: insert.conversation,
      method: insert.method,
      turnsAtInsert: insert.turnsAtInsert,
      ...(({ hash, length }) => ({ textHash: hash, textLength: length }))(textFingerprint(insert.text)),
      sentAt: null,
      sentTurn: null,
      edited: null,
      nextDissatisfaction: null,
    });
    const usage = await db.scriptUsage.get(insert.script.id);
    await db.scriptUsage.put({ scriptId: insert.script.id, count: (usage?.count ?? 0) + 1, lastUsedAt: now });
    return seq as number;
  });
}

/** A turn of the conversation as the outcome check needs it: who, a fingerprint of the words, and the mood. */
export interface TurnOutcomeView {
  speaker: Speaker;
  text: string;
  dissatisfaction: number;
}

export type OutcomeUpdate = Pick<InsertEvent, 'sentAt' | 'sentTurn' | 'edited' | 'nextDissatisfaction'> & { seq: number };

/**
 * What the conversation now says about earlier inserts: the first agent reply after an insert is the one that
 * carried it (edited unless the inserted text is in it unchanged; words added around it are not an edit of the
 * script), and the customer's first message after
 * that reply gives the mood that followed. Pure, so the rules are tested without a browser.
 */
export function outcomesFrom(events: readonly InsertEvent[], turns: readonly TurnOutcomeView[], now: number): OutcomeUpdate[] {
  const updates: OutcomeUpdate[] = [];
  for (const event of events) {
    if (event.seq === undefined || event.method !== 'inserted') continue;
    let { sentAt, sentTurn, edited, nextDissatisfaction } = event;
    if (sentTurn === null) {
      for (let i = event.turnsAtInsert; i < turns.length; i++) {
        if ((turns[i] as TurnOutcomeView).speaker !== 'agent') continue;
        sentTurn = i;
        sentAt = now;
        edited = !containsText((turns[i] as TurnOutcomeView).text, { hash: event.textHash, length: event.textLength });
        break;
      }
    }
    if (sentTurn !== null && nextDissatisfaction === null) {
      for (let i = sentTurn + 1; i < turns.length; i++) {
        const turn = turns[i] as TurnOutcomeView;
        if (turn.speaker !== 'customer') continue;
        nextDissatisfaction = Math.round(turn.dissatisfaction * 1000) / 1000;
        break;
      }
    }
    if (sentTurn !== event.sentTurn || nextDissatisfaction !== event.nextDissatisfaction) {
      updates.push({ seq: event.seq, sentAt, sentTurn, edited, nextDissatisfaction });
    }
  }
  return updates;
}

/** Inserts in a conversation still waiting for their reply or for the customer's answer. */
export async function openInserts(db: AgentAssistDatabase, conversation: string): Promise<InsertEvent[]> {
  const events = await db.insertEvents.where('conversation').equals(conversation).toArray();
  return events.filter((e) => e.method === 'inserted' && (e.sentTurn === null || e.nextDissatisfaction === null));
}

/** Brings a conversation's open inserts up to date with what it now shows; returns how many changed. */
export async function updateOutcomes(db: AgentAssistDatabase, conversation: string, turns: readonly TurnOutcomeView[], now = Date.now()): Promise<number> {
  const open = await openInserts(db, conversation);
  if (open.length === 0) return 0;
  const updates = outcomesFrom(open, turns, now);
  if (updates.length === 0) return 0;
  await db.transaction('rw', db.insertEvents, async () => {
    for (const { seq, ...changes } of updates) await db.insertEvents.update(seq, changes);
  });
  return updates.length;
}

/** Script ids inserted in one conversation, oldest first. */
export async function scriptsInsertedIn(db: AgentAssistDatabase, conversation: string): Promise<string[]> {
  const events = await db.insertEvents.where('conversation').equals(conversation).sortBy('at');
  return [...new Set(events.map((e) => e.scriptId))];
}

export async function usageByScript(db: AgentAssistDatabase): Promise<Map<string, { count: number; lastUsedAt: number }>> {
  const rows = await db.scriptUsage.toArray();
  return new Map(rows.map((r) => [r.scriptId, { count: r.count, lastUsedAt: r.lastUsedAt }]));
}

export async function favouriteIds(db: AgentAssistDatabase): Promise<Set<string>> {
  return new Set((await db.favouriteScripts.toArray()).map((f) => f.scriptId));
}

/** Marks or unmarks a favourite; returns whether it is one now. */
export async function toggleFavourite(db: AgentAssistDatabase, scriptId: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.favouriteScripts, async () => {
    if (await db.favouriteScripts.get(scriptId)) {
      await db.favouriteScripts.delete(scriptId);
      return false;
    }
    await db.favouriteScripts.put({ scriptId, at: now });
    return true;
  });
}

/** Insert events from `since` on (all when absent), oldest first. */
export function insertEvents(db: AgentAssistDatabase, since = 0): Promise<InsertEvent[]> {
  return db.insertEvents.where('at').aboveOrEqual(since).toArray();
}

/** Forgets every insert and usage count (favourites stay: the agent chose them). */
export async function clearUsage(db: AgentAssistDatabase): Promise<void> {
  await db.transaction('rw', db.insertEvents, db.scriptUsage, async () => {
    await db.insertEvents.clear();
    await db.scriptUsage.clear();
  });
}

/** Scripts inserted since the complaint and not yet seen sent: the reply being written, for the HEAL checklist. */
export function insertedDrafts(events: readonly InsertEvent[], start: number, byId: ReadonlyMap<string, Script>): AgentWriting[] {
  return events
    .filter((e) => e.method === 'inserted' && e.sentTurn === null && e.turnsAtInsert > start)
    .flatMap((e) => {
      const script = byId.get(e.scriptId);
      return script ? [{ text: script.text, lang: script.lang, source: 'draft' as const }] : [];
    });
}
