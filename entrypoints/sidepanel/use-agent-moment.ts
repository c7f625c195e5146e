import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { interfaceLanguage } from '@/components/i18n';
import { useIncludedTexts } from '@/components/library/useIncludes';
import { HEAL_STEPS, type HealProgress, type HealStep, type TurnForHeal } from '@/scripts-library/heal';
import { RankingIndex, agentLanguageOf, coachHeal, packPriorityOf, rankingMomentOf, selectSuggestions, turnsWithTags, type RankFactor, type RankingMoment } from '@/scripts-library/ranking';
import type { ConversationSnapshot, Language, Script } from '@/scripts-library/schemas';
import { ScriptSearchIndex } from '@/scripts-library/search';
import { templateValuesFor } from '@/scripts-library/template-values';
import { renderTemplate, type RenderedTemplate, type RenderOptions, type TemplateValues } from '@/scripts-library/template';
import { db, type InsertEvent } from '@/storage/database';
import { conversationOfSnapshot, insertedDrafts, favouriteIds, recordInsert, updateOutcomes, usageByScript } from '@/storage/usage';
import type { ConversationAnalysis } from './panel-store';

/** A script ready to show and insert: rendered for this conversation, with why it ranks where it does. */
export interface PanelSuggestion {
  script: Script;
  rendered: RenderedTemplate;
  factors: RankFactor[];
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const SUGGESTIONS_SHOWN = 9;
const SEARCH_RESULTS_SHOWN = 20;
const OFFERED_PER_HEAL_STEP = 3;
let signalsGeneration = 0;

/** The whole library laid out for ranking, kept live, with the agent's favourites, usage and packs. */
export function useRankingLibrary() {
  const scripts = useLiveQuery(() => db.scripts.toArray(), []);
  const packs = useLiveQuery(() => db.packs.toArray(), []);
  const favourites = useLiveQuery(() => favouriteIds(db), []);
  const usage = useLiveQuery(() => usageByScript(db), []);
  const index = useMemo(() => (scripts ? new RankingIndex(scripts) : null), [scripts]);
  // The signals change the index in place; the generation tells the memos below that rankings are stale.
  const signals = useMemo(() => {
    index?.setSignals({ favourites, usage, packPriority: packPriorityOf((packs ?? []).map((p) => p.id)) });
    return ++signalsGeneration;
  }, [index, favourites, usage, packs]);
  const byId = useMemo(() => new Map((scripts ?? []).map((s) => [s.id, s])), [scripts]);
  return { scripts, index, signals, byId, favourites: favourites ?? EMPTY_SET };
}

export type RankingLibrary = ReturnType<typeof useRankingLibrary>;

export interface AgentMoment {
  conversation: string;
  moment: RankingMoment;
  heal: HealProgress | null;
  suggestions: PanelSuggestion[];
  offeredForStep: ReadonlyMap<HealStep, PanelSuggestion[]>;
  searchResults: PanelSuggestion[] | null;
  values: TemplateValues;
  renderOptions: RenderOptions;
  turns: TurnForHeal[];
}

/**
 * Everything the panel (and the palette) shows for the conversation at this moment: the ranked suggestions, the
 * HEAL checklist and the scripts each step offers, search results, and the outcome of earlier inserts kept current.
 */
export function useAgentMoment(
  snapshot: ConversationSnapshot,
  analysis: ConversationAnalysis,
  replyLanguage: Language | null,
  library: RankingLibrary,
  searchQuery = '',
): AgentMoment {
  const conversation = useMemo(() => conversationOfSnapshot(snapshot), [snapshot]);
  const events = useLiveQuery(() => db.insertEvents.where('conversation').equals(conversation).toArray(), [conversation]) ?? NO_EVENTS;

  const turns = useMemo<TurnForHeal[]>(() => turnsWithTags(snapshot, analysis.tags, analysis.detectedLanguage), [snapshot, analysis]);

  // Earlier inserts: was the reply sent, edited, and how did the customer answer? (Only numbers are stored.)
  useEffect(() => {
    void updateOutcomes(db, conversation, turns).catch((error: unknown) => console.error('Agent Assist: usage', error));
  }, [conversation, turns, events.length]);

  const stage = analysis.panelStage.stage;
  const heal = useMemo<HealProgress | null>(
    () => coachHeal(turns, stage, (start) => insertedDrafts(events, start, library.byId)),
    [turns, stage, events, library.byId],
  );

  const moment = useMemo<RankingMoment>(
    () =>
      rankingMomentOf({
        snapshot,
        panelStage: analysis.panelStage,
        customerLanguage: replyLanguage ?? analysis.detectedLanguage,
        agentLanguage: agentLanguageOf(turns, interfaceLanguage()),
        usedScriptIds: new Set(events.map((e) => e.scriptId)),
        heal,
        now: Date.now(),
      }),
    [analysis, snapshot, replyLanguage, turns, events, heal],
  );

  const ranked = useMemo(
    () => (library.index ? selectSuggestions(library.index.rank(moment), { limit: SUGGESTIONS_SHOWN }) : []),
    // The signals generation marks in-place changes to the index (favourites, usage, packs).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [library.index, library.signals, moment],
  );

  const offered = useMemo(() => {
    const byStep = new Map<HealStep, Array<{ script: Script; factors: RankFactor[] }>>();
    if (!heal || !library.index) return byStep;
    for (const step of HEAL_STEPS) {
      const list = library.index.rank({ ...moment, stage: 'recovery', nextHealStep: step }, { limit: 24 });
      const first = list.find((r) => r.factors.some((f) => f.factor === 'heal'));
      byStep.set(
        step,
        list.filter((r) => r.tier === first?.tier && r.factors.some((f) => f.factor === 'heal')).slice(0, OFFERED_PER_HEAL_STEP),
      );
    }
    return byStep;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [heal, library.index, library.signals, moment]);

  const searchIndex = useMemo(
    () => (searchQuery.trim() && library.scripts ? new ScriptSearchIndex(library.scripts) : null),
    // Built once a search starts, rebuilt only when the library changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [library.scripts, searchQuery.trim() !== ''],
  );
  const found = useMemo(() => {
    if (!searchIndex || !searchQuery.trim()) return null;
    const ids = searchIndex.search(searchQuery, { limit: SEARCH_RESULTS_SHOWN })?.ids ?? [];
    return ids.flatMap((id) => {
      const script = library.byId.get(id);
      return script ? [{ script, factors: [] as RankFactor[] }] : [];
    });
  }, [searchIndex, searchQuery, library.byId]);

  const shownTexts = useMemo(
    () => [...ranked, ...[...offered.values()].flat(), ...(found ?? [])].map((r) => r.script.text).filter((text) => text.includes('{{>')),
    [ranked, offered, found],
  );
  const includes = useIncludedTexts(shownTexts);
  // Dates ({{today}}, {{date:+2}}) are left to the template, which writes them the way each script's language does.
  const values = useMemo(() => templateValuesFor(snapshot), [snapshot]);
  const renderOptions = useMemo<RenderOptions>(() => ({ include: (id: string) => includes.get(id) }), [includes]);

  return useMemo(() => {
    const render = ({ script, factors }: { script: Script; factors: RankFactor[] }): PanelSuggestion => ({
      script,
      factors,
      rendered: renderTemplate(script.text, values, { ...renderOptions, lang: script.lang }),
    });
    return {
      conversation,
      moment,
      heal,
      suggestions: ranked.map(render),
      offeredForStep: new Map([...offered].map(([step, list]) => [step, list.map(render)])),
      searchResults: found ? found.map(render) : null,
      values,
      renderOptions,
      turns,
    };
  }, [conversation, moment, heal, ranked, offered, found, values, renderOptions, turns]);
}

const NO_EVENTS: InsertEvent[] = [];

/** Records an insert (or a copy) for "What worked": script, stage, language, site, time; never customer text. */
export function recordPanelInsert(
  suggestion: Pick<PanelSuggestion, 'script'>,
  text: string,
  method: 'inserted' | 'copied',
  snapshot: ConversationSnapshot,
  moment: Pick<AgentMoment, 'conversation' | 'moment'>,
): void {
  const { conversation } = moment;
  recordInsert(db, {
    script: suggestion.script,
    stage: moment.moment.stage,
    site: snapshot.site,
    conversation,
    method,
    turnsAtInsert: snapshot.messages.length,
    text,
  }).catch((error: unknown) => console.error('Agent Assist: recording an insert', error));
}

