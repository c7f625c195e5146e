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
  for (const e of [...evidence].sort((a, b) => b.weight - a.weight)) {
    if (parts.length >= max) break;
    const cue = e.cue.trim();
    if (!cue || seen.has(cue)) continue;
    seen.add(cue);
    parts.push(e.kind === 'phrase' || (e.kind === 'sentiment' && !/^[A-Z!?]|^dissatisfaction|^mild|^urgency/.test(cue)) ? `'${cue}'` : cue);
  }
  return parts.join(', ');
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
