/**
 * The turn tagger: the stage of one turn given the turns before it. Cue strengths from `analyseTurn` are combined
 * with the speaker, the turn's position, the time since the previous turn and a small state carried along the
 * conversation (has the need been stated, was a fix given, was the customer upset, did the conversation close).
 * Every stage's score is a sum of named contributions, and those contributions are the evidence.
 */
import { STAGES, type Language, type Speaker, type Stage } from '../schemas';
import { round, type TurnAnalysis } from './analysis';
import { extractFeatures, scoreFeatures, softmaxInPlace, topContributions, type Features, type StageModel } from './learned';
import { hitText, KIND_INDEX as K } from './match';
import type { Evidence, EvidenceKind, TurnTag } from './types';

/** Dissatisfaction at or above this makes a customer turn `recovery` (labelling rule 1). */
export const RECOVERY_THRESHOLD = 0.42;
const HOUR = 3_600_000;

export interface TagState {
  readonly index: number;
  readonly lastAt: number | null;
  readonly needStated: boolean;
  readonly solutionGiven: boolean;
  readonly closingSeen: boolean;
  readonly customerTurns: number;
  readonly agentTurns: number;
  readonly prevStage: Stage | null;
  readonly prevSpeaker: Speaker | null;
  readonly lastCustomerStage: Stage | null;
  readonly lastAgentStage: Stage | null;
  readonly lastCustomerDissatisfaction: number;
  /** Customer turns tagged `recovery` so far. */
  readonly complaints: number;
  /** Turns since the last `follow_up` opened a returning conversation (Infinity when none). */
  readonly sinceFollowUp: number;
}

export const INITIAL_STATE: TagState = {
  index: 0,
  lastAt: null,
  needStated: false,
  solutionGiven: false,
  closingSeen: false,
  customerTurns: 0,
  agentTurns: 0,
  prevStage: null,
  prevSpeaker: null,
  lastCustomerStage: null,
  lastAgentStage: null,
  lastCustomerDissatisfaction: 0,
  complaints: 0,
  sinceFollowUp: Number.POSITIVE_INFINITY,
};

export function parseTime(at: string | null | undefined): number | null {
  if (!at) return null;
  const t = Date.parse(at);
  return Number.isFinite(t) ? t : null;
}

class Scores {
  readonly value: Record<Stage, number> = {
    greeting: 0,
    rapport: 0,
    discovery: 0,
    solution: 0,
    recovery: 0,
    closing: 0,
    follow_up: 0,
  };
  readonly evidence: Evidence[] = [];

  add(stage: Stage, weight: number, kind: EvidenceKind, cue: string): void {
    if (weight === 0) return;
    this.value[stage] += weight;
    this.evidence.push({ stage, kind, cue, weight: round(weight) });
  }
}

function k(a: TurnAnalysis, kind: keyof typeof K): number {
  return a.kinds[K[kind]] ?? 0;
}

function cueLabel(a: TurnAnalysis, kind: keyof typeof K): string {
  const hit = a.top[K[kind]];
  return hit ? hitText(a.prepared, hit) : kind;
}

/** Adds a cue kind's strength to a stage, as phrase/emoji evidence naming the strongest cue. */
function fromCue(s: Scores, a: TurnAnalysis, kind: keyof typeof K, stage: Stage, factor: number): number {
  const v = k(a, kind);
  if (v <= 0 || factor === 0) return 0;
  const top = a.top[K[kind]];
  s.add(stage, v * factor, top && top.start < 0 ? 'emoji' : 'phrase', cueLabel(a, kind));
  return v * factor;
}

