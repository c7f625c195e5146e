/**
 * Search tokens: the same folding for what is indexed and what is typed, so "Lucía" finds "lucia", "माफ़ी" finds
 * "माफी" and a Tamil word typed with a zero-width joiner finds the one stored without.
 */

const TAG = /\{\{[\s\S]*?\}\}/g;
const LATIN_COMBINING = /[\u0300-\u036f]/g;
/** Zero-width (non-)joiners, word joiner, soft hyphen and variation selectors: invisible, typed inconsistently. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufe0e\ufe0f]/g;
const NUKTA = /\u093c/g;
const CHANDRABINDU = /\u0901/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Longer "words" are pasted ids or garbage; cutting them keeps the index and the edit-distance rows small. */
export const MAX_TOKEN_LENGTH = 32;
const MARK_START = /^\p{M}/u;

const NOT_ASCII = /[^\u0000-\u007f]/;
const DROPPED = new RegExp(`${LATIN_COMBINING.source}|${INVISIBLE.source}|${NUKTA.source}`, 'g');

export function foldText(text: string): string {
  // Most scripts are long; skipping Unicode normalisation for plain ASCII halves the cost of indexing English ones.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(DROPPED, '').replace(CHANDRABINDU, '\u0902').toLowerCase();
}

/** Words of a script's text, title or tags, folded; template tags are not words a trainer searches for. */
export function searchTokens(text: string): string[] {
  const folded = foldText(text.replace(TAG, ' '));
  const tokens: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    // A token must start with a letter or digit: a lone vowel sign left by folding is not a word.
    if (MARK_START.test(word)) continue;
    tokens.push(word.length > MAX_TOKEN_LENGTH ? word.slice(0, MAX_TOKEN_LENGTH) : word);
  }
  return tokens;
}
