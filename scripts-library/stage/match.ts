/**
 * Finds cue phrases in a prepared turn. All languages' cues live in one token trie built once, so a turn is read
 * once whatever the mix of languages (code-mixed turns need several languages' cues at the same time); hits are
 * then kept only for the languages plausible for the turn.
 */
import type { Language } from '../schemas';
import { normaliseWord, romanKey, nativeKey, scriptOfChar, type PreparedText, type Token } from '../language/text';
import { CUES_BY_LANGUAGE, CUE_KINDS, EMOJI_CUES, EMOTICON_CUES, type CueKind } from './cues/index';

export interface CueDef {
  kind: CueKind;
  kindIndex: number;
  lang: Language;
  phrase: string;
  tokens: number;
  anchored: boolean;
  weight: number;
}

export interface CueHit {
  def: CueDef;
  start: number;
  /** Exclusive. */
  end: number;
}

interface TrieNode {
  exact: Map<string, TrieNode> | null;
  prefix: { text: string; node: TrieNode }[] | null;
  suffix: { text: string; node: TrieNode }[] | null;
  any: TrieNode | null;
  cues: CueDef[] | null;
}

function newNode(): TrieNode {
  return { exact: null, prefix: null, suffix: null, any: null, cues: null };
}

export const KIND_INDEX: Readonly<Record<CueKind, number>> = Object.fromEntries(
  CUE_KINDS.map((kind, i) => [kind, i]),
) as Record<CueKind, number>;

const ROMANIZED_INDIC: ReadonlySet<Language> = new Set<Language>(['hi-Latn', 'ta-Latn', 'te-Latn']);

function keyFor(word: string, lang: Language): string {
  const normalised = normaliseWord(word);
  if (ROMANIZED_INDIC.has(lang)) return romanKey(normalised);
  const first = normalised.charCodeAt(0);
  const script = scriptOfChar(first);
  if (script === 'deva' || script === 'taml' || script === 'telu') return nativeKey(normalised, script);
  return normalised;
}