const ID_LIKE = /(?:\d[\d\s-]{2,}\d|[A-Za-z]{1,4}[-#]?\d{3,}|\S+@\S+\.\S+|#\d+)/;

export interface TagResult {
  tag: TurnTag;
  next: TagState;
  /** Every stage's rule score and evidence (for inspection and tests; the tag keeps the chosen stage's). */
  ruleScores: Readonly<Record<Stage, number>>;
  ruleEvidence: readonly Evidence[];
}

export interface TagOptions {
  /** The learned layer; null tags with the rules alone. */
  model?: StageModel | null;
  /** Filled with the turn's features (for training). */
  features?: Features;
}

const SCRATCH_FEATURES: Features = { ids: [], values: [] };
const SCRATCH_LOGITS = new Float64Array(STAGES.length);

export function tagTurn(
  state: TagState,
  speaker: Speaker,
  at: string | null | undefined,
  a: TurnAnalysis,
  lang: Language,
  options: TagOptions = {},
): TagResult {
  const s = new Scores();
  const time = parseTime(at);
  const gapHours = time !== null && state.lastAt !== null ? (time - state.lastAt) / HOUR : null;
  const tokens = a.prepared.tokens.length;
  const short = tokens <= 4;
  const first = state.index === 0;
  const longGap = gapHours !== null && gapHours >= 36;
  const mediumGap = gapHours !== null && gapHours >= 12;
  const idLike = ID_LIKE.test(a.prepared.raw);
  const substantive =
    k(a, 'need') + k(a, 'problem') + k(a, 'ask_detail') + k(a, 'instruction') + k(a, 'action_done') + k(a, 'info');

  if (longGap) s.add('follow_up', 0, 'time_gap', `${Math.round(gapHours ?? 0)} h since the previous message`);

  let dissatisfaction = 0;
  if (speaker === 'customer') {
    dissatisfaction = a.dissatisfaction;
    scoreCustomer(s, a, state, { first, short, longGap, mediumGap, gapHours, idLike, substantive });
  } else {
    scoreAgent(s, a, state, { first, short, longGap, mediumGap, gapHours, idLike, substantive });
  }

  // Pick the best stage by the rules; confidence is a softmax share, so close calls read as uncertain.
  let ruleBest: Stage = speaker === 'customer' ? 'discovery' : 'solution';
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const stage of STAGES) {
    const v = s.value[stage];
    if (v > bestScore) {
      bestScore = v;
      ruleBest = stage;
    }
  }
  let best = ruleBest;
  let confidence: number;
  const model = options.model ?? null;
  let learnedEvidence: Evidence[] = [];
  if (model || options.features) {
    const features = extractFeatures(
      {
        speaker,
        analysis: a,
        state,
        ruleScores: s.value,
        ruleBest,
        gapHours,
        idLike,
        dissatisfied: speaker === 'customer' && dissatisfaction >= RECOVERY_THRESHOLD,
      },
      options.features ?? SCRATCH_FEATURES,
    );
    if (model) {
      const probs = softmaxInPlace(scoreFeatures(model, features, SCRATCH_LOGITS));
      let bestP = -1;
      STAGES.forEach((stage, i) => {
        const p = probs[i] as number;
        if (p > bestP) {
          bestP = p;
          best = stage;
        }
      });
      confidence = round(Math.min(0.99, Math.max(0.05, bestP)));
      if (best !== ruleBest || !s.evidence.some((e) => e.stage === best && e.weight > 0)) {
        learnedEvidence = topContributions(model, features, best, 4).map((c) => describeFeature(c.name, c.weight, best, a, gapHours));
      }
    } else confidence = ruleConfidence(s, bestScore);
  } else confidence = ruleConfidence(s, bestScore);

  const evidence = [...s.evidence.filter((e) => e.stage === best && e.weight > 0), ...learnedEvidence]
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 8);

  const tag: TurnTag = { stage: best, confidence, lang, dissatisfaction: speaker === 'customer' ? dissatisfaction : 0, evidence };

  const next: TagState = {
    index: state.index + 1,
    lastAt: time ?? state.lastAt,
    needStated:
      best === 'follow_up' && speaker === 'customer'
        ? true
        : state.needStated || (speaker === 'customer' && (best === 'discovery' || best === 'recovery')),
    solutionGiven: (state.solutionGiven || (speaker === 'agent' && best === 'solution')) && !(best === 'follow_up' && longGap),
    closingSeen: state.closingSeen || best === 'closing',
    customerTurns: state.customerTurns + (speaker === 'customer' ? 1 : 0),
    agentTurns: state.agentTurns + (speaker === 'agent' ? 1 : 0),
    prevStage: best,
    prevSpeaker: speaker,
    lastCustomerStage: speaker === 'customer' ? best : state.lastCustomerStage,
    lastAgentStage: speaker === 'agent' ? best : state.lastAgentStage,
    lastCustomerDissatisfaction: speaker === 'customer' ? dissatisfaction : state.lastCustomerDissatisfaction,
    complaints: state.complaints + (speaker === 'customer' && best === 'recovery' ? 1 : 0),
    sinceFollowUp: best === 'follow_up' ? 0 : state.sinceFollowUp + 1,
  };
  return { tag, next, ruleScores: s.value, ruleEvidence: s.evidence };
}

