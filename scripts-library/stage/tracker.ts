/**
 * Keeps the tags of one conversation up to date as messages arrive. Appending a message tags only that message
 * (its state is carried from the previous turn); an edited, removed or reordered message re-tags from that point.
 */
import type { Language, Stage } from '../schemas';
import { LanguageAccumulator, detectLanguagePrepared } from '../language/detect';
import { prepareText } from '../language/text';
import { analyseTurn } from './analysis';
import { panelStageFor } from './panel';
import { loadModel, type Features, type StageModel } from './learned';
import { STAGE_MODEL_TABLE } from './model';
import { INITIAL_STATE, tagTurn, type TagState } from './tagger';
import type { PanelStage, Turn, TurnTag } from './types';

interface StoredTurn {
  speaker: Turn['speaker'];
  text: string;
  at: string | null;
}

/** Below this a turn's own language guess is too weak ("ok", "done") and the conversation's language is used. */
const TURN_LANGUAGE_CONFIDENCE = 0.45;

/** The shipped learned layer (null when none is shipped: the rules decide alone). */
export const DEFAULT_MODEL: StageModel | null = STAGE_MODEL_TABLE ? loadModel(STAGE_MODEL_TABLE) : null;

const ALLOWED_CACHE = new Map<string, ReadonlySet<Language>>();

/** Which languages' cues may fire in a turn: English always (it is mixed into every language here), the turn's and the conversation's. */
export function allowedLanguages(turnLang: Language, convLang: Language): ReadonlySet<Language> {
  const key = `${turnLang}|${convLang}`;
  let set = ALLOWED_CACHE.get(key);
  if (!set) {
    const langs = new Set<Language>(['en', turnLang, convLang]);
    // Devanagari Hindi is often typed with romanized words in it, and the reverse.
    for (const l of [turnLang, convLang]) {
      if (l === 'hi') langs.add('hi-Latn');
      if (l === 'ta') langs.add('ta-Latn');
      if (l === 'te') langs.add('te-Latn');
    }
    set = langs;
    ALLOWED_CACHE.set(key, set);
  }
  return set;
}

export class ConversationTracker {
  private readonly hint: string | null;
  private turns: StoredTurn[] = [];
  private tagList: TurnTag[] = [];
  /** states[i] is the tagger state before turn i; states[turns.length] is the current one. */
  private states: TagState[] = [INITIAL_STATE];
  /** languages[i] is the language evidence before turn i. */
  private languages: LanguageAccumulator[];
  private pinnedStage: Stage | null = null;
  private pinnedAtLength = 0;
  private readonly model: StageModel | null;
  /** When set (training), each appended turn's features are pushed here. */
  private readonly featureLog: Features[] | null;
  /** When set (inspection), each appended turn's rule scores and evidence are pushed here. */
  debugLog: { scores: Readonly<Record<Stage, number>>; evidence: readonly import('./types').Evidence[] }[] | null = null;

  constructor(options?: { langHint?: string; model?: StageModel | null; featureLog?: Features[] }) {
    this.hint = options?.langHint ?? null;
    this.model = options?.model === undefined ? DEFAULT_MODEL : options.model;
    this.featureLog = options?.featureLog ?? null;
    this.languages = [new LanguageAccumulator(this.hint)];
  }

  update(turns: readonly Turn[]): void {
    const old = this.turns;
    const shared = Math.min(old.length, turns.length);
    let same = 0;
    while (same < shared) {
      const a = old[same] as StoredTurn;
      const b = turns[same] as Turn;
      if (a.speaker !== b.speaker || a.text !== b.text || a.at !== (b.at ?? null)) break;
      same++;
    }
    if (same === turns.length && same === old.length) return;

    this.turns.length = same;
    this.tagList.length = same;
    this.states.length = same + 1;
    this.languages.length = same + 1;

    let releasePin = false;
    for (let i = same; i < turns.length; i++) {
      const turn = turns[i] as Turn;
      this.append(turn);
      if (turn.speaker === 'customer' && i >= this.pinnedAtLength) releasePin = true;
    }
    if (releasePin) this.pinnedStage = null;
  }

  private append(turn: Turn): void {
    const stored: StoredTurn = { speaker: turn.speaker, text: turn.text, at: turn.at ?? null };
    const prepared = prepareText(stored.text);
    const guess = detectLanguagePrepared(prepared);
    const languages = (this.languages[this.languages.length - 1] as LanguageAccumulator).clone();
    languages.add(guess.scores, stored.speaker);
    const convLang = languages.current();
    const turnLang = guess.confidence >= TURN_LANGUAGE_CONFIDENCE ? familyAware(guess.lang, convLang) : convLang;
    const analysis = analyseTurn(stored.text, allowedLanguages(turnLang, convLang), prepared);
    const state = this.states[this.states.length - 1] as TagState;
    const features: Features | undefined = this.featureLog ? { ids: [], values: [] } : undefined;
    const { tag, next, ruleScores, ruleEvidence } = tagTurn(state, stored.speaker, stored.at, analysis, turnLang, { model: this.model, features });
    this.debugLog?.push({ scores: ruleScores, evidence: ruleEvidence });
    if (features) this.featureLog?.push(features);
    this.turns.push(stored);
    this.tagList.push(tag);
    this.states.push(next);
    this.languages.push(languages);
  }

  get tags(): readonly TurnTag[] {
    return this.tagList;
  }

  get language(): Language {
    return (this.languages[this.languages.length - 1] as LanguageAccumulator).current();
  }

  panelStage(): PanelStage {
    if (this.pinnedStage) {
      return {
        stage: this.pinnedStage,
        confidence: 1,
        evidence: [{ stage: this.pinnedStage, kind: 'context', cue: 'pinned by the agent', weight: 1 }],
        pinned: true,
        basedOnTurn: this.tagList.length ? this.tagList.length - 1 : null,
      };
    }
    return panelStageFor(this.tagList, this.turns, this.states[this.states.length - 1] as TagState);
  }

  pin(stage: Stage): void {
    this.pinnedStage = stage;
    this.pinnedAtLength = this.turns.length;
  }

  unpin(): void {
    this.pinnedStage = null;
  }
}

/**
 * An English-looking turn in a Hindi/Tamil/Telugu conversation stays English (agents often answer in English),
 * but a romanized turn whose own guess is a different Indic language than a clear conversation language is more
 * likely a misread of the conversation's language (short romanized words overlap between the three).
 */
function familyAware(turnLang: Language, convLang: Language): Language {
  const indicLatin = (l: Language): boolean => l === 'hi-Latn' || l === 'ta-Latn' || l === 'te-Latn';
  if (indicLatin(turnLang) && indicLatin(convLang) && turnLang !== convLang) return convLang;
  return turnLang;
}

export function tagConversation(turns: readonly Turn[], hint?: string): TurnTag[] {
  const tracker = new ConversationTracker(hint === undefined ? undefined : { langHint: hint });
  tracker.update(turns);
  return [...tracker.tags];
}
