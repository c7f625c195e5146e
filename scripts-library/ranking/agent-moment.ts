import { DEFAULT_PACK_ID } from '../default-pack';
import { healProgress, recoveryStart, type AgentWriting, type HealProgress, type TurnForHeal } from '../heal';
import type { ConversationSnapshot, Language, Stage } from '../schemas';
import type { PanelStage, TurnTag } from '../stage';
import type { RankingMoment } from './moment';
import { otherStagesFromEvidence } from './select';

/**
 * The moment as the side panel and the in-page palette both rank it, built in one place so the two never drift:
 * the conversation's turns with their tags, the HEAL coaching state, and the ranking moment itself.
 */

/** The snapshot's messages with the detector's tag for each, for HEAL and ranking. */
export function turnsWithTags(snapshot: ConversationSnapshot, tags: readonly TurnTag[], fallbackLang: Language): TurnForHeal[] {
  return snapshot.messages.map((m, i) => {
    const tag = tags[i];
    return { speaker: m.speaker, text: m.text, stage: tag?.stage ?? 'discovery', dissatisfaction: tag?.dissatisfaction ?? 0, lang: tag?.lang ?? fallbackLang };
  });
}

/**
 * HEAL progress since the customer became upset, or null when there is nothing to coach: ticked from the agent's
 * sent replies and from scripts inserted since the complaint and not yet seen sent (`draftsSince(start)`).
 */
export function coachHeal(turns: readonly TurnForHeal[], stage: Stage, draftsSince: (start: number) => AgentWriting[]): HealProgress | null {
  const start = recoveryStart(turns);
  const coaching = stage === 'recovery' || (start >= 0 && stage !== 'closing' && stage !== 'greeting');
  if (!coaching) return null;
  const sent: AgentWriting[] = turns.slice(start + 1).filter((t) => t.speaker === 'agent').map((t) => ({ text: t.text, lang: t.lang, source: 'sent' }));
  return healProgress([...sent, ...draftsSince(start)]);
}

/** The agent's own language for ranking: what they write in this conversation, else their interface language. */
export function agentLanguageOf(turns: readonly TurnForHeal[], interfaceLanguage: Language): Language {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.speaker === 'agent') return turns[i]!.lang;
  return interfaceLanguage;
}

export interface MomentInputs {
  snapshot: ConversationSnapshot;
  panelStage: PanelStage;
  customerLanguage: Language;
  agentLanguage: Language;
  usedScriptIds: ReadonlySet<string>;
  heal: HealProgress | null;
  now: number;
}

export function rankingMomentOf({ snapshot, panelStage, customerLanguage, agentLanguage, usedScriptIds, heal, now }: MomentInputs): RankingMoment {
  return {
    stage: panelStage.stage,
    otherStages: panelStage.pinned ? {} : otherStagesFromEvidence(panelStage.stage, panelStage.confidence, panelStage.evidence),
    customerLanguage,
    agentLanguage,
    channel: snapshot.channel,
    // The last few customer messages: what the conversation is about now.
    customerTexts: snapshot.messages.filter((m) => m.speaker === 'customer').map((m) => m.text).slice(-6),
    subject: snapshot.subject,
    agentTexts: snapshot.messages.filter((m) => m.speaker === 'agent').map((m) => m.text),
    usedScriptIds,
    nextHealStep: heal?.next ?? null,
    now,
  };
}

/** The team's packs above the bundled defaults; the agent's own scripts (no pack) in between. */
export function packPriorityOf(packIds: readonly string[]): Map<string | null, number> {
  const priority = new Map<string | null, number>([[null, 0.5], [DEFAULT_PACK_ID, 0]]);
  for (const id of packIds) if (id !== DEFAULT_PACK_ID) priority.set(id, 1);
  return priority;
}
