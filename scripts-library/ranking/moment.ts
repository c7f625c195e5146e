import type { Channel, Language, Stage } from '../schemas';
import type { HealStep } from '../heal';

/** Everything about "this moment" in a conversation that decides which script should come first. */
export interface RankingMoment {
  /** What the agent's next reply should do (the panel's stage). */
  stage: Stage;
  /**
   * Other stages the moment could be, 0..1, when the detector is unsure (see `stageWeightsFromEvidence`). Capped
   * below the stage itself.
   */
  otherStages?: Partial<Record<Stage, number>>;
  /** The customer's language, or the reply language the agent chose. */
  customerLanguage: Language;
  /** The language the agent writes in (this conversation, else their interface language). */
  agentLanguage?: Language | null;
  channel: Channel | null;
  /** Customer messages, oldest first, plus the subject: the words scripts are matched against. */
  customerTexts: readonly string[];
  subject?: string | null;
  /** Agent messages already sent: a script whose wording appears in one counts as used. */
  agentTexts: readonly string[];
  /** Scripts inserted in this conversation. */
  usedScriptIds?: ReadonlySet<string>;
  /** In recovery, the HEAL step still to do: scripts that carry it out come first among equals. */
  nextHealStep?: HealStep | null;
  /** For recency; the clock when absent. */
  now?: number;
}

/** The other writing of the same language (a Hinglish chat can take a Devanagari reply, and the reverse). */
export function siblingLanguage(lang: Language): Language | null {
  switch (lang) {
    case 'hi':
      return 'hi-Latn';
    case 'hi-Latn':
      return 'hi';
    case 'ta':
      return 'ta-Latn';
    case 'ta-Latn':
      return 'ta';
    case 'te':
      return 'te-Latn';
    case 'te-Latn':
      return 'te';
    default:
      return null;
  }
}
