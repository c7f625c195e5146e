import type { ScriptKind, Stage } from '../schemas';

/**
 * How much each factor counts. The weights are tiered on purpose: a script for the right stage always beats one for
 * another stage, and within a stage a script in the customer's language always beats one in a worse language,
 * whatever the softer factors say. The soft factors (kind, HEAL step, shared words, pack, favourite, recency,
 * frequency) together stay under one language step (0.2 × 20 = 4), and "already used" takes a script just below
 * every unused one of its tier, so the agent is not offered the line they just sent.
 */
export const WEIGHTS = {
  stage: 100,
  language: 20,
  /** A script written for another channel (an email-only letter in a chat) drops more than two language steps. */
  channelMismatch: -10,
  channelMatch: 0.3,
  kind: 0.9,
  heal: 0.5,
  words: 0.9,
  pack: 0.3,
  favourite: 0.5,
  recency: 0.2,
  frequency: 0.2,
  used: -3.9,
} as const;

/** The most the soft factors can add: the ranker skips scripts that cannot reach the current top list. */
export const SOFT_MAX =
  WEIGHTS.channelMatch + WEIGHTS.kind + WEIGHTS.heal + WEIGHTS.words + WEIGHTS.pack + WEIGHTS.favourite + WEIGHTS.recency + WEIGHTS.frequency;

/** Language fit levels: the customer's language, its other script, the agent's language, English. */
export const LANGUAGE_FIT = { customer: 1, sibling: 0.8, agent: 0.6, english: 0.4 } as const;

/** A stage the detector also considered, or a stage next to the moment's, fits partly (never close to the stage itself). */
export const STAGE_FIT = { secondaryMax: 0.7, neighbour: 0.2 } as const;

/** Stages a reply often borrows from: a recovery reply ends with a solution, a closing with a follow-up promise. */
export const NEIGHBOUR_STAGES: Record<Stage, readonly Stage[]> = {
  greeting: ['rapport'],
  rapport: ['greeting', 'discovery'],
  discovery: ['solution'],
  solution: ['discovery', 'closing'],
  recovery: ['solution'],
  closing: ['follow_up', 'solution'],
  follow_up: ['closing'],
};

/** Kinds that lead within a stage, best first: in recovery the apology comes before anything else. */
export const LEADING_KINDS: Partial<Record<Stage, readonly ScriptKind[]>> = {
  recovery: ['apology', 'empathy'],
  closing: ['gratitude', 'closing'],
};

/** Shared words: this much matched weight (two topics in common) counts in full. */
export const WORDS_SATURATION = 2;
/** A word in more than this share of the library (articles, pronouns, "thank") says nothing about a topic. */
export const RARE_WORD_SHARE = 0.05;
/** A conversation word's weight relative to a topic shared across languages. */
export const WORD_WEIGHT = 0.5;
/** Earlier customer messages and the subject count less than the latest message. */
export const EARLIER_TEXT_WEIGHT = 0.6;
/** Recency halves every three days. */
export const RECENCY_HALF_LIFE_MS = 3 * 24 * 60 * 60 * 1000;