function ruleConfidence(s: Scores, bestScore: number): number {
  let denom = 0;
  for (const stage of STAGES) denom += Math.exp(1.6 * (s.value[stage] - bestScore));
  return round(Math.min(0.99, Math.max(0.05, 1 / denom)));
}

const STRUCTURE_WORDS: Record<string, string> = {
  prev: 'after a {stage} turn',
  prevsame: 'continues a {stage} turn',
  lastother: "the other side's last turn was {stage}",
  top: 'rules favour {stage}',
  rule: 'rule score for {stage}',
};

/** A learned feature as evidence an agent can read: the cue itself for cue kinds, a short phrase for structure. */
function describeFeature(name: string, weight: number, stage: Stage, a: TurnAnalysis, gapHours: number | null): Evidence {
  const [group = '', item = ''] = name.split(':');
  const w = round(weight);
  if (group === 'k' && item in K) {
    const hit = a.top[K[item as keyof typeof K]];
    return { stage, kind: hit && hit.start < 0 ? 'emoji' : 'phrase', cue: hit ? hitText(a.prepared, hit) : item, weight: w };
  }
  if (group === 'gap') {
    const cue = gapHours === null ? 'no time shown' : `${describeGap(gapHours)} since the previous message`;
    return { stage, kind: 'time_gap', cue, weight: w };
  }
  if (group === 'len') return { stage, kind: 'context', cue: `length ${item} words`, weight: w };
  const template = STRUCTURE_WORDS[group];
  if (template) return { stage, kind: 'context', cue: template.replace('{stage}', item.replace('_', ' ')), weight: w };
  if (group === 'f') {
    const words: Record<string, string> = {
      question: 'asks a question',
      idLike: 'gives a number or id',
      first: 'first message',
      noAgentYet: 'before the agent has written',
      needStated: 'the need is already stated',
      solutionGiven: 'a fix was given',
      closingSeen: 'the conversation was wrapping up',
      complained: 'the customer complained earlier',
      dissatisfied: 'customer is dissatisfied',
      dissatisfaction: 'tone of the message',
      afterFollowUp: 'just after a follow-up',
      exclaim: 'exclamation',
      url: 'gives a link',
      shout: 'CAPITALS',
      negatedNegative: 'no problem',
    };
    return { stage, kind: item === 'question' ? 'question' : 'context', cue: words[item] ?? item, weight: w };
  }
  return { stage, kind: 'context', cue: item || name, weight: w };
}

interface Context {
  first: boolean;
  short: boolean;
  longGap: boolean;
  mediumGap: boolean;
  gapHours: number | null;
  idLike: boolean;
  substantive: number;
}

