import type { Language, Speaker } from '../schemas';
import { HEAL_STEPS, type HealStep } from './cues';
import { healStepsIn } from './detect';

/** Where an agent's words were found: a message already sent, or a script inserted into the reply being written. */
export type HealSource = 'sent' | 'draft';

export interface AgentWriting {
  text: string;
  lang: Language | null;
  source: HealSource;
}

export interface HealStepState {
  step: HealStep;
  done: boolean;
  source: HealSource | null;
  /** The words that ticked it, as the cue list spells them. */
  cue: string | null;
}

export interface HealProgress {
  steps: HealStepState[];
  /** The step a suggestion should help with next, or null when all four are done. */
  next: HealStep | null;
}

/** Order in which the coach asks for the steps once the customer is upset: the apology cannot wait. */
const NEXT_ORDER: readonly HealStep[] = ['empathise', 'hear', 'lead', 'provide'];

/**
 * Which HEAL steps the agent has already taken in this recovery, from what they wrote. A sent message outranks a
 * draft as the source (it is what the customer saw); each step keeps the first cue that ticked it.
 */
export function healProgress(writings: readonly AgentWriting[]): HealProgress {
  const states = new Map<HealStep, HealStepState>(HEAL_STEPS.map((step) => [step, { step, done: false, source: null, cue: null }]));
  const ordered = [...writings.filter((w) => w.source === 'sent'), ...writings.filter((w) => w.source === 'draft')];
  for (const writing of ordered) {
    for (const { step, cue } of healStepsIn(writing.text, writing.lang)) {
      const state = states.get(step) as HealStepState;
      if (state.done) continue;
      state.done = true;
      state.source = writing.source;
      state.cue = cue;
    }
  }
  const steps = HEAL_STEPS.map((step) => states.get(step) as HealStepState);
  const next = NEXT_ORDER.find((step) => !states.get(step)?.done) ?? null;
  return { steps, next };
}

export interface TurnForHeal {
  speaker: Speaker;
  text: string;
  /** The detector's tag for the turn. */
  stage: string;
  dissatisfaction: number;
  lang: Language;
}

/** A customer turn at or above this reads as upset even when the detector tagged it otherwise. */
const UPSET = 0.5;

/**
 * Where the current recovery began: the first upset customer turn of the latest run of upset turns (-1: none).
 * Apologies said before the complaint (for a wait, say) do not tick the checklist.
 */
export function recoveryStart(turns: readonly TurnForHeal[]): number {
  let start = -1;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i] as TurnForHeal;
    if (turn.speaker !== 'customer') continue;
    const upset = turn.stage === 'recovery' || turn.dissatisfaction >= UPSET;
    if (upset) start = i;
    else if (start !== -1) break;
  }
  return start;
}

/** The agent's turns that belong to the current recovery (after `recoveryStart`). */
export function recoveryAgentTurns(turns: readonly TurnForHeal[]): TurnForHeal[] {
  const start = recoveryStart(turns);
  if (start === -1) return [];
  return turns.slice(start + 1).filter((t) => t.speaker === 'agent');
}
