import type { Language } from '../schemas';
import { foldText } from '../search/tokens';
import { HEAL_CUES, HEAL_STEPS, cueFamiliesFor, type HealStep } from './cues';

/** One family's cues for one step, as a single pattern: one regular-expression scan instead of a hundred lookups. */
interface CompiledStep {
  step: HealStep;
  pattern: RegExp;
  /** Folded cue → the cue as written, for the evidence shown to the agent. */
  written: Map<string, string>;
}

const ASCII = /^[\u0000-\u007f]+$/;
/** Apostrophes as typed on phones and by editors all count as the plain one. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
/** Anything that is not part of a word separates words; apostrophes stay ("i'm", "won't"). */
const SEPARATORS = /[^\p{L}\p{M}\p{N}']+/gu;
const SPECIAL = /[.*+?^${}()|[\]\\]/g;

const compiled = new Map<string, CompiledStep[]>();

function cuesFor(family: keyof (typeof HEAL_CUES)['hear']): CompiledStep[] {
  let list = compiled.get(family);
  if (!list) {
    list = HEAL_STEPS.map((step) => {
      const written = new Map<string, string>();
      const alternatives: string[] = [];
      for (const cue of HEAL_CUES[step][family]) {
        const prefix = cue.endsWith('*');
        const folded = normalise(prefix ? cue.slice(0, -1) : cue).trim();
        written.set(folded, prefix ? cue.slice(0, -1) : cue);
        const escaped = `(${folded.replace(SPECIAL, '\\$&')})`;
        // Latin cues are whole words ("sorry", not "sorryville") unless marked as a prefix ("apologi*"); native-script
        // cues may sit inside a word, where Hindi, Tamil and Telugu attach endings and particles.
        alternatives.push(!ASCII.test(folded) ? escaped : prefix ? ` ${escaped}` : ` ${escaped}(?= )`);
      }
      return { step, written, pattern: new RegExp(alternatives.join('|'), 'u') };
    });
    compiled.set(family, list);
  }
  return list;
}

function normalise(text: string): string {
  return ` ${foldText(text.replace(APOSTROPHES, "'")).replace(SEPARATORS, ' ')} `;
}

export interface HealEvidence {
  step: HealStep;
  cue: string;
}

/**
 * The HEAL steps a piece of agent text carries out, each with the first cue that showed it. `lang` narrows the cue
 * lists to that language's family (and English); null checks every language.
 */
export function healStepsIn(text: string, lang: Language | null = null): HealEvidence[] {
  const haystack = normalise(text);
  const found = new Map<HealStep, string>();
  for (const family of cueFamiliesFor(lang)) {
    for (const { step, pattern, written } of cuesFor(family)) {
      if (found.has(step)) continue;
      const match = pattern.exec(haystack);
      if (!match) continue;
      const folded = match.slice(1).find((group) => group !== undefined) ?? '';
      found.set(step, written.get(folded) ?? folded);
    }
    if (found.size === HEAL_STEPS.length) break;
  }
  return HEAL_STEPS.filter((step) => found.has(step)).map((step) => ({ step, cue: found.get(step) as string }));
}

/** The same as a bit mask (bit i = HEAL_STEPS[i]), for the ranker's per-script tables. */
export function healMaskOf(text: string, lang: Language | null = null): number {
  let mask = 0;
  for (const { step } of healStepsIn(text, lang)) mask |= 1 << HEAL_STEPS.indexOf(step);
  return mask;
}

export function healBit(step: HealStep): number {
  return 1 << HEAL_STEPS.indexOf(step);
}