/** Splits a cue word the way the tokenizer would ("won't" → will not), keeping wildcard markers. */
function cueWords(phrase: string): string[] {
  const out: string[] = [];
  for (const raw of phrase.split(/\s+/)) {
    if (!raw) continue;
    if (raw === '*') {
      out.push('*');
      continue;
    }
    const prefixWild = raw.endsWith('*');
    const suffixWild = raw.startsWith('*');
    const bare = raw.replace(/^\*|\*$/g, '').replace(/[?!.,¿¡]/g, '');
    if (!bare) continue;
    const lower = normaliseWord(bare);
    if (!prefixWild && !suffixWild && /^[a-z']+$/.test(lower) && (lower.endsWith("n't") || lower.includes("'"))) {
      const split = lower.endsWith("n't")
        ? [lower.slice(0, -3) === 'ca' ? 'can' : lower.slice(0, -3) === 'wo' ? 'will' : lower.slice(0, -3), 'not']
        : lower.split("'").filter(Boolean);
      out.push(...split);
      continue;
    }
    out.push((suffixWild ? '*' : '') + bare + (prefixWild ? '*' : ''));
  }
  return out;
}

const ROOT = newNode();
/** Root-level prefix and suffix entries are many; they are bucketed by first/last character. */
const ROOT_PREFIX = new Map<number, { text: string; node: TrieNode }[]>();
const ROOT_SUFFIX = new Map<number, { text: string; node: TrieNode }[]>();

/** Bucket of a root prefix/suffix entry: its first (or last) two UTF-16 units as one number, no substring. */
function headOf(text: string): number {
  return (text.charCodeAt(0) << 16) | (text.length > 1 ? text.charCodeAt(1) : 0);
}
function tailOf(text: string): number {
  const n = text.length;
  return (text.charCodeAt(n - 1) << 16) | (n > 1 ? text.charCodeAt(n - 2) : 0);
}

function child(node: TrieNode, word: string, lang: Language, atRoot: boolean): TrieNode {
  if (word === '*') return (node.any ??= newNode());
  if (word.endsWith('*') && word.length > 1) {
    const text = keyFor(word.slice(0, -1), lang);
    const list = atRoot ? getBucket(ROOT_PREFIX, headOf(text)) : (node.prefix ??= []);
    let entry = list.find((e) => e.text === text);
    if (!entry) list.push((entry = { text, node: newNode() }));
    return entry.node;
  }
  if (word.startsWith('*') && word.length > 1) {
    const text = keyFor(word.slice(1), lang);
    const list = atRoot ? getBucket(ROOT_SUFFIX, tailOf(text)) : (node.suffix ??= []);
    let entry = list.find((e) => e.text === text);
    if (!entry) list.push((entry = { text, node: newNode() }));
    return entry.node;
  }
  const key = keyFor(word, lang);
  const stem = stemFor(key, lang);
  if (stem !== null) {
    const list = atRoot ? getBucket(ROOT_PREFIX, headOf(stem)) : (node.prefix ??= []);
    let entry = list.find((e) => e.text === stem);
    if (!entry) list.push((entry = { text: stem, node: newNode() }));
    return entry.node;
  }
  node.exact ??= new Map();
  let next = node.exact.get(key);
  if (!next) node.exact.set(key, (next = newNode()));
  return next;
}

const LETTER = /\p{L}/gu;

/**
 * Tamil and Telugu words take suffixes (அசிங்கம் → அசிங்கமா, కోపం → కోపంగా, దారుణం → దారుణమైన, "kovam" →
 * "kovama"), so a cue word from those languages matches as a stem: the word itself, or without a final virama or
 * Telugu anusvara, which is what a suffix replaces. Short words match exactly, to keep clear of unrelated words.
 */
function stemFor(key: string, lang: Language): string | null {
  if (lang === 'ta' || lang === 'te') {
    const stem = key.replace(/[\u0bcd\u0c4d\u0c02]$/, '');
    return (stem.match(LETTER)?.length ?? 0) >= 3 ? stem : null;
  }
  if (lang === 'ta-Latn' || lang === 'te-Latn') return key.length >= 5 ? key : null;
  return null;
}

function getBucket<T>(map: Map<number, T[]>, k: number): T[] {
  let list = map.get(k);
  if (!list) map.set(k, (list = []));
  return list;
}

/** Broad kinds name everyday words; one such word alone is weak evidence, a phrase is stronger. */
function defaultWeight(tokens: number): number {
  if (tokens <= 1) return 0.7;
  return Math.min(1.6, 0.8 + 0.25 * tokens);
}

let cueCount = 0;
for (const cues of Object.values(CUES_BY_LANGUAGE)) {
  for (const [kind, phrases] of Object.entries(cues.phrases) as [CueKind, readonly string[]][]) {
    for (const source of phrases) {
      let phrase = source.trim();
      let weight: number | null = null;
      const at = phrase.lastIndexOf('@');
      if (at > 0 && /^@\d+(\.\d+)?$/.test(phrase.slice(at))) {
        weight = Number(phrase.slice(at + 1));
        phrase = phrase.slice(0, at).trim();
      }
      const anchored = phrase.startsWith('^');
      if (anchored) phrase = phrase.slice(1);
      const words = cueWords(phrase);
      if (words.length === 0) continue;
      let node = ROOT;
      words.forEach((w, i) => {
        node = child(node, w, cues.lang, i === 0);
      });
      const def: CueDef = {
        kind,
        kindIndex: KIND_INDEX[kind],
        lang: cues.lang,
        phrase: phrase.replace(/\s+/g, ' '),
        tokens: words.length,
        anchored,
        weight: weight ?? defaultWeight(words.length),
      };
      const list = (node.cues ??= []);
      if (!list.some((d) => d.kind === def.kind && d.lang === def.lang)) {
        list.push(def);
        cueCount++;
      }
    }
  }
}

/** Number of distinct cue entries (for tests and the bench report). */
export const CUE_COUNT = cueCount;

/** The words of the turn that a hit matched (what an agent reads as the evidence), or the emoji itself. */
export function hitText(prepared: PreparedText, hit: CueHit): string {
  if (hit.start < 0) return hit.def.phrase;
  const words: string[] = [];
  for (let t = hit.start; t < hit.end; t++) words.push(prepared.tokens[t]?.plain ?? '');
  return words.join(' ');
}

function tokenKeys(token: Token): string[] {
  const keys = [token.plain];
  if (token.alt !== null && token.alt !== token.plain) keys.push(token.alt);
  if (token.key !== token.plain && token.key !== token.alt) keys.push(token.key);
  return keys;
}

function pushUnique(out: TrieNode[], node: TrieNode): void {
  for (let i = 0; i < out.length; i++) if (out[i] === node) return;
  out.push(node);
}

function step(node: TrieNode, keys: readonly string[], atRoot: boolean, out: TrieNode[]): void {
  const exact = node.exact;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (exact) {
      const next = exact.get(k);
      if (next) pushUnique(out, next);
    }
    const prefixList = atRoot ? ROOT_PREFIX.get(headOf(k)) : node.prefix;
    if (prefixList) {
      for (const e of prefixList) if (k.length >= e.text.length && k.startsWith(e.text)) pushUnique(out, e.node);
    }
    const suffixList = atRoot ? ROOT_SUFFIX.get(tailOf(k)) : node.suffix;
    if (suffixList) {
      // Strictly longer: a suffix cue names a bound ending (வரவில்லை), not the free word (இல்லை) listed on its own.
      for (const e of suffixList) if (k.length > e.text.length && k.endsWith(e.text)) pushUnique(out, e.node);
    }
  }
  if (node.any) pushUnique(out, node.any);
}

