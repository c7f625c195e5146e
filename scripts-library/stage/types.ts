import type { Language, Speaker, Stage } from '../schemas';

export interface Turn {
  speaker: Speaker;
  text: string;
  /** ISO-8601 time, when the page shows one. */
  at?: string | null;
}

export type EvidenceKind = 'phrase' | 'question' | 'position' | 'speaker' | 'time_gap' | 'sentiment' | 'emoji' | 'context';

/** One reason behind a decision: which stage it speaks for, what kind of cue, the cue itself, and how much it counted. */
export interface Evidence {
  stage: Stage;
  kind: EvidenceKind;
  cue: string;
  weight: number;
}

export interface TurnTag {
  stage: Stage;
  /** 0..1 */
  confidence: number;
  lang: Language;
  /** 0..1; customer turns only (agent turns are 0). */
  dissatisfaction: number;
  evidence: Evidence[];
}

export interface PanelStage {
  stage: Stage;
  confidence: number;
  evidence: Evidence[];
  pinned: boolean;
  /** Index of the turn the suggestion is based on (the last turn), or null for an empty conversation. */
  basedOnTurn: number | null;
}
