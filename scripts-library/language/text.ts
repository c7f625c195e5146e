/**
 * Text preparation shared by language detection and stage cues. Everything here is a single pass over the turn
 * so that tagging stays fast enough to re-read long conversations (the bench asks for 20,000 turns/s).
 */

export type WritingSystem = 'latin' | 'deva' | 'taml' | 'telu' | 'digit' | 'other';

export interface Token {
  /** Lower-cased, Latin accents removed, runs of 3+ equal letters shortened to 2 ("pleaseee" → "pleasee"). */
  plain: string;
  /** Runs of 3+ equal letters shortened to 1 ("hellooo" → "hello"); null when the token had no such run. */
  alt: string | null;
  /**
   * Spelling-tolerant key for romanized Indic ("dhanyavaad"/"dhanyavad", "theek"/"thik", "accha"/"achha") and
   * for native-script spelling variants (anusvara/chandrabindu/nukta). Romanized Indic has no standard spelling,
   * so its cues are matched on this key.
   */
  key: string;
  script: WritingSystem;
  /** Written all in capitals (3+ letters): shouting when it is a cue word ("STILL"), not when it is a code. */
  upper: boolean;
}

export interface PreparedText {
  raw: string;
  tokens: Token[];
  emoji: string[];
  /** Text emoticons such as ":(" and ":-)". */
  emoticons: string[];
  questionMark: boolean;
  exclamations: number;
  /** Share of Latin letters written in capitals, over words of 2+ letters; shouting shows up here. */
  capsRatio: number;
  /** Letters seen per writing system, for script-based language detection. */
  letters: { latin: number; deva: number; taml: number; telu: number };
  /** Some word was stretched ("sooo", "pleaseee"): a sign of intensity in chat. */
  elongated: boolean;
  /** Words of 4+ letters written all in capitals ("STILL"); acronyms are shorter as a rule. */
  shoutWords: number;
  /** Question marks in a row ("??") or mixed with exclamation marks ("?!"). */
  insistentPunctuation: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;
const EMOTICON = /(?:^|\s)(>?[:;=8][-'^o]?[()\[\]/\\|pPdDoO3*@$]+|<3|\^\^|\^_\^|-_-|T_T|:'\()(?=\s|$|[.,!?])/g;
const LATIN_COMBINING = /[\u0300-\u036f]/g;
/** Zero-width joiners and variation selectors appear inside Indic words and emoji; they carry no meaning here. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufe0e\ufe0f]/g;
/** Anusvara, chandrabindu and nukta are written inconsistently in typed Hindi ("नहीं"/"नही"). */
const DEVANAGARI_OPTIONAL = /[\u0900-\u0902\u093c]/g;

const CONTRACTIONS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  wont: ['will', 'not'],
  "shan't": ['shall', 'not'],
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  wasnt: ['was', 'not'],
  werent: ['were', 'not'],
  havent: ['have', 'not'],
  hasnt: ['has', 'not'],
  hadnt: ['had', 'not'],
  couldnt: ['could', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
  aint: ['is', 'not'],
  im: ['i', 'am'],
  ive: ['i', 'have'],
  "i'm": ['i', 'am'],
  "i've": ['i', 'have'],
  "i'll": ['i', 'will'],
  "i'd": ['i', 'would'],
  "it's": ['it', 'is'],
  "that's": ['that', 'is'],
  thats: ['that', 'is'],
  "what's": ['what', 'is'],
  whats: ['what', 'is'],
  "there's": ['there', 'is'],
  "let's": ['let', 'us'],
  "you're": ['you', 'are'],
  youre: ['you', 'are'],
  "we're": ['we', 'are'],
  "they're": ['they', 'are'],
  "you've": ['you', 'have'],
  "we've": ['we', 'have'],
  "you'll": ['you', 'will'],
  "we'll": ['we', 'will'],
  "he's": ['he', 'is'],
  "she's": ['she', 'is'],
  "how's": ['how', 'is'],
  hows: ['how', 'is'],
  "where's": ['where', 'is'],
  "who's": ['who', 'is'],
  "y'all": ['you', 'all'],
  "could've": ['could', 'have'],
  "should've": ['should', 'have'],
};

const CLITICS: Record<string, string> = { s: '', d: 'would', ll: 'will', re: 'are', ve: 'have', m: 'am' };

export function scriptOfChar(code: number): WritingSystem {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'latin';
    if (code >= 0x30 && code <= 0x39) return 'digit';
    return 'other';
  }
  if (code >= 0x0900 && code <= 0x097f) return 'deva';
  if (code >= 0x0b80 && code <= 0x0bff) return 'taml';
  if (code >= 0x0c00 && code <= 0x0c7f) return 'telu';
  if ((code >= 0x00c0 && code <= 0x024f) || (code >= 0x1e00 && code <= 0x1eff)) return 'latin';
  if (code >= 0x0300 && code <= 0x036f) return 'latin';
  return 'other';
}

function collapseRuns(word: string, keep: number): string {
  let out = '';
  let run = 0;
  let prev = '';
  for (const ch of word) {
    if (ch === prev) {
      run++;
      if (run < keep) out += ch;
    } else {
      run = 0;
      prev = ch;
      out += ch;
    }
  }
  return out;
}

const HAS_LONG_RUN = /(\p{L})\1\1/u;

/**
 * Spelling-tolerant key for a romanized word: vowels written long or short, aspirated or not, w/v, z/j and doubled
 * letters all meet ("dhanyavaad" → "danyavad", "theek" → "tik", "bahut" stays apart from "bohot": list both).
 */
export function romanKey(word: string): string {
  // One pass instead of a chain of replaces: this runs for every Latin token of every turn.
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charAt(i);
    const n = word.charAt(i + 1);
    let emit: string;
    if (c === 'e' && n === 'e') {
      emit = 'i';
      i++;
    } else if (c === 'o' && n === 'o') {
      emit = 'u';
      i++;
    } else if (c === 'p' && n === 'h') {
      emit = 'f';
      i++;
    } else if (n === 'h' && ASPIRABLE.has(c)) {
      emit = c;
      i++;
    } else if (c === 'c' && n === 'k') {
      continue;
    } else emit = c === 'w' ? 'v' : c === 'z' ? 'j' : c === 'q' ? 'k' : c;
    if (emit !== last) out += emit;
    last = emit;
  }
  return out;
}

const ASPIRABLE = new Set(['b', 'c', 'd', 'g', 'j', 'k', 'p', 's', 't', 'r']);

export function nativeKey(word: string, script: WritingSystem): string {
  if (script === 'deva') return word.replace(DEVANAGARI_OPTIONAL, '');
  return word;
}

function dominantScript(word: string): WritingSystem {
  for (let i = 0; i < word.length; i++) {
    const s = scriptOfChar(word.charCodeAt(i));
    if (s === 'latin' || s === 'deva' || s === 'taml' || s === 'telu') return s;
  }
  return /\d/.test(word) ? 'digit' : 'other';
}

function makeToken(plainWord: string, script: WritingSystem, upper = false): Token {
  if (script === 'latin') {
    const elongated = HAS_LONG_RUN.test(plainWord);
    const plain = elongated ? collapseRuns(plainWord, 2) : plainWord;
    return { plain, alt: elongated ? collapseRuns(plainWord, 1) : null, key: romanKey(plainWord), script, upper };
  }
  if (script === 'deva' || script === 'taml' || script === 'telu') {
    const key = nativeKey(plainWord, script);
    return { plain: plainWord, alt: null, key, script, upper: false };
  }
  return { plain: plainWord, alt: null, key: plainWord, script, upper: false };
}

/** Normalises one cue or lexicon word the same way text tokens are normalised (without contraction splitting). */
export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(LATIN_COMBINING, '').replace(INVISIBLE, '').toLowerCase().replace(/’/g, "'");
}

