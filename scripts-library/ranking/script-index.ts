import { HEAL_STEPS, healBit, healMaskOf } from '../heal';
import { CHANNELS, LANGUAGES, SCRIPT_KINDS, STAGES, type Language, type Script, type ScriptKind, type Stage } from '../schemas';
import { foldText, searchTokens } from '../search/tokens';
import { siblingLanguage, type RankingMoment } from './moment';
import { STOPWORDS } from './stopwords';
import { topicsOfWords, type Topic } from './topics';
import {
  EARLIER_TEXT_WEIGHT,
  LANGUAGE_FIT,
  LEADING_KINDS,
  NEIGHBOUR_STAGES,
  RARE_WORD_SHARE,
  RECENCY_HALF_LIFE_MS,
  STAGE_FIT,
  WEIGHTS,
  WORD_WEIGHT,
  WORDS_SATURATION,
} from './weights';

/** What the agent's own use says about scripts; changes far less often than the moment, so it is set apart. */
export interface RankingSignals {
  favourites?: ReadonlySet<string>;
  usage?: ReadonlyMap<string, { count: number; lastUsedAt: number }>;
  /** 0..1 by pack id (null: the agent's own scripts). Missing packs count 0. */
  packPriority?: ReadonlyMap<string | null, number>;
}

export type RankFactorName =
  | 'stage'
  | 'language'
  | 'channel'
  | 'kind'
  | 'heal'
  | 'words'
  | 'pack'
  | 'favourite'
  | 'recency'
  | 'frequency'
  | 'used';

/** One reason in a script's score, for "why is this first?". */
export interface RankFactor {
  factor: RankFactorName;
  points: number;
  /** stage: `match|other|neighbour`; language: `customer|sibling|agent|english`; channel: `match|mismatch`;
   * kind: the kind; heal: the step; used: `inserted|sent`; recency: days since last use; frequency: uses. */
  detail?: string;
  /** words: what the script shares with the conversation (topics and words). */
  shared?: string[];
}

export interface RankedScript {
  script: Script;
  score: number;
  /** Scripts of one tier share stage fit, language fit and channel fit; the panel shows the first tier. */
  tier: number;
  factors: RankFactor[];
}

const STAGE_INDEX = new Map<Stage, number>(STAGES.map((s, i) => [s, i]));
const LANG_INDEX = new Map<Language, number>(LANGUAGES.map((l, i) => [l, i]));
const KIND_INDEX = new Map<ScriptKind, number>(SCRIPT_KINDS.map((k, i) => [k, i]));
/** 0 is `any`. */
const CHANNEL_INDEX = new Map<string, number>([['any', 0], ...CHANNELS.map((c, i) => [c, i + 1] as [string, number])]);
const TOPIC_PREFIX = '#';
const WORD_SEPARATOR = '\u0001';
/** "s", "ve", "को": fragments and particles, never a topic. */
const MIN_WORD_LENGTH = 3;

function wordTerm(lang: Language, word: string): string {
  return lang + WORD_SEPARATOR + word;
}
const SENTENCE_SPLIT = /[.!?।\n]+/;
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;
/** Sentences shorter than this ("Thanks!") are said by everyone; they do not mark a script as used. */
const MIN_KEY_SENTENCE = 16;
const DAY_MS = 24 * 60 * 60 * 1000;

function sentenceKey(sentence: string): string {
  return foldText(sentence).replace(SEPARATORS, ' ').trim();
}

/** The longest sentence of a template with no variable in it: the wording that shows the script was sent. */
function keySentenceOf(text: string): string | null {
  let best: string | null = null;
  for (const raw of text.split(SENTENCE_SPLIT)) {
    if (raw.includes('{{')) continue;
    const key = sentenceKey(raw);
    if (key.length >= MIN_KEY_SENTENCE && (best === null || key.length > best.length)) best = key;
  }
  return best;
}

/** Per-moment lookup tables and marks, built once per re-rank. */
interface PreparedMoment {
  stageFit: Float32Array;
  stageDetail: Array<'match' | 'other' | 'neighbour' | null>;
  langFit: Float32Array;
  langDetail: Array<'customer' | 'sibling' | 'agent' | 'english' | null>;
  channelPoints: Float32Array;
  kindPoints: Float32Array;
  healMask: number;
  generation: number;
  now: number;
}

