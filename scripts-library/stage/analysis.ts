/**
 * Reads one turn into cue scores: which kinds of cue fired and how strongly, after negation ("not happy" is
 * dissatisfied, "no problem" is not) and intensity ("very disappointed", "bilkul bekaar"). Also grades
 * dissatisfaction. No conversation context here: that is the tagger's job.
 */
import type { Language, Stage } from '../schemas';
import { prepareText, type PreparedText } from '../language/text';
import { CUE_KINDS, type CueKind } from './cues/index';
import { findCues, hitText, KIND_INDEX, type CueHit } from './match';
import type { Evidence } from './types';

const K = KIND_INDEX;
const KIND_COUNT = CUE_KINDS.length;

/** Where each language puts its negator relative to the word it negates. */
const NEGATION_SIDE: Record<Language, 'before' | 'after' | 'both'> = {
  en: 'before',
  es: 'before',
  hi: 'both',
  'hi-Latn': 'both',
  ta: 'after',
  'ta-Latn': 'after',
  te: 'after',
  'te-Latn': 'after',
};

export interface TurnAnalysis {
  prepared: PreparedText;
  hits: CueHit[];
  /** Aggregated strength per cue kind (index by KIND_INDEX). */
  kinds: Float64Array;
  /** The strongest hit per kind, for evidence. */
  top: (CueHit | null)[];
  /** Token index where each kind first fires (tokens.length when it does not). */
  firstAt: Int32Array;
  /** Tokens covered by each kind, to tell "mostly an apology" from "a sorry tacked on". */
  covered: Int32Array;
  dissatisfaction: number;
  dissatisfactionEvidence: Evidence[];
  /** "no problem", "koi problem nahi": a negated negative, which reads as reassurance. */
  negatedNegative: string | null;
  question: boolean;
}

const DISSATISFACTION_KINDS: readonly { kind: CueKind; factor: number }[] = [
  { kind: 'complaint', factor: 1 },
  { kind: 'frustration', factor: 0.9 },
  { kind: 'anger', factor: 1.2 },
  { kind: 'threat', factor: 1.1 },
  { kind: 'repeat', factor: 0.8 },
  { kind: 'still', factor: 0.3 },
  { kind: 'sarcasm', factor: 0.8 },
  { kind: 'rhetorical', factor: 0.9 },
];

function isNegatedBy(hit: CueHit, negators: readonly CueHit[]): CueHit | null {
  for (const n of negators) {
    if (n.end <= hit.start || n.start >= hit.end) {
      const side = NEGATION_SIDE[n.def.lang];
      const before = n.end <= hit.start && hit.start - n.end <= (side === 'before' ? 2 : 0);
      const after = side !== 'before' && n.start >= hit.end && n.start - hit.end <= 2;
      if ((side !== 'after' && before) || after) return n;
    }
  }
  return null;
}

function modifierNear(hit: CueHit, modifiers: readonly CueHit[]): CueHit | null {
  for (const m of modifiers) {
    if (m.end <= hit.start && hit.start - m.end <= 1) return m;
    // "not happy at all", "bekaar bilkul": the modifier may follow.
    if (m.start >= hit.end && m.start - hit.end <= 2) return m;
  }
  return null;
}



const SENTIMENT_STAGE: Stage = 'recovery';

const ATTEMPT_DEF: CueHit['def'] = { kind: 'repeat', kindIndex: K.repeat, lang: 'en', phrase: 'attempts', tokens: 0, anchored: false, weight: 0.75 };
/** Three or more: "two times" is as often "charged twice" as a second attempt. */
const MANY =
  '(?:[3-9]|1[0-9]|three|four|five|six|seven|eight|ten|tres|cuatro|cinco|seis|teen|tin|char|chaar|paanch|panch|moodu|mudu|naalugu|nalugu|aidu|moonu|munu|naalu|nalu|anju|तीन|चार|पाँच|पांच|మూడు|నాలుగు|ఐదు|மூணு|மூன்று|நாலு|நான்கு|அஞ்சு)';