function scoreCustomer(s: Scores, a: TurnAnalysis, st: TagState, c: Context): void {
  const d = a.dissatisfaction;
  const need = k(a, 'need');
  const problem = k(a, 'problem');
  const thanks = k(a, 'thanks');
  const closingWords = k(a, 'bye') + k(a, 'thats_all');
  const accept = k(a, 'accept');
  const trying = k(a, 'trying');
  const smallTalk = k(a, 'small_talk') + k(a, 'small_talk_reply') * 0.9;
  const afterSolution = st.prevSpeaker === 'agent' && st.prevStage === 'solution';
  const late = st.solutionGiven || st.closingSeen;

  // Rule 1: dissatisfaction beats everything for customer turns.
  if (d >= RECOVERY_THRESHOLD) {
    s.add('recovery', 4 + 4 * d, 'sentiment', `dissatisfaction ${d.toFixed(2)}`);
    for (const e of a.dissatisfactionEvidence.slice(0, 4)) s.add('recovery', 0.01, e.kind, e.cue);
    if (st.complaints > 0) s.add('recovery', 0.01, 'context', `${ordinal(st.complaints + 1)} complaint`);
  } else if (d > 0.2) {
    s.add('recovery', d * 2, 'sentiment', `mild dissatisfaction ${d.toFixed(2)}`);
  }

  // Follow-up: a customer coming back after days about an earlier issue, or answering a check-in.
  const earlier = k(a, 'earlier_ref');
  const update = k(a, 'update_req');
  const reportBack = k(a, 'report_back');
  const returning = c.longGap || (c.gapHours !== null && c.gapHours >= 20 && st.closingSeen);
  if (returning) {
    s.add('follow_up', 2.4, 'time_gap', `returns after ${describeGap(c.gapHours ?? 0)}`);
    fromCue(s, a, 'earlier_ref', 'follow_up', 0.6);
    fromCue(s, a, 'update_req', 'follow_up', 0.6);
    fromCue(s, a, 'report_back', 'follow_up', 0.8);
    fromCue(s, a, 'thanks', 'follow_up', 0.3);
  } else if (c.mediumGap && st.closingSeen && earlier + update + reportBack > 0) {
    s.add('follow_up', 1.2, 'time_gap', `returns after ${describeGap(c.gapHours ?? 0)}`);
    fromCue(s, a, 'earlier_ref', 'follow_up', 0.8);
    fromCue(s, a, 'update_req', 'follow_up', 0.8);
  } else if (!st.needStated && earlier > 0 && (update + k(a, 'checkin') > 0 || (earlier >= 1.2 && c.idLike))) {
    // The earlier part is only referred to: "Hi, I wrote last week about my refund, any update?"
    s.add('follow_up', 1.5, 'position', 'opens by referring to an earlier contact');
    fromCue(s, a, 'earlier_ref', 'follow_up', 0.9);
    fromCue(s, a, 'update_req', 'follow_up', 0.8);
  }
  const answersCheckIn = st.prevSpeaker === 'agent' && st.prevStage === 'follow_up';
  if (answersCheckIn) {
    // Answering a check-in: how things went is follow_up; a new problem is discovery; only thanks/bye is closing.
    const raisesNeed = a.question && need + problem > 0;
    s.add('follow_up', (c.short && need + problem === 0 && reportBack === 0 && accept === 0) || raisesNeed ? 1.2 : 2.4, 'context', 'answers a check-in');
    fromCue(s, a, 'report_back', 'follow_up', 0.8);
    fromCue(s, a, 'accept', 'follow_up', 0.5);
    fromCue(s, a, 'positive', 'follow_up', 0.5);
  }

  // Greeting: a bare hello, before any need.
  const greet = k(a, 'greet');
  if (greet > 0) {
    const alone = need + problem + (a.kinds[K.detail] ?? 0) * 0.5 < 0.5 && !(a.question && need > 0) && tokensOf(a) <= 8;
    if (!st.needStated && alone) s.add('greeting', 1.8 + greet, 'phrase', cueLabel(a, 'greet'));
    else if (!st.needStated && c.short) s.add('greeting', 1 + greet * 0.5, 'phrase', cueLabel(a, 'greet'));
    else if (c.first) s.add('greeting', 0.6, 'position', 'first message');
  }
  if (c.first && a.prepared.tokens.length <= 2 && greet === 0 && need + problem === 0 && !c.idLike) {
    s.add('greeting', 0.8, 'position', 'opening message without a need');
  }

  // Rapport: small talk, or a reply to it.
  if (smallTalk > 0) s.add('rapport', smallTalk * 1.1, 'phrase', cueLabel(a, k(a, 'small_talk') > 0 ? 'small_talk' : 'small_talk_reply'));
  if (st.prevStage === 'rapport' && need + problem < 0.8 && !c.idLike && (smallTalk > 0 || (!a.question && accept + thanks === 0))) {
    s.add('rapport', 0.9, 'context', 'replies to small talk');
  }
  // Personal life (family, events, trips) with no need or problem in the turn is small talk, once the need is out
  // or the agent has opened; in the first statement it is usually the need's background.
  const personal = k(a, 'personal');
  if (personal > 0 && need + problem + k(a, 'detail') * 0.5 < 0.5 && !c.idLike && !a.question && (st.needStated || st.agentTurns > 0)) {
    s.add('rapport', 0.4 + personal * 0.5, 'phrase', cueLabel(a, 'personal'));
  }
  if (st.prevStage === 'greeting' && st.prevSpeaker === 'agent' && smallTalk > 0 && need + problem < 0.8) {
    s.add('rapport', 0.6, 'context', 'answers a friendly opening');
  }
  const wish = k(a, 'personal_wish');
  const praise = k(a, 'praise');
  // Rule 8: wishes and praise close the conversation at its end, and build rapport in the middle.
  const ending = st.closingSeen || thanks + closingWords > 0;
  if (wish + praise > 0) {
    fromCue(s, a, 'personal_wish', ending ? 'closing' : 'rapport', 1.1);
    fromCue(s, a, 'praise', ending ? 'closing' : 'rapport', ending ? 1.2 : 0.8);
  }

  // Discovery: the need stated or clarified.
  fromCue(s, a, 'need', 'discovery', 1.1);
  fromCue(s, a, 'problem', 'discovery', 1.2);
  if (!st.needStated && (need + problem > 0 || tokensOf(a) >= 6)) s.add('discovery', 0.8, 'position', 'first statement of the need');
  if (st.prevSpeaker === 'agent' && st.prevStage === 'discovery') {
    s.add('discovery', 1.0, 'context', 'answers a needs question');
    if (c.idLike) s.add('discovery', 1.0, 'phrase', 'gives a number or id');
    fromCue(s, a, 'detail', 'discovery', 0.8);
  } else if (c.idLike && !st.solutionGiven) s.add('discovery', 0.6, 'phrase', 'gives a number or id');
  if (a.question && !st.solutionGiven) s.add('discovery', 0.5, 'question', 'asks a question');

  // Solution: following the agent's steps, acknowledging information, reporting how the fix went.
  const solutionRecently = st.lastAgentStage === 'solution' || st.solutionGiven;
  if (solutionRecently) {
    // With thanks beside it, "ok/great/perfect" is the customer wrapping up rather than following steps.
    fromCue(s, a, 'accept', 'solution', (afterSolution ? 1.4 : 0.9) * (thanks > 0 && trying === 0 ? 0.4 : 1));
    fromCue(s, a, 'trying', 'solution', afterSolution ? 1.2 : 0.8);
    if (afterSolution) {
      s.add('solution', 1.0, 'context', "replies to the agent's fix");
      fromCue(s, a, 'step_question', 'solution', 1.2);
      if (a.question) {
        // Rule 5: a question about carrying out the steps is solution; one that raises another need is discovery.
        if (need > 0.6 && k(a, 'step_question') === 0) s.add('discovery', 0.9, 'question', 'raises another need');
        else s.add('solution', 0.5, 'question', 'asks about the steps');
      }
      if (problem > 0 && need < 0.8) s.add('solution', 0.6, 'context', 'reports how the steps went');
    }
  } else {
    fromCue(s, a, 'accept', 'solution', 0.5);
  }
  if (afterSolution && c.short && need + problem === 0 && thanks === 0) s.add('solution', 0.6, 'context', 'short reply to the fix');
  // Rule 10: "no problem", "koi problem nahi" is not a complaint; in the middle of steps it is an easy acknowledgement.
  if (a.negatedNegative !== null && solutionRecently) s.add('solution', 0.4, 'phrase', a.negatedNegative);

  // Closing: thanks and goodbye, unless a new question rides along (rule 4) or steps are under way.
  const newQuestion = need + problem > 0.8 || (a.question && need > 0);
  // A check-in answered with how things went is follow_up, even with thanks around it (labelling rule 7).
  const reportsToCheckIn = answersCheckIn && reportBack + accept + k(a, 'positive') + k(a, 'thats_all') > 0;
  // Thanks that opens or signs off a message carrying facts ("Thank you. The claim number is …") acknowledges; it
  // does not close.
  const carriesFacts = tokensOf(a) > 8 && (c.idLike || k(a, 'detail') > 0.6 || need + problem > 0.6) && closingWords === 0;
  if (thanks + closingWords > 0) {
    const damp = (reportsToCheckIn ? 0.5 : 1) * (carriesFacts ? 0.35 : 1);
    const base = (thanks * 1.0 + closingWords * 1.3 + k(a, 'resolved') * 0.6) * damp;
    const label = cueLabel(a, closingWords > 0 ? (k(a, 'bye') > 0 ? 'bye' : 'thats_all') : 'thanks');
    if (newQuestion || (a.question && closingWords === 0)) s.add('closing', base * 0.3, 'phrase', label);
    else if (trying > 0 && closingWords === 0) {
      // "thanks, trying now": an acknowledgement in the middle of steps.
      s.add('closing', base * 0.4, 'phrase', label);
      s.add('solution', 0.8 + trying * 0.5, 'context', 'thanks while following steps');
    } else {
      // Thanks wrapped around a personal story ("thank you! we just got married") is rapport in the middle.
      const personal = smallTalk >= 1 && closingWords === 0 && !st.closingSeen && !c.short ? 0.45 : 1;
      s.add('closing', (base + ((late ? 1.2 : 0) + (afterSolution ? 0.6 : 0)) * damp) * personal, 'phrase', label);
    }
  }
  if (st.prevSpeaker === 'agent' && st.prevStage === 'closing') {
    const onlyPolite = need + problem < 0.5 && !c.idLike;
    if (onlyPolite) s.add('closing', 0.9, 'context', "answers the agent's closing");
    if (onlyPolite && c.short) s.add('closing', 0.5, 'context', 'nothing else');
  }
  if (k(a, 'survey') > 0 && late) fromCue(s, a, 'survey', 'closing', 0.6);

  // Baseline: a customer turn with nothing else to go on is most likely describing the need.
  s.add('discovery', 0.3, 'speaker', 'customer');
}