/**
 * The library laid out for fast re-ranking: one typed array per factor, so scoring 50,000 scripts is a tight loop
 * over numbers (`npm run bench`: rankingRerank). Build it when the library changes; call `setSignals` when favourites,
 * usage or packs change; call `rank` for every new moment.
 */
export class RankingIndex {
  readonly scripts: readonly Script[];
  private readonly docById = new Map<string, number>();
  private readonly docsByPack = new Map<string | null, number[]>();
  private readonly stage: Uint8Array;
  private readonly lang: Uint8Array;
  private readonly channel: Uint8Array;
  private readonly kind: Uint8Array;
  private readonly heal: Uint8Array;
  private readonly termStart: Uint32Array;
  private readonly terms: Int32Array;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly termWeight: Float32Array;
  private readonly sentenceIds = new Map<string, number>();
  private readonly keySentence: Int32Array;
  private pack: Float32Array;
  private favourite: Uint8Array;
  private frequency: Float32Array;
  private lastUsed: Float64Array;
  private usageCount: Uint32Array;
  /** The most a script's words could add (all its terms matched), and that plus its signals: an upper bound on its
   * soft points that lets `rank` skip it without reading its words. */
  private readonly wordsMax: Float32Array;
  private softMax: Float32Array;
  // Scratch marks, stamped with a generation instead of cleared.
  private readonly termStamp: Uint32Array;
  private readonly termMultiplier: Float32Array;
  private readonly sentenceStamp: Uint32Array;
  private readonly usedStamp: Uint32Array;
  private generation = 0;

