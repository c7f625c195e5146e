import type { Language } from '../schemas';
import { LEXICONS, PHRASE_KINDS, type PhraseKind } from './lexicon';

/** Where a phrase was found: offsets into the text that was searched. */
export interface PhraseMatch {
  kind: PhraseKind;
  start: number;
  end: number;
  text: string;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const LATIN_VARIANTS: Record<string, string> = {
  a: '[aáàâäã]',
  e: '[eéèêë]',
  i: '[iíìîï]',
  o: '[oóòôöõ]',
  u: '[uúùûü]',
  n: '[nñ]',
  c: '[cç]',
  "'": "['’]",
  '’': "['’]",
};
const DEVANAGARI_CONSONANT = /[\u0915-\u0939\u0958-\u095F]/;

function escape(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

/** One phrase as a regular-expression fragment (see the syntax in lexicon.ts). */
function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      const prefix = word.startsWith('*') ? `${WORD_CHAR}+` : '';
      const suffix = word.endsWith('*') && word.length > 1 ? `${WORD_CHAR}*` : '';
      const core = word.replace(/^\*/, '').replace(/\*$/, '').replace(/\u093C/g, '');
      let pattern = '';
      for (const char of core) {
        if (char === '\u0901' || char === '\u0902') pattern += '[\\u0901\\u0902]';
        else pattern += LATIN_VARIANTS[char] ?? escape(char);
        if (DEVANAGARI_CONSONANT.test(char)) pattern += '\\u093C?';
      }
      return prefix + pattern + suffix;
    })
    .join('\\s+');
}

const compiled = new Map<string, RegExp>();

/** All phrases of one kind in one language as one expression, longest first so "as i already said" beats "as i said". */
function expressionFor(lang: Language, kind: PhraseKind): RegExp {
  const key = `${lang}:${kind}`;
  let expression = compiled.get(key);
  if (!expression) {
    const phrases = [...LEXICONS[lang][kind]].sort((a, b) => b.length - a.length);
    const alternatives = phrases.map(phrasePattern).join('|');
    expression = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`, 'giu');
    compiled.set(key, expression);
  }
  return expression;
}

export function findPhrases(text: string, lang: Language, kind: PhraseKind): PhraseMatch[] {
  const expression = expressionFor(lang, kind);
  expression.lastIndex = 0;
  const matches: PhraseMatch[] = [];
  for (let m = expression.exec(text); m !== null; m = expression.exec(text)) {
    if (m[0] === '') {
      expression.lastIndex++;
      continue;
    }
    matches.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return matches;
}

export function hasPhrase(text: string, lang: Language, kind: PhraseKind): boolean {
  return findPhrases(text, lang, kind).length > 0;
}

/** Blanks the given spans with spaces (same length), so later searches cannot match inside them. */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** Every kind found in the text; used by the conversation review on agent turns. */
export function phraseKindsIn(text: string, lang: Language): Set<PhraseKind> {
  const found = new Set<PhraseKind>();
  for (const kind of PHRASE_KINDS) if (hasPhrase(text, lang, kind)) found.add(kind);
  return found;
}
