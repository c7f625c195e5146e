/**
 * Language of a support-chat turn: en, es, Hindi/Tamil/Telugu in native script, and the same three romanized.
 *
 * Why no language-identification package: we looked at franc-min (trigram models, well kept) and chose not to add it.
 * The native-script languages are told apart exactly by Unicode block, which needs no model. The hard part is Latin
 * script: short chat turns ("ok", "done", "refund kab milega?") are below the length where trigram models are
 * reliable, and no general-purpose library models romanized Hindi, Tamil or Telugu at all, which is what customers
 * type most. Weighted function-word lexicons handle both, cost a few kilobytes instead of ~100 KB of trigram data in
 * the side panel, and each decision can name the words that made it.
 */
import type { Language } from '../schemas';
import { LATIN_LEXICONS, ROMANIZED, type LatinLanguage } from './lexicon';
import { normaliseWord, prepareText, romanKey, type PreparedText } from './text';

export interface LanguageGuess {
  lang: Language;
  confidence: number;
}

/** Scores per language for one text; the conversation-level decision sums these. */
export type LanguageScores = Partial<Record<Language, number>>;

interface LexiconEntry {
  lang: LatinLanguage;
  weight: number;
}

const PLAIN_INDEX = new Map<string, LexiconEntry[]>();
const KEY_INDEX = new Map<string, LexiconEntry[]>();

function addEntry(index: Map<string, LexiconEntry[]>, word: string, entry: LexiconEntry): void {
  const list = index.get(word);
  if (!list) {
    index.set(word, [entry]);
    return;
  }
  const same = list.find((e) => e.lang === entry.lang);
  if (same) same.weight = Math.max(same.weight, entry.weight);
  else list.push(entry);
}

for (const [lang, lexicon] of Object.entries(LATIN_LEXICONS) as [LatinLanguage, Record<string, number>][]) {
  for (const [word, weight] of Object.entries(lexicon)) {
    const normalised = normaliseWord(word);
    if (ROMANIZED.has(lang)) addEntry(KEY_INDEX, romanKey(normalised), { lang, weight });
    else addEntry(PLAIN_INDEX, normalised, { lang, weight });
  }
}

const SPANISH_MARKS = /[ñ¿¡áéíóú]/gi;
const SUFFIX_HINTS: { lang: LatinLanguage; re: RegExp; weight: number }[] = [
  { lang: 'hi-Latn', re: /(?:iye|iyega|enge|oge|unga|ungi)$/, weight: 0.5 },
  { lang: 'ta-Latn', re: /(?:unga|ungal|ngala|kku|duchu|chu|ala|illa|anum|reen|ren)$/, weight: 0.4 },
  { lang: 'te-Latn', re: /(?:andi|ledu|ledhu|indi|tunnanu|tundi|aanu|anu|aru)$/, weight: 0.4 },
];

function emptyScores(): Record<LatinLanguage, number> {
  return { en: 0, es: 0, 'hi-Latn': 0, 'ta-Latn': 0, 'te-Latn': 0 };
}

/**
 * Raw evidence for each language in a prepared text. Native script letters decide outright; Latin text is scored by
 * lexicon hits.
 */
export function languageScores(prepared: PreparedText): LanguageScores {
  const { deva, taml, telu, latin } = prepared.letters;
  const native = Math.max(deva, taml, telu);
  if (native >= 2 && native >= 0.2 * (native + latin)) {
    const lang: Language = native === deva ? 'hi' : native === taml ? 'ta' : 'te';
    // Scaled to be comparable with lexicon hits: a native-script sentence is strong evidence.
    return { [lang]: 2 + native / 4 };
  }

  const scores = emptyScores();
  for (const token of prepared.tokens) {
    if (token.script !== 'latin') continue;
    const plainHits = PLAIN_INDEX.get(token.plain) ?? (token.alt !== null ? PLAIN_INDEX.get(token.alt) : undefined);
    if (plainHits) for (const hit of plainHits) scores[hit.lang] += hit.weight;
    const keyHits = KEY_INDEX.get(token.key);
    if (keyHits) for (const hit of keyHits) scores[hit.lang] += hit.weight;
    else if (!plainHits && token.plain.length >= 4) {
      for (const hint of SUFFIX_HINTS) if (hint.re.test(token.plain)) scores[hint.lang] += hint.weight;
    }
  }
  const marks = prepared.raw.match(SPANISH_MARKS);
  if (marks) scores.es += Math.min(3, marks.length * 1.2);
  return scores;
}

const INDIC_LATIN: readonly LatinLanguage[] = ['hi-Latn', 'ta-Latn', 'te-Latn'];