  constructor(scripts: readonly Script[], signals: RankingSignals = {}) {
    // Sorted by id so ties break the same way on every machine.
    const sorted = [...scripts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.scripts = sorted;
    const n = sorted.length;
    this.stage = new Uint8Array(n);
    this.lang = new Uint8Array(n);
    this.channel = new Uint8Array(n);
    this.kind = new Uint8Array(n);
    this.heal = new Uint8Array(n);
    this.keySentence = new Int32Array(n).fill(-1);
    const docTerms: number[][] = [];
    const df: number[] = [];
    const perLanguage = new Map<Language, number>();
    for (let d = 0; d < n; d++) {
      const script = sorted[d] as Script;
      this.docById.set(script.id, d);
      const packDocs = this.docsByPack.get(script.packId);
      if (packDocs) packDocs.push(d);
      else this.docsByPack.set(script.packId, [d]);
      this.stage[d] = STAGE_INDEX.get(script.stage) ?? 0;
      this.lang[d] = LANG_INDEX.get(script.lang) ?? 0;
      this.channel[d] = CHANNEL_INDEX.get(script.channel) ?? 0;
      this.kind[d] = KIND_INDEX.get(script.kind) ?? 0;
      // HEAL steps matter only where the coach runs; reading every script's text for them would slow the build.
      if (script.stage === 'recovery') this.heal[d] = healMaskOf(script.text, script.lang);
      const key = keySentenceOf(script.text);
      if (key !== null) {
        let id = this.sentenceIds.get(key);
        if (id === undefined) {
          id = this.sentenceIds.size;
          this.sentenceIds.set(key, id);
        }
        this.keySentence[d] = id;
      }
      const words = [...searchTokens(script.title), ...searchTokens(script.text), ...script.tags.flatMap((tag) => searchTokens(tag))];
      const ids = new Set<number>();
      // Words are counted per language: in a library of eight languages, "this" is in an eighth of the scripts at
      // most, yet in most English ones.
      for (const word of words) if (word.length >= MIN_WORD_LENGTH && !STOPWORDS.has(word)) ids.add(this.termId(wordTerm(script.lang, word)));
      for (const topic of topicsOfWords(words)) ids.add(this.termId(TOPIC_PREFIX + topic));
      for (const id of ids) df[id] = (df[id] ?? 0) + 1;
      docTerms.push([...ids]);
      perLanguage.set(script.lang, (perLanguage.get(script.lang) ?? 0) + 1);
    }
    this.termWeight = new Float32Array(this.termNames.length);
    for (let t = 0; t < this.termNames.length; t++) {
      const name = this.termNames[t] as string;
      const count = df[t] ?? 0;
      if (name.startsWith(TOPIC_PREFIX)) {
        this.termWeight[t] = 1;
        continue;
      }
      const inLanguage = perLanguage.get(name.slice(0, name.indexOf(WORD_SEPARATOR)) as Language) ?? 1;
      if (count > Math.max(2, RARE_WORD_SHARE * inLanguage)) continue;
      const rarity = Math.log(Math.max(2, inLanguage) / count) / Math.log(Math.max(2, inLanguage));
      this.termWeight[t] = WORD_WEIGHT * Math.min(1, rarity + 0.25);
    }
    // Only words that can count are kept per script: the scoring loop reads nothing it would ignore.
    this.termStart = new Uint32Array(n + 1);
    const flat: number[] = [];
    for (let d = 0; d < n; d++) {
      this.termStart[d] = flat.length;
      for (const t of docTerms[d] as number[]) if ((this.termWeight[t] as number) > 0) flat.push(t);
    }
    this.termStart[n] = flat.length;
    this.terms = Int32Array.from(flat);
    this.wordsMax = new Float32Array(n);
    for (let d = 0; d < n; d++) {
      let sum = 0;
      for (let i = this.termStart[d] as number; i < (this.termStart[d + 1] as number); i++) sum += this.termWeight[this.terms[i] as number] as number;
      // Conversation words count at most fully (multiplier 1).
      this.wordsMax[d] = WEIGHTS.words * Math.min(1, sum / WORDS_SATURATION);
    }
    this.termStamp = new Uint32Array(this.termNames.length);
    this.termMultiplier = new Float32Array(this.termNames.length);
    this.sentenceStamp = new Uint32Array(this.sentenceIds.size);
    this.usedStamp = new Uint32Array(n);
    this.pack = new Float32Array(n);
    this.favourite = new Uint8Array(n);
    this.frequency = new Float32Array(n);
    this.lastUsed = new Float64Array(n);
    this.usageCount = new Uint32Array(n);
    this.softMax = new Float32Array(n);
    this.setSignals(signals);
  }

  get size(): number {
    return this.scripts.length;
  }

  private termId(name: string): number {
    let id = this.termIds.get(name);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(name, id);
      this.termNames.push(name);
    }
    return id;
  }

  /** Favourites, usage and pack priorities; O(library) and independent of the moment. */
  setSignals(signals: RankingSignals): void {
    this.pack.fill(0);
    for (const [packId, docs] of this.docsByPack) {
      const points = WEIGHTS.pack * Math.min(1, Math.max(0, signals.packPriority?.get(packId) ?? 0));
      if (points !== 0) for (const d of docs) this.pack[d] = points;
    }
    this.favourite.fill(0);
    for (const id of signals.favourites ?? []) {
      const d = this.docById.get(id);
      if (d !== undefined) this.favourite[d] = 1;
    }
    this.frequency.fill(0);
    this.lastUsed.fill(0);
    this.usageCount.fill(0);
    let maxCount = 0;
    for (const { count } of signals.usage?.values() ?? []) maxCount = Math.max(maxCount, count);
    const logMax = Math.log1p(maxCount);
    for (const [id, usage] of signals.usage ?? []) {
      const d = this.docById.get(id);
      if (d === undefined) continue;
      this.usageCount[d] = usage.count;
      this.frequency[d] = logMax > 0 ? (WEIGHTS.frequency * Math.log1p(usage.count)) / logMax : 0;
      this.lastUsed[d] = usage.lastUsedAt;
    }
    for (let d = 0; d < this.scripts.length; d++) {
      this.softMax[d] =
        (this.wordsMax[d] as number) +
        (this.pack[d] as number) +
        (this.frequency[d] as number) +
        (this.favourite[d] === 1 ? WEIGHTS.favourite : 0) +
        ((this.lastUsed[d] as number) > 0 ? WEIGHTS.recency : 0);
    }
  }