export function prepareText(raw: string): PreparedText {
  const text = raw.normalize('NFD').replace(INVISIBLE, '');
  const tokens: Token[] = [];
  const letters = { latin: 0, deva: 0, taml: 0, telu: 0 };
  let upper = 0;
  let cased = 0;
  let elongated = false;
  let shoutWords = 0;

  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    const original = m[0];
    const script = dominantScript(original);
    let wordIsUpper = false;
    if (script === 'latin') {
      let wordUpper = 0;
      let wordLetters = 0;
      for (let i = 0; i < original.length; i++) {
        const c = original.charCodeAt(i);
        if (c >= 0x41 && c <= 0x5a) wordUpper++;
        if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) wordLetters++;
      }
      letters.latin += wordLetters;
      if (wordLetters >= 2) {
        cased += wordLetters;
        upper += wordUpper;
      }
      if (wordLetters >= 4 && wordUpper === wordLetters) shoutWords++;
      wordIsUpper = wordLetters >= 3 && wordUpper === wordLetters;
    } else if (script === 'deva' || script === 'taml' || script === 'telu') {
      letters[script] += original.length;
    }
    let word = original.replace(LATIN_COMBINING, '').toLowerCase().replace(/’/g, "'");
    const split = CONTRACTIONS[word];
    if (split) {
      for (const part of split) tokens.push(makeToken(part, 'latin', wordIsUpper));
      continue;
    }
    if (script === 'latin' && word.endsWith("n't")) {
      const stem = word.slice(0, -3);
      tokens.push(makeToken(stem === 'ca' ? 'can' : stem === 'wo' ? 'will' : stem, 'latin', wordIsUpper));
      tokens.push(makeToken('not', 'latin', wordIsUpper));
      continue;
    }
    if (script === 'latin' && word.includes("'")) {
      // Possessives and other clitics: "amazon's" reads as "amazon"; "l'app" as "app".
      const parts = word.split("'");
      const clitic = CLITICS[parts[1] ?? ''];
      if (parts.length === 2 && clitic !== undefined && parts[0]) {
        // "we'd" → we would, "they'll" → they will; "amazon's" → amazon.
        tokens.push(makeToken(parts[0], 'latin', wordIsUpper));
        if (clitic) tokens.push(makeToken(clitic, 'latin', wordIsUpper));
        continue;
      }
      word = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
    }
    const token = makeToken(word, script, wordIsUpper);
    if (token.alt !== null) elongated = true;
    tokens.push(token);
  }

  const emoji = text.match(EMOJI) ?? [];
  const emoticons: string[] = [];
  EMOTICON.lastIndex = 0;
  while ((m = EMOTICON.exec(text)) !== null) {
    const face = m[1];
    if (face) emoticons.push(face);
  }

  let exclamations = 0;
  let questionMark = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x21) exclamations++;
    else if (c === 0x3f || c === 0xbf) questionMark = true;
  }

  return {
    raw,
    tokens,
    emoji,
    emoticons,
    questionMark,
    exclamations,
    capsRatio: cased >= 6 ? upper / cased : 0,
    letters,
    elongated,
    shoutWords,
    insistentPunctuation: /[?!]{2,}/.test(text),
  };
}