function decide(scores: LanguageScores): LanguageGuess {
  let best: Language = 'en';
  let bestScore = 0;
  let second = 0;
  for (const [lang, raw] of Object.entries(scores) as [Language, number][]) {
    const score = raw ?? 0;
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = lang;
    } else if (score > second) second = score;
  }
  if (bestScore === 0) return { lang: 'en', confidence: 0.15 };

  // Code-mixing: romanized Indic words embedded in English mark the turn as Indic (English is the embedded
  // language in Hinglish/Tanglish, "login hi nahi ho raha, I am so frustrated"), so they count more than English.
  if (best === 'en' || best === 'es') {
    let indic: LatinLanguage | null = null;
    let indicScore = 0;
    for (const lang of INDIC_LATIN) {
      const s = scores[lang] ?? 0;
      if (s > indicScore) {
        indicScore = s;
        indic = lang;
      }
    }
    if (indic && indicScore >= 1.5 && indicScore >= 0.45 * bestScore) {
      second = bestScore;
      best = indic;
      bestScore = indicScore;
    }
  }
  const margin = (bestScore - second) / (bestScore + 1);
  const amount = 1 - Math.exp(-bestScore / 2);
  return { lang: best, confidence: Math.max(0.05, Math.min(1, 0.3 + 0.7 * margin * amount + 0.2 * amount)) };
}

export function detectLanguagePrepared(prepared: PreparedText): LanguageGuess & { scores: LanguageScores } {
  const scores = languageScores(prepared);
  return { ...decide(scores), scores };
}

export function detectLanguage(text: string): LanguageGuess {
  const { lang, confidence } = detectLanguagePrepared(prepareText(text));
  return { lang, confidence };
}

const HINT_BASE: Record<string, 'en' | 'es' | 'hi' | 'ta' | 'te'> = { en: 'en', es: 'es', hi: 'hi', ta: 'ta', te: 'te' };

/**
 * Reads a BCP-47 hint ("hi-IN", "ta-Latn", "es-MX", "en_US") as a language family and, when it says so, a script.
 * Returns null for tags outside the supported languages.
 */
export function parseLanguageHint(hint: string | null | undefined): { base: 'en' | 'es' | 'hi' | 'ta' | 'te'; latin: boolean | null } | null {
  if (!hint) return null;
  const parts = hint.trim().toLowerCase().split(/[-_]/);
  const base = HINT_BASE[parts[0] ?? ''];
  if (!base) return null;
  const script = parts.slice(1).find((p) => p.length === 4);
  const latin = script === undefined ? null : script === 'latn';
  return { base, latin };
}

function resolveHint(base: 'en' | 'es' | 'hi' | 'ta' | 'te', latin: boolean): Language {
  if (base === 'en' || base === 'es') return base;
  return latin ? (`${base}-Latn` as Language) : base;
}

/** Accumulates per-language evidence over turns; the tracker keeps one and adds each new turn. */
export class LanguageAccumulator {
  private readonly totals: Record<Language, number> = {
    en: 0,
    hi: 0,
    'hi-Latn': 0,
    ta: 0,
    'ta-Latn': 0,
    te: 0,
    'te-Latn': 0,
    es: 0,
  };
  private readonly hint: ReturnType<typeof parseLanguageHint>;

  constructor(hint?: string | null, parsedHint?: ReturnType<typeof parseLanguageHint>) {
    this.hint = parsedHint !== undefined ? parsedHint : parseLanguageHint(hint);
  }

  clone(): LanguageAccumulator {
    const copy = new LanguageAccumulator(null, this.hint);
    Object.assign(copy.totals, this.totals);
    return copy;
  }

  /** Customer turns weigh double: the conversation's language is the customer's. */
  add(scores: LanguageScores, speaker: 'customer' | 'agent'): void {
    const weight = speaker === 'customer' ? 2 : 1;
    for (const [lang, score] of Object.entries(scores) as [Language, number][]) {
      this.totals[lang] += Math.min(score, 6) * weight;
    }
  }

  current(): Language {
    const totals = { ...this.totals };
    if (this.hint) {
      // The hint names the family; the text decides the script. A hint is a prior worth a couple of turns.
      const base = this.hint.base;
      if (base === 'en' || base === 'es') totals[base] += 3;
      else {
        const latinForm = resolveHint(base, true);
        const nativeForm = resolveHint(base, false);
        const preferLatin = this.hint.latin ?? totals[latinForm] > totals[nativeForm];
        totals[preferLatin ? latinForm : nativeForm] += 3;
        // Romanized text of the hinted family outweighs the English loanwords in it.
        totals[latinForm] *= 1.5;
      }
    }
    let best: Language = this.hint ? resolveHint(this.hint.base, this.hint.latin ?? false) : 'en';
    let bestScore = 0;
    for (const [lang, score] of Object.entries(totals) as [Language, number][]) {
      if (score > bestScore) {
        bestScore = score;
        best = lang;
      }
    }
    // English turns inside an Indic conversation are common (agents often answer in English); a romanized Indic
    // family that is clearly present wins over English as the conversation language.
    if (best === 'en') {
      for (const lang of ['hi-Latn', 'ta-Latn', 'te-Latn', 'hi', 'ta', 'te'] as const) {
        if (totals[lang] >= 0.5 * bestScore && totals[lang] >= 3) return lang;
      }
    }
    return best;
  }
}

export function conversationLanguage(turns: readonly { speaker: 'customer' | 'agent'; text: string }[], hint?: string): Language {
  const acc = new LanguageAccumulator(hint);
  for (const turn of turns) acc.add(languageScores(prepareText(turn.text)), turn.speaker);
  return acc.current();
}
