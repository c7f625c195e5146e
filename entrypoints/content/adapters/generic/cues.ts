/**
 * Side cues: evidence, from one class name, attribute or label, that a message is the customer's or the agent's.
 * Each cue remembers its source so the caller can ignore sources every message shares (a `pull-right` timestamp on
 * every bubble says nothing about sides).
 */

import type { Speaker } from '@/scripts-library/schemas';
import {
  ALIGNMENT_BEFORE, DIRECTION_WORDS, NOT_DIRECTION_BEFORE, ROLE_WORDS, WEAK_WORDS, foldAccents, wordsOf,
} from './vocabulary';

export interface Cue {
  source: string;
  side: Speaker;
  weight: number;
}

const ROLE = new Map<string, Speaker>();
const DIRECTION = new Map<string, Speaker>();
const WEAK = new Map<string, Speaker>();
for (const side of ['customer', 'agent'] as const) {
  for (const word of ROLE_WORDS[side]) ROLE.set(foldAccents(word), side);
  for (const word of DIRECTION_WORDS[side]) DIRECTION.set(word, side);
  for (const word of WEAK_WORDS[side]) WEAK.set(word, side);
}
/** Direction words too short or common to trust without context. */
const CONTEXT_DIRECTION = new Set(['in', 'out', 'me', 'own', 'other', 'others', 'self']);

/** The agent's screen puts the agent on the right; right-to-left pages mirror that. */
function sideOfAlignment(alignment: 'left' | 'right', rtl: boolean): Speaker {
  const right = alignment === 'right' ? !rtl : rtl;
  return right ? 'agent' : 'customer';
}

/** Cues in the words of one class name or attribute value. */
export function cuesFromWords(words: readonly string[], source: string, rtl: boolean): Cue[] {
  const cues: Cue[] = [];
  words.forEach((word, index) => {
    const before = words[index - 1] ?? '';
    const after = words[index + 1] ?? '';
    const role = ROLE.get(word);
    if (role) {
      cues.push({ source, side: role, weight: 3 });
      return;
    }
    const direction = DIRECTION.get(word);
    if (direction) {
      if (word === 'in' || word === 'out') {
        if (NOT_DIRECTION_BEFORE.has(before)) return;
      }
      // Bootstrap's `me-2`, `me-auto` are margins, not "me".
      if (word === 'me' && (after === 'auto' || /^\d/.test(after))) return;
      cues.push({ source, side: direction, weight: 2 });
      return;
    }
    const weak = WEAK.get(word);
    if (weak) {
      cues.push({ source, side: weak, weight: 1 });
      return;
    }
    if (word === 'left' || word === 'right') {
      cues.push({ source, side: sideOfAlignment(word, rtl), weight: 1 });
    } else if ((word === 'start' || word === 'end') && ALIGNMENT_BEFORE.has(before)) {
      // Logical alignment already follows the writing direction.
      cues.push({ source, side: word === 'end' ? 'agent' : 'customer', weight: 1 });
    } else if (word === 'auto' && (before === 'ml' || before === 'ms')) {
      cues.push({ source, side: 'agent', weight: 1 });
    } else if (word === 'auto' && (before === 'mr' || before === 'me')) {
      cues.push({ source, side: 'customer', weight: 1 });
    } else if (word === 'reverse' && before === 'row') {
      cues.push({ source, side: 'agent', weight: 1 });
    }
  });
  return cues;
}

/** Cues in an inline style: the right-hand bubble is pushed right by margins, floats or flex alignment. */
export function cuesFromStyle(style: string, rtl: boolean): Cue[] {
  const compact = style.toLowerCase().replace(/\s+/g, '');
  const source = `style:${compact}`;
  if (/margin-left:auto|float:right|text-align:right|justify-content:flex-end|align-self:flex-end|flex-direction:row-reverse/.test(compact)) {
    return [{ source, side: sideOfAlignment('right', rtl), weight: 1 }];
  }
  if (/margin-right:auto|float:left|justify-content:flex-start|align-self:flex-start/.test(compact)) {
    return [{ source, side: sideOfAlignment('left', rtl), weight: 1 }];
  }
  return [];
}

/** Cue from a small label such as "Customer" or "(Agent)". */
export function cueFromLabel(text: string): Cue | null {
  const words = wordsOf(text);
  if (words.length === 0 || words.length > 2) return null;
  for (const word of words) {
    const role = ROLE.get(word);
    if (role) return { source: `label:${words.join(' ')}`, side: role, weight: 2 };
  }
  return null;
}

/** Any word that names or hints at a side: such words mark variants of a block, not its kind. */
export function isSideWord(word: string): boolean {
  return ROLE.has(word) || DIRECTION.has(word) || WEAK.has(word) || ['left', 'right', 'start', 'end', 'center'].includes(word);
}

/** Rough check, without context, used only to rank candidate threads: do these words name a side? */
export function sideWordsIn(words: Set<string>): boolean {
  for (const word of words) {
    if (ROLE.has(word)) return true;
    if (DIRECTION.has(word) && !CONTEXT_DIRECTION.has(word)) return true;
    if (word === 'left' || word === 'right') return true;
  }
  return false;
}
