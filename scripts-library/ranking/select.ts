import type { Stage } from '../schemas';
import type { Evidence } from '../stage';
import type { RankedScript } from './script-index';

/**
 * What the panel lists: the first tier of the ranking (same stage fit, language fit and channel fit as the best
 * script), topped up from the next tiers when that tier is thin, so a Hinglish chat with three Hinglish apologies
 * still sees a few Devanagari ones after them. Search covers everything else.
 */
export function selectSuggestions(ranked: readonly RankedScript[], { limit = 9, minimum = 4 }: { limit?: number; minimum?: number } = {}): RankedScript[] {
  const first = ranked[0];
  if (!first) return [];
  const sameTier = ranked.filter((r) => r.tier === first.tier);
  if (sameTier.length >= Math.min(minimum, limit)) return sameTier.slice(0, limit);
  return ranked.slice(0, Math.min(limit, Math.max(minimum, sameTier.length)));
}

/**
 * Other stages the moment could be, from the detector's evidence, when it is unsure: each stage's share of the
 * evidence weight, scaled by how unsure the detector is. A confident detector (≥ 0.6) gives none.
 */
export function otherStagesFromEvidence(stage: Stage, confidence: number, evidence: readonly Evidence[]): Partial<Record<Stage, number>> {
  if (confidence >= 0.6) return {};
  const totals = new Map<Stage, number>();
  let sum = 0;
  for (const e of evidence) {
    if (e.weight <= 0 || e.stage === stage) continue;
    totals.set(e.stage, (totals.get(e.stage) ?? 0) + e.weight);
    sum += e.weight;
  }
  const out: Partial<Record<Stage, number>> = {};
  if (sum === 0) return out;
  for (const [other, weight] of totals) out[other] = (1 - confidence) * (weight / sum);
  return out;
}