  private prepare(moment: RankingMoment): PreparedMoment {
    if (this.generation >= 0xfffffff0) {
      this.termStamp.fill(0);
      this.sentenceStamp.fill(0);
      this.usedStamp.fill(0);
      this.generation = 0;
    }
    const generation = ++this.generation;

    const stageFit = new Float32Array(STAGES.length);
    const stageDetail: PreparedMoment['stageDetail'] = STAGES.map(() => null);
    for (const neighbour of NEIGHBOUR_STAGES[moment.stage]) {
      stageFit[STAGE_INDEX.get(neighbour) as number] = STAGE_FIT.neighbour;
      stageDetail[STAGE_INDEX.get(neighbour) as number] = 'neighbour';
    }
    for (const [stage, weight] of Object.entries(moment.otherStages ?? {}) as Array<[Stage, number]>) {
      const i = STAGE_INDEX.get(stage);
      const fit = Math.min(STAGE_FIT.secondaryMax, Math.max(0, weight));
      if (i !== undefined && fit > (stageFit[i] as number)) {
        stageFit[i] = fit;
        stageDetail[i] = 'other';
      }
    }
    stageFit[STAGE_INDEX.get(moment.stage) as number] = 1;
    stageDetail[STAGE_INDEX.get(moment.stage) as number] = 'match';

    const langFit = new Float32Array(LANGUAGES.length);
    const langDetail: PreparedMoment['langDetail'] = LANGUAGES.map(() => null);
    const setLang = (lang: Language | null | undefined, fit: number, why: NonNullable<PreparedMoment['langDetail'][number]>) => {
      if (!lang) return;
      const i = LANG_INDEX.get(lang) as number;
      if ((langFit[i] as number) >= fit) return;
      langFit[i] = fit;
      langDetail[i] = why;
    };
    setLang('en', LANGUAGE_FIT.english, 'english');
    setLang(moment.agentLanguage, LANGUAGE_FIT.agent, 'agent');
    setLang(siblingLanguage(moment.customerLanguage), LANGUAGE_FIT.sibling, 'sibling');
    setLang(moment.customerLanguage, LANGUAGE_FIT.customer, 'customer');

    const channelPoints = new Float32Array(CHANNEL_INDEX.size);
    if (moment.channel) {
      for (const [name, i] of CHANNEL_INDEX) {
        if (name === 'any') continue;
        channelPoints[i] = name === moment.channel ? WEIGHTS.channelMatch : WEIGHTS.channelMismatch;
      }
    }

    const kindPoints = new Float32Array(SCRIPT_KINDS.length);
    (LEADING_KINDS[moment.stage] ?? []).forEach((kind, rank, all) => {
      kindPoints[KIND_INDEX.get(kind) as number] = WEIGHTS.kind * (1 - rank / (all.length + 1));
    });

    // Words of the conversation: the latest customer message counts fully, earlier ones and the subject less.
    const texts = moment.customerTexts;
    const mark = (words: string[], multiplier: number) => {
      const add = (name: string) => {
        const t = this.termIds.get(name);
        if (t === undefined) return;
        if (this.termStamp[t] !== generation) {
          this.termStamp[t] = generation;
          this.termMultiplier[t] = multiplier;
        } else if (multiplier > (this.termMultiplier[t] as number)) this.termMultiplier[t] = multiplier;
      };
      // The customer's words may match scripts in any language (English words inside a Hinglish chat).
      for (const word of words) {
        if (word.length < MIN_WORD_LENGTH) continue;
        for (const lang of LANGUAGES) add(wordTerm(lang, word));
      }
      for (const topic of topicsOfWords(words)) add(TOPIC_PREFIX + topic);
    };
    texts.forEach((text, i) => mark(searchTokens(text), i === texts.length - 1 ? 1 : EARLIER_TEXT_WEIGHT));
    if (moment.subject) mark(searchTokens(moment.subject), EARLIER_TEXT_WEIGHT);

    for (const text of moment.agentTexts) {
      for (const sentence of text.split(SENTENCE_SPLIT)) {
        const id = this.sentenceIds.get(sentenceKey(sentence));
        if (id !== undefined) this.sentenceStamp[id] = generation;
      }
    }
    for (const id of moment.usedScriptIds ?? []) {
      const d = this.docById.get(id);
      if (d !== undefined) this.usedStamp[d] = generation;
    }

    const healMask = moment.stage === 'recovery' && moment.nextHealStep ? healBit(moment.nextHealStep) : 0;
    return { stageFit, stageDetail, langFit, langDetail, channelPoints, kindPoints, healMask, generation, now: moment.now ?? Date.now() };
  }

