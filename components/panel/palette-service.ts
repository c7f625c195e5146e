import { z } from 'zod';
import { browser } from 'wxt/browser';
import { RankingIndex, agentLanguageOf, coachHeal, packPriorityOf, rankingMomentOf, selectSuggestions, turnsWithTags } from '@/scripts-library/ranking';
import { ConversationSnapshot, Script } from '@/scripts-library/schemas';
import { ScriptSearchIndex } from '@/scripts-library/search';
import { ConversationTracker } from '@/scripts-library/stage';
import { templateValuesFor } from '@/scripts-library/template-values';
import { renderTemplate, type RenderedTemplate, type TemplateValues } from '@/scripts-library/template';
import { db } from '@/storage/database';
import { includedTexts } from '@/storage/library';
import { conversationOfSnapshot, favouriteIds, insertedDrafts, recordInsert, usageByScript } from '@/storage/usage';
import { interfaceLanguage } from '../i18n';

/**
 * The in-page palette's data. The palette is an extension page shown in a frame inside the helpdesk page; browsers
 * treat such a frame as third-party and may refuse it the extension's IndexedDB ("The user denied permission to
 * access the database" in Chromium when third-party storage is blocked). So the frame asks a first-party extension
 * context instead, over runtime messaging, and the background answers it through `servePalette()`.
 */
export const PALETTE_SUGGESTIONS = 'agent-assist:palette-suggestions';
export const PALETTE_INSERTED = 'agent-assist:palette-inserted';

export const PaletteSuggestionsRequest = z.object({
  type: z.literal(PALETTE_SUGGESTIONS),
  snapshot: ConversationSnapshot,
  query: z.string().max(200),
});
export type PaletteSuggestionsRequest = z.infer<typeof PaletteSuggestionsRequest>;

export const PaletteInsertedRequest = z.object({
  type: z.literal(PALETTE_INSERTED),
  snapshot: ConversationSnapshot,
  scriptId: z.string().max(200),
  text: z.string().max(40_000),
});
export type PaletteInsertedRequest = z.infer<typeof PaletteInsertedRequest>;

export interface PaletteItem {
  script: Script;
  rendered: RenderedTemplate;
}

export interface PaletteSuggestions {
  items: PaletteItem[];
  values: TemplateValues;
  /** Texts of scripts the items include (`{{> id}}`), for the fill-in form. */
  includes: Record<string, string>;
}

const SHOWN = 9;

let cached: { key: string; index: RankingIndex; scripts: Script[] } | null = null;

async function library(): Promise<{ index: RankingIndex; scripts: Script[] }> {
  const scripts = await db.scripts.toArray();
  // Rebuilt only when the library changed: same count and the same latest edit means the same library here.
  const key = `${scripts.length}|${scripts.reduce((max, s) => Math.max(max, s.updatedAt), 0)}`;
  if (!cached || cached.key !== key) cached = { key, index: new RankingIndex(scripts), scripts };
  const [favourites, usage, packs] = await Promise.all([favouriteIds(db), usageByScript(db), db.packs.toArray()]);
  cached.index.setSignals({ favourites, usage, packPriority: packPriorityOf(packs.map((p) => p.id)) });
  return cached;
}

/** The palette's list for a conversation: the panel's ranking, or search results when the agent typed. */
export async function paletteSuggestions(request: PaletteSuggestionsRequest): Promise<PaletteSuggestions> {
  const { snapshot, query } = request;
  const { index, scripts } = await library();
  const tracker = new ConversationTracker();
  tracker.update(snapshot.messages);
  const panelStage = tracker.panelStage();
  // The same moment the side panel ranks (scripts-library/ranking/agent-moment.ts), so both put the same script first.
  const turns = turnsWithTags(snapshot, tracker.tags, tracker.language);
  const events = await db.insertEvents.where('conversation').equals(conversationOfSnapshot(snapshot)).toArray();
  const byId = new Map(scripts.map((s) => [s.id, s]));
  const heal = coachHeal(turns, panelStage.stage, (start) => insertedDrafts(events, start, byId));
  const moment = rankingMomentOf({
    snapshot,
    panelStage,
    customerLanguage: tracker.language,
    agentLanguage: agentLanguageOf(turns, interfaceLanguage()),
    usedScriptIds: new Set(events.map((e) => e.scriptId)),
    heal,
    now: Date.now(),
  });
  let chosen: Script[];
  if (query.trim()) {
    chosen = (new ScriptSearchIndex(scripts).search(query, { limit: SHOWN })?.ids ?? []).flatMap((id) => byId.get(id) ?? []);
  } else {
    chosen = selectSuggestions(index.rank(moment), { limit: SHOWN }).map((r) => r.script);
  }
  const includes = await includedTexts(db, chosen.map((s) => s.text));
  const values = templateValuesFor(snapshot);
  const include = (id: string) => includes.get(id);
  return {
    items: chosen.map((script) => ({ script, rendered: renderTemplate(script.text, values, { include, lang: script.lang }) })),
    values,
    includes: Object.fromEntries(includes),
  };
}

/** Records an insert made from the palette, like the panel's (no customer text). */
export async function recordPaletteInsert(request: PaletteInsertedRequest): Promise<void> {
  const script = await db.scripts.get(request.scriptId);
  if (!script) return;
  const tracker = new ConversationTracker();
  tracker.update(request.snapshot.messages);
  await recordInsert(db, {
    script,
    stage: tracker.panelStage().stage,
    site: request.snapshot.site,
    conversation: conversationOfSnapshot(request.snapshot),
    method: 'inserted',
    turnsAtInsert: request.snapshot.messages.length,
    text: request.text,
  });
}

/** Answers the palette frames of this extension; returns the way to stop. */
export function servePalette(): () => void {
  const listener = (raw: unknown, sender: { id?: string; url?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/palette.html'))) return false;
    const suggestions = PaletteSuggestionsRequest.safeParse(raw);
    if (suggestions.success) {
      paletteSuggestions(suggestions.data).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
      return true;
    }
    const inserted = PaletteInsertedRequest.safeParse(raw);
    if (inserted.success) {
      recordPaletteInsert(inserted.data).then(() => sendResponse({ ok: true }), () => sendResponse({ ok: false }));
      return true;
    }
    return false;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