function tokensOf(a: TurnAnalysis): number {
  return a.prepared.tokens.length;
}

function describeGap(hours: number): string {
  return hours >= 36 ? `${Math.round(hours / 24)} days` : `${Math.round(hours)} hours`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function scoreAgent(s: Scores, a: TurnAnalysis, st: TagState, c: Context): void {
  const apology = k(a, 'apology');
  const empathy = k(a, 'empathy');
  const fault = k(a, 'company_fault');
  const reassure = k(a, 'reassure');
  const ask = k(a, 'ask_detail');
  const steps = k(a, 'instruction') + k(a, 'action_done') + k(a, 'info') + k(a, 'check_fix');
  const n = Math.max(1, a.prepared.tokens.length);
  const customerUpset =
    st.lastCustomerDissatisfaction >= RECOVERY_THRESHOLD ||
    (st.lastCustomerStage === 'recovery' && st.prevSpeaker === 'customer') ||
    // Mildly upset, just now: an empathetic opening still answers it.
    (st.prevSpeaker === 'customer' && st.lastCustomerDissatisfaction >= 0.25);
  const late = st.solutionGiven || st.closingSeen || st.prevStage === 'closing';
  const long = n > 14;
  // An agent writing again many hours after the conversation settled is checking in; an agent answering a
  // customer's new message after a night is just replying.
  const settled =
    st.prevSpeaker === 'agent' ||
    st.prevStage === 'closing' ||
    (st.prevStage === 'solution' && st.solutionGiven) ||
    st.prevStage === 'follow_up';
  const closed = st.prevStage === 'closing' || st.closingSeen;
  const returnAfterClose =
    c.gapHours !== null &&
    settled &&
    ((closed && c.gapHours >= 16) || (st.solutionGiven && c.gapHours >= 72));

  // Recovery: apology/empathy answering dissatisfaction, or owning the company's failure (rule 2).
  // An agent who names the customer's feeling ("I'd be fed up too", "that's not good enough") is empathising.
  const namedFeeling = k(a, 'frustration') + k(a, 'complaint') * 0.8 + k(a, 'anger') * 0.5 + k(a, 'rhetorical') * 0.3;
  const heal = apology + empathy + fault + reassure + Math.min(1.2, namedFeeling * 0.8);
  const healOpening =
    Math.min(a.firstAt[K.apology] ?? n, a.firstAt[K.empathy] ?? n, a.firstAt[K.company_fault] ?? n, namedFeeling > 0 ? Math.min(a.firstAt[K.frustration] ?? n, a.firstAt[K.complaint] ?? n) : n) <= 3;
  if (heal > 0) {
    const coveredHeal =
      (a.covered[K.apology] ?? 0) + (a.covered[K.empathy] ?? 0) + (a.covered[K.company_fault] ?? 0) + (a.covered[K.reassure] ?? 0);
    const share = Math.min(1, coveredHeal / n);
    if (customerUpset) {
      s.add('recovery', 1.2 + heal * 0.9 + (healOpening ? 0.8 : 0) + share * 2, 'context', 'answers an upset customer');
      fromCue(s, a, 'apology', 'recovery', 0.01);
      fromCue(s, a, 'empathy', 'recovery', 0.01);
    } else if (fault > 0) {
      const wrapUp = st.prevStage === 'closing' && st.prevSpeaker === 'customer' ? 0.4 : 1;
      s.add('recovery', (1.4 + fault * 0.8) * wrapUp, 'phrase', cueLabel(a, 'company_fault'));
    } else if (
      empathy + namedFeeling > 0 &&
      (healOpening || share >= 0.25) &&
      !(apology > 0 && a.question && ask > 0 && n <= 20) &&
      !(st.prevSpeaker === 'customer' && (st.prevStage === 'closing' || st.prevStage === 'rapport'))
    ) {
      // Empathy that opens the reply or fills much of it ("I can only imagine how wearing that has been") answers
      // dissatisfaction even when the customer's words did not show it plainly; "sorry to hear that, which order?"
      // is a courtesy (rule 6).
      s.add('recovery', 1.5 + (empathy + Math.min(1, namedFeeling)) * 0.6 + share * 1.5 + (healOpening ? 0.4 : 0), 'phrase', cueLabel(a, empathy > 0 ? 'empathy' : 'frustration'));
    } else if (apology > 0 && !(a.question && ask > 0) && (healOpening || n <= 25)) {
      // "…and sorry again for the wait" after the customer's thanks is part of the goodbye.
      const wrapUp = st.prevStage === 'closing' && st.prevSpeaker === 'customer' ? 0.4 : 1;
      s.add('recovery', ((healOpening ? 1.8 : 0.7) + (apology + empathy) * 0.5) * wrapUp, 'phrase', cueLabel(a, 'apology'));
    } else {
      s.add('recovery', heal * 0.4, 'phrase', cueLabel(a, apology > 0 ? 'apology' : 'empathy'));
    }
  } else if (customerUpset && st.prevSpeaker === 'customer') {
    s.add('recovery', 0.4, 'context', 'replies to an upset customer');
  }

  // Greeting: a welcome before the customer has said what they need.
  const greet = k(a, 'greet') + k(a, 'welcome') + k(a, 'help_offer');
  const smallTalk = k(a, 'small_talk') + k(a, 'small_talk_reply') * 0.9;
  if (!st.needStated && st.agentTurns === 0) {
    if (greet > 0) s.add('greeting', 1.5 + greet * 0.8, 'phrase', cueLabel(a, k(a, 'welcome') > 0 ? 'welcome' : k(a, 'help_offer') > 0 ? 'help_offer' : 'greet'));
    else s.add('greeting', 0.8, 'position', "agent's first message");
    if (smallTalk > 0) s.add('greeting', 0.8, 'position', 'friendly opening');
  } else if (!st.needStated && greet > 0 && !returnAfterClose) {
    s.add('greeting', 0.4 + greet * 0.4, 'phrase', cueLabel(a, k(a, 'help_offer') > 0 ? 'help_offer' : 'greet'));
  } else if (st.needStated && k(a, 'help_offer') > 0 && st.agentTurns === 0) {
    s.add('discovery', 0.3, 'phrase', cueLabel(a, 'help_offer'));
  }

  // A short warm reply once the customer has confirmed the outcome ("Glad to hear it! Enjoy the trip") wraps the
  // conversation up: its wishes and small talk close rather than open a new topic (rule 8).
  const afterConfirm =
    st.prevSpeaker === 'customer' &&
    (st.prevStage === 'closing' || st.prevStage === 'follow_up' || (st.prevStage === 'solution' && st.solutionGiven));
  const warm = k(a, 'personal_wish') + k(a, 'resolved') + k(a, 'positive') + smallTalk + k(a, 'personal') + k(a, 'praise');
  const settledByCustomer = st.prevStage === 'closing' || st.prevStage === 'follow_up';
  const wrapUp =
    afterConfirm &&
    steps + ask < 0.8 &&
    !(a.question && k(a, 'anything_else') === 0) &&
    n <= 30 &&
    (k(a, 'personal_wish') + k(a, 'resolved') > 0 || (settledByCustomer && warm > 0));
  if (wrapUp) s.add('closing', 1.0 + Math.min(2, warm) * 0.5, 'context', 'warm reply after the customer confirmed');
  const rapportFactor = wrapUp ? 0.4 : 1;

  // Rapport: small talk after the opening.
  if (st.agentTurns > 0 || st.needStated) {
    if (smallTalk > 0) s.add('rapport', smallTalk * 1.1 * rapportFactor, 'phrase', cueLabel(a, k(a, 'small_talk') > 0 ? 'small_talk' : 'small_talk_reply'));
    if (st.prevStage === 'rapport' && st.prevSpeaker === 'customer' && steps + ask < 1) s.add('rapport', 1.0 * rapportFactor, 'context', 'replies to small talk');
    const personal = k(a, 'personal');
    if (personal > 0 && steps + ask < 1 && heal === 0) s.add('rapport', (0.3 + personal * 0.5) * rapportFactor, 'phrase', cueLabel(a, 'personal'));
  }
  if (k(a, 'personal_wish') + k(a, 'praise') > 0) {
    const ending =
      wrapUp || (st.prevStage === 'closing' && st.prevSpeaker === 'customer') || k(a, 'bye') + k(a, 'anything_else') + k(a, 'thanks') > 0;
    fromCue(s, a, 'personal_wish', ending ? 'closing' : 'rapport', 1.1);
  }

  // Discovery: needs and clarifying questions. A question inside a turn full of information is usually an
  // option or a confirmation of the fix (rule 6), so it counts less there.
  fromCue(s, a, 'ask_detail', 'discovery', a.question ? 1.1 : 0.6);
  if (a.question && k(a, 'check_fix') === 0) {
    s.add('discovery', steps > 1.5 ? 0.2 : st.solutionGiven ? 0.4 : 0.6, 'question', 'asks a question');
  }
  if (st.prevSpeaker === 'customer' && (st.prevStage === 'discovery' || st.prevStage === 'greeting') && a.question && steps < 1.5) {
    s.add('discovery', 0.5, 'context', "follows up on the customer's need");
  }
  if (ask > 0 && !customerUpset && apology > 0 && fault === 0) s.add('discovery', 0.5, 'context', 'courtesy apology before a question');

  // Solution: information, steps, actions, confirmations, checking the fix.
  // In a short question ("is it a transfer to another bank or within the app?") information words describe the
  // need being clarified, not an answer.
  const asking = a.question && n <= 20 && k(a, 'action_done') === 0 ? 0.5 : 1;
  fromCue(s, a, 'instruction', 'solution', 1.0 * asking);
  fromCue(s, a, 'action_done', 'solution', 1.2);
  fromCue(s, a, 'info', 'solution', 1.0 * asking);
  fromCue(s, a, 'check_fix', 'solution', 1.3);
  if (st.needStated && !a.question && steps === 0 && c.substantive === 0 && heal === 0 && greet === 0) {
    s.add('solution', 0.4, 'context', 'statement after the need');
  }
  if (st.prevSpeaker === 'customer' && st.prevStage === 'solution') s.add('solution', 0.6, 'context', 'continues the steps');
  if (long && steps > 0) s.add('solution', 0.5, 'context', 'a substantive answer');

  // Closing: anything else, thanks for contacting, goodbye, survey. A sign-off under a long answer ("Regards,")
  // is not a closing turn.
  const closingKinds = (k(a, 'bye') > 0 ? 1 : 0) + (k(a, 'survey') > 0 ? 1 : 0) + (k(a, 'resolved') > 0 ? 1 : 0) + (k(a, 'anything_else') > 0 ? 1 : 0);
  const signOff = long && steps + ask > 1 && closingKinds < 2 ? 0.25 : 1;
  fromCue(s, a, 'anything_else', 'closing', late ? 1.8 : 1.0);
  fromCue(s, a, 'bye', 'closing', 1.3 * signOff);
  fromCue(s, a, 'survey', 'closing', 1.0 * signOff);
  if (late) {
    fromCue(s, a, 'resolved', 'closing', 1.0 * signOff);
    fromCue(s, a, 'thanks', 'closing', 0.9 * signOff);
    fromCue(s, a, 'welcome', 'closing', 0.6 * signOff);
    if (st.prevStage === 'closing' && st.prevSpeaker === 'customer' && steps + ask < 1.5) {
      s.add('closing', 1.4, 'context', "answers the customer's goodbye");
    }
  } else {
    fromCue(s, a, 'resolved', 'closing', 0.4 * signOff);
  }

  // Follow-up: checking in after a resolution, after a gap or at the start of a returning thread.
  const checkin = k(a, 'checkin');
  if (returnAfterClose) {
    s.add('follow_up', 3.2 + checkin * 0.5, 'time_gap', `writes again after ${describeGap(c.gapHours ?? 0)}`);
  } else if (checkin > 0) {
    if (c.first) s.add('follow_up', 1.2 + checkin, 'position', 'opens with a check-in');
    else if (st.prevStage === 'follow_up' && st.prevSpeaker === 'customer' && a.question) {
      s.add('follow_up', 0.8 + checkin * 0.6, 'context', 'checks how it went');
    } else s.add('follow_up', checkin * 0.4, 'phrase', cueLabel(a, 'checkin'));
  }

  s.add('solution', 0.3, 'speaker', 'agent');
}