  private baseScore(d: number, p: PreparedMoment): number {
    let base =
      WEIGHTS.stage * (p.stageFit[this.stage[d] as number] as number) +
      WEIGHTS.language * (p.langFit[this.lang[d] as number] as number) +
      (p.channelPoints[this.channel[d] as number] as number) +
      (p.kindPoints[this.kind[d] as number] as number);
    if (((this.heal[d] as number) & p.healMask) !== 0) base += WEIGHTS.heal;
    return base;
  }

  private wordMatch(d: number, generation: number): number {
    let sum = 0;
    const end = this.termStart[d + 1] as number;
    for (let i = this.termStart[d] as number; i < end; i++) {
      const t = this.terms[i] as number;
      if (this.termStamp[t] === generation) sum += (this.termWeight[t] as number) * (this.termMultiplier[t] as number);
    }
    return sum >= WORDS_SATURATION ? 1 : sum / WORDS_SATURATION;
  }

  private recencyPoints(d: number, now: number): number {
    const last = this.lastUsed[d] as number;
    if (last <= 0) return 0;
    return WEIGHTS.recency * Math.pow(0.5, Math.max(0, now - last) / RECENCY_HALF_LIFE_MS);
  }

  private usedHow(d: number, generation: number): 'inserted' | 'sent' | null {
    if (this.usedStamp[d] === generation) return 'inserted';
    const key = this.keySentence[d] as number;
    if (key >= 0 && this.sentenceStamp[key] === generation) return 'sent';
    return null;
  }

  private tierOf(d: number, p: PreparedMoment): number {
    const stageFit = p.stageFit[this.stage[d] as number] as number;
    const langFit = p.langFit[this.lang[d] as number] as number;
    const mismatch = (p.channelPoints[this.channel[d] as number] as number) < 0 ? 0 : 1;
    return Math.round(stageFit * 100) * 1000 + Math.round(langFit * 100) * 10 + mismatch;
  }

  /**
   * Scores every script for the moment and returns the best `limit`, best first, each with its factors. Scripts whose
   * stage, language and channel leave them below the current top list even with every soft factor are skipped
   * without reading their words.
   */
  rank(moment: RankingMoment, { limit = 24 }: { limit?: number } = {}): RankedScript[] {
    const p = this.prepare(moment);
    const n = this.scripts.length;
    const k = Math.max(1, limit);
    const topDoc = new Int32Array(k);
    const topScore = new Float64Array(k);
    let count = 0;
    const { generation, now } = p;
    for (let d = 0; d < n; d++) {
      const base = this.baseScore(d, p);
      if (count === k && base + (this.softMax[d] as number) <= (topScore[k - 1] as number)) continue;
      let score = base + (this.pack[d] as number) + (this.frequency[d] as number) + WEIGHTS.words * this.wordMatch(d, generation);
      if (this.favourite[d] === 1) score += WEIGHTS.favourite;
      if ((this.lastUsed[d] as number) > 0) score += this.recencyPoints(d, now);
      if (this.usedHow(d, generation) !== null) score += WEIGHTS.used;
      if (count === k && score <= (topScore[k - 1] as number)) continue;
      // Insertion into the short sorted top list; equal scores keep id order (earlier documents stay first).
      let i = count < k ? count++ : k - 1;
      while (i > 0 && (topScore[i - 1] as number) < score) {
        topScore[i] = topScore[i - 1] as number;
        topDoc[i] = topDoc[i - 1] as number;
        i--;
      }
      topScore[i] = score;
      topDoc[i] = d;
    }
    const out: RankedScript[] = [];
    for (let i = 0; i < count; i++) {
      const d = topDoc[i] as number;
      out.push({ script: this.scripts[d] as Script, score: topScore[i] as number, tier: this.tierOf(d, p), factors: this.factorsOf(d, p) });
    }
    return out;
  }