const ANCHOR_SPAN = 3;

/**
 * All cue hits in the text for the allowed languages, plus emoji/emoticon hits (start = end = -1). When several
 * cues of one kind overlap, only the longest is kept, so "how can i help you today" does not also count
 * "how can i help".
 */
export function findCues(prepared: PreparedText, allowed: ReadonlySet<Language>): CueHit[] {
  const tokens = prepared.tokens;
  const keys = tokens.map(tokenKeys);
  const hits: CueHit[] = [];
  let frontier: TrieNode[] = [];
  let next: TrieNode[] = [];
  for (let start = 0; start < tokens.length; start++) {
    frontier.length = 0;
    frontier.push(ROOT);
    for (let j = start; j < tokens.length && frontier.length > 0; j++) {
      next.length = 0;
      const tokenKeyList = keys[j] as string[];
      for (const node of frontier) step(node, tokenKeyList, node === ROOT, next);
      for (const node of next) {
        if (!node.cues) continue;
        for (const def of node.cues) {
          if (!allowed.has(def.lang)) continue;
          if (def.anchored && start >= ANCHOR_SPAN) continue;
          hits.push({ def, start, end: j + 1 });
        }
      }
      const swap = frontier;
      frontier = next;
      next = swap;
    }
  }

  for (const e of prepared.emoji) {
    const cue = EMOJI_CUES[e];
    if (cue) hits.push({ def: symbolDef(e, cue.kind, cue.weight), start: -1, end: -1 });
  }
  for (const face of prepared.emoticons) {
    const cue = EMOTICON_CUES[face];
    if (cue) hits.push({ def: symbolDef(face, cue.kind, cue.weight), start: -1, end: -1 });
  }
  return dropSubsumed(hits);
}

const SYMBOL_DEFS = new Map<string, CueDef>();
function symbolDef(symbol: string, kind: CueKind, weight: number): CueDef {
  let def = SYMBOL_DEFS.get(symbol);
  if (!def) {
    def = { kind, kindIndex: KIND_INDEX[kind], lang: 'en', phrase: symbol, tokens: 0, anchored: false, weight };
    SYMBOL_DEFS.set(symbol, def);
  }
  return def;
}

function dropSubsumed(hits: CueHit[]): CueHit[] {
  if (hits.length < 2) return hits;
  const kept: CueHit[] = [];
  for (let hi = 0; hi < hits.length; hi++) {
    const h = hits[hi] as CueHit;
    if (h.start < 0) {
      kept.push(h);
      continue;
    }
    const hLen = h.end - h.start;
    let subsumed = false;
    for (let oi = 0; oi < hits.length; oi++) {
      const o = hits[oi] as CueHit;
      if (oi === hi || o.def.kind !== h.def.kind || o.start < 0 || o.start > h.start || o.end < h.end) continue;
      const oLen = o.end - o.start;
      if (oLen > hLen || o.def.weight > h.def.weight || (o.def.weight === h.def.weight && oi < hi)) {
        subsumed = true;
        break;
      }
    }
    if (!subsumed) kept.push(h);
  }
  return kept;
}