const TWO_OR_MORE = `(?:2|two|dos|do|rendu|renDu|दो|రెండు|ரெண்டு|இரண்டு|${MANY.slice(3, -1)})`;
const TIMES_UNITS = '(?:times|sarlu|saarlu|sarla|baar|dafa|thadava|thadavai|tadava|murai|veces|बार|दफ़ा|दफा|సార్లు|సారి|తడవ|தடவை|தடவ|முறை)';
const CONTACT_UNITS =
  '(?:calls|emails|e-mails|mails|messages|tickets|complaints|attempts|visits|correos|llamadas|mensajes|reclamos|reclamaciones)';
const ATTEMPTS = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(?:(${MANY})\\s*(${TIMES_UNITS})|(${TWO_OR_MORE})\\s*(${CONTACT_UNITS}))(?![a-z])`,
  'iu',
);

/** "4 sarlu", "three emails", "cuatro correos": a counted number of attempts, as written, or null. */
function countedAttempts(raw: string): string | null {
  const m = ATTEMPTS.exec(raw);
  if (!m) return null;
  return m[1] ? `${m[1]} ${m[2]}` : `${m[3]} ${m[4]}`;
}
/** A single cue below this is a weak sign of dissatisfaction. */
const WEAK_CUE = 0.55;
/** Weak signs together stay just under the recovery threshold (score 0.4 ≈ raw 0.51). */
const WEAK_ONLY_CAP = 0.5;

export function analyseTurn(text: string, allowed: ReadonlySet<Language>, prepared?: PreparedText): TurnAnalysis {
  const p = prepared ?? prepareText(text);
  const raw = findCues(p, allowed);

  const negators: CueHit[] = [];
  const intensifiers: CueHit[] = [];
  const downtoners: CueHit[] = [];
  for (const h of raw) {
    if (h.def.kind === 'negator') negators.push(h);
    else if (h.def.kind === 'intensifier') intensifiers.push(h);
    else if (h.def.kind === 'downtoner') downtoners.push(h);
  }

  const hits: CueHit[] = [];
  const negatedPositives: { hit: CueHit; negator: CueHit }[] = [];
  let negatedNegative: string | null = null;
  for (const h of raw) {
    const kind = h.def.kind;
    if (h.start >= 0 && (kind === 'positive' || kind === 'negative' || kind === 'complaint' || kind === 'frustration' || kind === 'anger')) {
      const negator = isNegatedBy(h, negators);
      if (negator) {
        if (kind === 'positive') negatedPositives.push({ hit: h, negator });
        else if (kind === 'negative') negatedNegative ??= orderedPhrase(p, h, negator);
        continue;
      }
    }
    hits.push(h);
  }

  const kinds = new Float64Array(KIND_COUNT);
  const maxes = new Float64Array(KIND_COUNT);
  const top: (CueHit | null)[] = new Array<CueHit | null>(KIND_COUNT).fill(null);
  const firstAt = new Int32Array(KIND_COUNT).fill(p.tokens.length);
  const covered = new Int32Array(KIND_COUNT);
  for (const h of hits) {
    const i = h.def.kindIndex;
    kinds[i] = (kinds[i] ?? 0) + h.def.weight;
    if (h.def.weight > (maxes[i] ?? 0)) {
      maxes[i] = h.def.weight;
      top[i] = h;
    }
    if (h.start >= 0) {
      if (h.start < (firstAt[i] ?? 0)) firstAt[i] = h.start;
      // Same-kind hits rarely overlap once subsumed ones are dropped; a plain sum, capped below, is close enough.
      covered[i] = (covered[i] ?? 0) + (h.end - h.start);
    }
  }
  // Diminishing returns: the strongest cue of a kind counts fully, the rest add a little.
  for (let i = 0; i < KIND_COUNT; i++) {
    const sum = kinds[i] ?? 0;
    const max = maxes[i] ?? 0;
    kinds[i] = max + 0.35 * (sum - max);
  }
  for (let i = 0; i < KIND_COUNT; i++) if ((covered[i] ?? 0) > p.tokens.length) covered[i] = p.tokens.length;

  // "4 sarlu call chesa", "called three times", "cuatro correos", "teen baar": counted attempts are a repeat.
  const attempts = countedAttempts(p.raw);
  if (attempts !== null) {
    const i = K.repeat;
    if ((kinds[i] ?? 0) < ATTEMPT_DEF.weight) {
      kinds[i] = Math.max(kinds[i] ?? 0, ATTEMPT_DEF.weight);
      top[i] = { def: { ...ATTEMPT_DEF, phrase: attempts }, start: -1, end: -1 };
    }
    hits.push({ def: { ...ATTEMPT_DEF, phrase: attempts }, start: -1, end: -1 });
  }

  const { score, evidence } = gradeDissatisfaction(p, hits, kinds, negatedPositives, intensifiers, downtoners);
  const question = p.questionMark || (kinds[K.question_word] ?? 0) > 0;
  return {
    prepared: p,
    hits,
    kinds,
    top,
    firstAt,
    covered,
    dissatisfaction: score,
    dissatisfactionEvidence: evidence,
    negatedNegative,
    question,
  };
}

function orderedPhrase(p: PreparedText, a: CueHit, b: CueHit): string {
  return a.start <= b.start ? `${hitText(p, a)} ${hitText(p, b)}` : `${hitText(p, b)} ${hitText(p, a)}`;
}

function gradeDissatisfaction(
  p: PreparedText,
  hits: readonly CueHit[],
  kinds: Float64Array,
  negatedPositives: readonly { hit: CueHit; negator: CueHit }[],
  intensifiers: readonly CueHit[],
  downtoners: readonly CueHit[],
): { score: number; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  const perKind = new Map<CueKind, number[]>();
  const push = (kind: CueKind, weight: number, cue: string, ev: Evidence['kind']): void => {
    const list = perKind.get(kind) ?? [];
    list.push(weight);
    perKind.set(kind, list);
    evidence.push({ stage: SENTIMENT_STAGE, kind: ev, cue, weight: round(weight) });
  };

  const dissatisfactionSpans: CueHit[] = [];
  let shouted = false;
  const sarcasmHits: CueHit[] = [];
  let otherNegative = false;
  for (const h of hits) {
    const spec = DISSATISFACTION_KINDS.find((d) => d.kind === h.def.kind);
    if (!spec) continue;
    if (h.def.kind === 'sarcasm') {
      sarcasmHits.push(h);
      continue;
    }
    let weight = h.def.weight * spec.factor;
    let label = hitText(p, h);
    if (h.start >= 0 && spanShouted(p, h)) {
      // "STILL", "WORST": a shouted cue word.
      weight *= 2;
      shouted = true;
      label = label.toUpperCase();
    }
    if (h.start >= 0) {
      const intens = modifierNear(h, intensifiers);
      const down = modifierNear(h, downtoners);
      if (intens) {
        weight *= 1.5;
        label = h.start > intens.start ? `${hitText(p, intens)} ${label}` : `${label} ${hitText(p, intens)}`;
      } else if (down) weight *= 0.6;
      dissatisfactionSpans.push(h);
    }
    if (h.def.kind !== 'still') otherNegative = true;
    push(h.def.kind, weight, label, h.start < 0 ? 'emoji' : 'sentiment');
  }

  for (const { hit, negator } of negatedPositives) {
    const overlaps = dissatisfactionSpans.some((d) => d.start <= hit.start && d.end >= hit.end);
    if (overlaps) continue;
    let weight = 0.75 * negatedWeight(hit);
    const intens = modifierNear(hit, intensifiers) ?? modifierNear(negator, intensifiers);
    let label = orderedPhrase(p, hit, negator);
    if (intens) {
      weight *= 1.5;
      label = `${label} (${hitText(p, intens)})`;
    }
    otherNegative = true;
    push('frustration', weight, label, 'sentiment');
  }

  const problemSeen =
    (kinds[K.problem] ?? 0) > 0 || (kinds[K.update_req] ?? 0) > 0 || (kinds[K.repeat] ?? 0) > 0 || (kinds[K.still] ?? 0) > 0;
  for (const h of sarcasmHits) {
    // Ironic praise ("great, just great") needs something negative beside it; "thanks for nothing" does not. A
    // single word of praise ("perfect", "great") is ironic only beside a clear complaint: next to a mere problem
    // word it is usually sincere ("perfect, the error is gone").
    const standalone = h.def.weight >= 1.2 || (h.start < 0 && h.def.weight >= 0.8);
    // Two signs of irony together (praise and 🙃/👏, or two ironic words) read as irony beside a problem too.
    const phrase = (h.def.tokens > 1 && h.def.weight >= 0.9) || sarcasmHits.length >= 2;
    if (!standalone && !(otherNegative || (phrase && problemSeen))) continue;
    otherNegative = true;
    push('sarcasm', h.def.weight * 0.8 * (standalone ? 1 : 1.1), hitText(p, h), h.start < 0 ? 'emoji' : 'sentiment');
  }

  let raw = 0;
  let strongest = 0;
  for (const weights of perKind.values()) strongest = Math.max(strongest, weights[0] ?? 0, ...weights);
  for (const weights of perKind.values()) {
    weights.sort((a, b) => b - a);
    raw += (weights[0] ?? 0) + 0.4 * weights.slice(1).reduce((a, b) => a + b, 0);
  }
  // A customer who apologises ("sorry for snapping earlier", "गुस्से के लिए माफ़ी") is talking about their own
  // earlier mood, not voicing a new complaint.
  if ((kinds[K.apology] ?? 0) > 0 && ((kinds[K.thanks] ?? 0) > 0 || (kinds[K.accept] ?? 0) > 0) && raw > 0) {
    raw *= 0.3;
    evidence.push({ stage: SENTIMENT_STAGE, kind: 'context', cue: 'apologises for earlier', weight: -1 });
  }

  // Shouting and insistence intensify what is already negative; on their own they are just emphasis.
  const negativeContext = otherNegative || problemSeen;
  if (negativeContext) {
    if (p.capsRatio > 0.6 && !shouted) {
      raw += 0.5;
      evidence.push({ stage: SENTIMENT_STAGE, kind: 'sentiment', cue: 'CAPITALS', weight: 0.5 });
    }
    if (otherNegative && (p.exclamations >= 2 || p.insistentPunctuation)) {
      raw += 0.25;
      evidence.push({ stage: SENTIMENT_STAGE, kind: 'sentiment', cue: p.exclamations >= 2 ? '!!' : '??', weight: 0.25 });
    }
    if (p.elongated && otherNegative) raw += 0.1;
    if ((kinds[K.urgency] ?? 0) > 0 && otherNegative) {
      raw += 0.15;
      evidence.push({ stage: SENTIMENT_STAGE, kind: 'sentiment', cue: 'urgency', weight: 0.15 });
    }
  }

  // Only weak signs ("still", "nobody has", "how long"): a calm report of a slow or missing thing, not a complaint
  // (labelling rule 1), however many of them there are. One clear sign of feeling is needed.
  if (strongest < WEAK_CUE && raw > WEAK_ONLY_CAP) {
    raw = WEAK_ONLY_CAP;
    evidence.push({ stage: SENTIMENT_STAGE, kind: 'context', cue: 'only weak signs', weight: 0 });
  }

  const score = raw <= 0 ? 0 : 1 - Math.exp(-raw);
  evidence.sort((a, b) => b.weight - a.weight);
  return { score: round(score), evidence };
}

function spanShouted(p: PreparedText, h: CueHit): boolean {
  for (let t = h.start; t < h.end; t++) if (p.tokens[t]?.upper) return true;
  return false;
}

function negatedWeight(hit: CueHit): number {
  return Math.max(0.7, hit.def.weight);
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