  /** Why one script scores what it does for a moment (also for scripts outside the top list). */
  explain(scriptId: string, moment: RankingMoment): { score: number; tier: number; factors: RankFactor[] } | null {
    const d = this.docById.get(scriptId);
    if (d === undefined) return null;
    const p = this.prepare(moment);
    const factors = this.factorsOf(d, p);
    return { score: factors.reduce((sum, f) => sum + f.points, 0), tier: this.tierOf(d, p), factors };
  }

  private factorsOf(d: number, p: PreparedMoment): RankFactor[] {
    const script = this.scripts[d] as Script;
    const factors: RankFactor[] = [];
    const push = (factor: RankFactor) => {
      if (factor.points !== 0) factors.push(factor);
    };
    const stageI = this.stage[d] as number;
    push({ factor: 'stage', points: WEIGHTS.stage * (p.stageFit[stageI] as number), detail: p.stageDetail[stageI] ?? undefined });
    const langI = this.lang[d] as number;
    push({ factor: 'language', points: WEIGHTS.language * (p.langFit[langI] as number), detail: p.langDetail[langI] ?? undefined });
    const channelPoints = p.channelPoints[this.channel[d] as number] as number;
    push({ factor: 'channel', points: channelPoints, detail: channelPoints < 0 ? 'mismatch' : 'match' });
    push({ factor: 'kind', points: p.kindPoints[this.kind[d] as number] as number, detail: script.kind });
    if (((this.heal[d] as number) & p.healMask) !== 0) {
      push({ factor: 'heal', points: WEIGHTS.heal, detail: HEAL_STEPS.find((step) => healBit(step) === p.healMask) });
    }
    const words = this.wordMatch(d, p.generation);
    if (words > 0) {
      const shared: string[] = [];
      const end = this.termStart[d + 1] as number;
      for (let i = this.termStart[d] as number; i < end; i++) {
        const t = this.terms[i] as number;
        if (this.termStamp[t] === p.generation) shared.push(this.termNames[t] as string);
      }
      // Topics first (they carry across languages), then the words themselves.
      shared.sort((a, b) => Number(b.startsWith(TOPIC_PREFIX)) - Number(a.startsWith(TOPIC_PREFIX)));
      const readable = shared.map((s) => (s.startsWith(TOPIC_PREFIX) ? s.slice(1) : s.slice(s.indexOf(WORD_SEPARATOR) + 1)));
      push({ factor: 'words', points: WEIGHTS.words * words, shared: [...new Set(readable)] });
    }
    push({ factor: 'pack', points: this.pack[d] as number, detail: script.packId ?? undefined });
    if (this.favourite[d] === 1) push({ factor: 'favourite', points: WEIGHTS.favourite });
    const recency = this.recencyPoints(d, p.now);
    if (recency > 0) push({ factor: 'recency', points: recency, detail: String(Math.floor((p.now - (this.lastUsed[d] as number)) / DAY_MS)) });
    push({ factor: 'frequency', points: this.frequency[d] as number, detail: String(this.usageCount[d]) });
    const used = this.usedHow(d, p.generation);
    if (used) push({ factor: 'used', points: WEIGHTS.used, detail: used });
    return factors;
  }

  has(scriptId: string): boolean {
    return this.docById.has(scriptId);
  }

  /** Topics the index knows a script for (for tests and the "why" view). */
  topicsOf(scriptId: string): Topic[] {
    const d = this.docById.get(scriptId);
    if (d === undefined) return [];
    const out: Topic[] = [];
    for (let i = this.termStart[d] as number; i < (this.termStart[d + 1] as number); i++) {
      const name = this.termNames[this.terms[i] as number] as string;
      if (name.startsWith(TOPIC_PREFIX)) out.push(name.slice(1) as Topic);
    }
    return out;
  }
}
