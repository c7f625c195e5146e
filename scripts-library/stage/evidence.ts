import { detectLanguage } from '../language/detect';
import type { Language } from '../schemas';
import { analyseTurn } from './analysis';
import { allowedLanguages } from './tracker';
import type { Evidence } from './types';

/**
 * A short human line for the panel: the strongest cues, phrases quoted, emoji as they are, context as words,
 * e.g. "'bilkul bekaar', 😡, 3rd complaint".
 */
export function describeEvidence(evidence: readonly Evidence[], max = 3): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  const ranked = [...evidence].sort((a, b) => evidenceRank(a) - evidenceRank(b) || b.weight - a.weight || b.cue.length - a.cue.length);
  for (const e of ranked) {
    if (parts.length >= max) break;
    const cue = e.cue.trim();
    if (!cue || seen.has(cue)) continue;
    seen.add(cue);
    parts.push(isQuote(e) ? `'${cue}'` : cue);
  }
  return parts.join(', ');
}

/** Summaries the detector writes about itself ("dissatisfaction 0.98", "customer is dissatisfied"), not cues. */
const SUMMARY = /^(dissatisfaction|mild|urgency|only weak|length |customer is|agent is)/i;

function isQuote(e: Evidence): boolean {
  return e.kind === 'phrase' || (e.kind === 'sentiment' && !/^[A-Z!?]/.test(e.cue) && !SUMMARY.test(e.cue));
}

/**
 * What an agent should read first in "why": the customer's own words, then emoji, then context such as "3rd
 * complaint" or a time gap, and the detector's summaries only when nothing else fired.
 */
function evidenceRank(e: Evidence): number {
  if (SUMMARY.test(e.cue.trim())) return 3;
  if (isQuote(e)) return 0;
  if (e.kind === 'emoji') return 1;
  return 2;
}

/**
 * How dissatisfied a customer message reads, 0..1, with the cues behind it. Works on one message alone; the
 * tracker uses the same grading inside the conversation.
 */
export function scoreDissatisfaction(text: string, lang?: Language): { score: number; evidence: Evidence[] } {
  const detected = detectLanguage(text);
  const turnLang = detected.confidence >= 0.45 || !lang ? detected.lang : lang;
  const analysis = analyseTurn(text, allowedLanguages(turnLang, lang ?? turnLang));
  return { score: analysis.dissatisfaction, evidence: analysis.dissatisfactionEvidence };
}
