import { findPhrases, maskSpans } from '../phrasing/matcher';
import type { PhraseKind } from '../phrasing/lexicon';
import type { Language, Speaker, Stage } from '../schemas';

/**
 * A finished conversation held against the method of the source articles (seeds/README.md): was the customer
 * greeted warmly and by name, were their needs asked, was an upset customer heard, empathised with, apologised to
 * and told the next step (HEAL), and were they thanked. This is what a trainer coaches on, so every point names the
 * turn and the words that settled it.
 */
export const REVIEW_POINTS = ['greeting', 'name', 'needs', 'heard', 'empathy', 'apology', 'next-step', 'thanks'] as const;
export type ReviewPoint = (typeof REVIEW_POINTS)[number];

/** `pending`: not done yet, and the conversation waits on the agent's next reply, which should do it. */
export type ReviewStatus = 'met' | 'missed' | 'pending' | 'not-needed';

export interface ReviewItem {
  point: ReviewPoint;
  status: ReviewStatus;
  /** The turn that shows it (met), or where it was due (missed); null when there is none. */
  turn: number | null;
  /** The words that showed it, as written in the turn. */
  cue: string | null;
}

export interface ConversationReview {
  items: ReviewItem[];
  /** Customer turns that read as dissatisfied: where HEAL was due. */
  upsetTurns: number[];
  met: number;
  applicable: number;
}

export interface ReviewTurn {
  speaker: Speaker;
  text: string;
}

/** What the stage detector said about each turn (its `TurnTag`s); only these fields are read. */
export interface ReviewTag {
  stage: Stage;
  lang: Language;
  dissatisfaction: number;
}

/** A customer turn at or above this reads as upset (the detector's scale, 0..1). */
const UPSET = 0.5;

interface Found {
  turn: number;
  cue: string;
}

export function reviewConversation(
  turns: readonly ReviewTurn[],
  tags: readonly ReviewTag[],
  { customerName = null, lang = 'en' }: { customerName?: string | null; lang?: Language } = {},
): ConversationReview {
  const agentTurns = turns.map((t, i) => ({ ...t, index: i })).filter((t) => t.speaker === 'agent');
  const langOf = (i: number): Language => tags[i]?.lang ?? lang;
  /** Agents write in the customer's language and fall back on English: look for both. */
  const find = (i: number, kind: PhraseKind, text = turns[i]!.text): string | null => {
    for (const l of new Set<Language>([langOf(i), lang, 'en'])) {
      const match = findPhrases(text, l, kind)[0];
      if (match) return match.text;
    }
    return null;
  };
  const firstAgent = (from: number, test: (i: number) => string | null): Found | null => {
    for (const turn of agentTurns) {
      if (turn.index < from) continue;
      const cue = test(turn.index);
      if (cue) return { turn: turn.index, cue };
    }
    return null;
  };
  const lastAgent = agentTurns.at(-1)?.index ?? -1;
  const waitingOnAgent = turns.length > 0 && turns[turns.length - 1]!.speaker === 'customer';
  /** Missed, unless the agent has not answered since it became due: then it is the next reply's job. */
  const item = (point: ReviewPoint, found: Found | null, dueAt: number | null, dueFrom = 0): ReviewItem =>
    found
      ? { point, status: 'met', turn: found.turn, cue: found.cue }
      : { point, status: waitingOnAgent && lastAgent < dueFrom ? 'pending' : 'missed', turn: dueAt, cue: null };
  const notNeeded = (point: ReviewPoint): ReviewItem => ({ point, status: 'not-needed', turn: null, cue: null });

  const firstAgentTurn = agentTurns[0]?.index ?? null;
  const items: ReviewItem[] = [];

  // Greeting: in the agent's first or second message (a chat may open with the customer's question).
  const greetingWindow = agentTurns.slice(0, 2).map((t) => t.index);
  const greeting = greetingWindow.map((i) => (find(i, 'greeting') ? { turn: i, cue: find(i, 'greeting')! } : null)).find(Boolean) ?? null;
  // Due in the first two agent messages: pending until the agent has written two, missed after.
  items.push(item('greeting', greeting, firstAgentTurn, agentTurns.length < 2 ? Infinity : -1));

  // Personal touch: the customer's name, when the page knew it.
  const firstName = customerName?.trim().split(/\s+/)[0] ?? '';
  if (firstName.length >= 2) {
    const lowered = firstName.toLocaleLowerCase();
    items.push(item('name', firstAgent(0, (i) => (turns[i]!.text.toLocaleLowerCase().includes(lowered) ? firstName : null)), firstAgentTurn, Infinity));
  } else {
    items.push(notNeeded('name'));
  }

  // Needs: a question before (or instead of) the solution.
  const needs = firstAgent(0, (i) => find(i, 'needs_question') ?? askedQuestion(turns[i]!.text, tags[i]?.stage));
  items.push(item('needs', needs, firstAgentTurn, turns.length > 0 && firstAgentTurn === null ? 0 : Infinity));

  // HEAL, from the first upset customer turn on.
  const upsetTurns = turns
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => t.speaker === 'customer' && ((tags[i]?.dissatisfaction ?? 0) >= UPSET || tags[i]?.stage === 'recovery'))
    .map(({ i }) => i);
  const upset = upsetTurns[0];
  if (upset === undefined) {
    items.push(notNeeded('heard'), notNeeded('empathy'), notNeeded('apology'), notNeeded('next-step'));
  } else {
    const reply = agentTurns.find((t) => t.index > upset)?.index ?? null;
    const defensive = firstAgent(upset + 1, (i) => find(i, 'defensive'));
    items.push(
      reply === null
        ? { point: 'heard', status: waitingOnAgent ? 'pending' : 'missed', turn: upset, cue: null }
        : defensive
          ? { point: 'heard', status: 'missed', turn: defensive.turn, cue: defensive.cue }
          : { point: 'heard', status: 'met', turn: reply, cue: null },
    );
    items.push(item('empathy', firstAgent(upset + 1, (i) => find(i, 'empathy')), reply ?? upset, upset));
    items.push(item('apology', firstAgent(upset + 1, (i) => find(i, 'apology')), reply ?? upset, upset));
    items.push(
      item(
        'next-step',
        firstAgent(upset + 1, (i) => {
          // "I regret" and "I understand" end like "I will" in Tamil and Telugu: look past them.
          const text = turns[i]!.text;
          const spans = [...findPhrases(text, langOf(i), 'apology'), ...findPhrases(text, langOf(i), 'empathy')];
          return find(i, 'next_step', maskSpans(text, spans));
        }),
        reply ?? upset,
        upset,
      ),
    );
  }

  // Gratitude: thanks from the agent after the opening (a "thanks for contacting us" greeting is not the thanks).
  const thanks = firstAgent((agentTurns[1]?.index ?? Infinity), (i) => find(i, 'thanks')) ?? (agentTurns.length === 1 && tags[firstAgentTurn!]?.stage === 'closing' ? firstAgent(0, (i) => find(i, 'thanks')) : null);
  items.push(item('thanks', thanks, agentTurns.at(-1)?.index ?? null, Infinity));

  const applicable = items.filter((i) => i.status !== 'not-needed').length;
  return { items, upsetTurns, met: items.filter((i) => i.status === 'met').length, applicable };
}

/** A question the agent asked while the need was still open (not "anything else?" at the close). */
function askedQuestion(text: string, stage: Stage | undefined): string | null {
  if (stage === 'closing' || stage === 'follow_up' || stage === 'rapport') return null;
  const question = text.split(/(?<=[.!?।])\s+/).find((sentence) => sentence.includes('?'));
  if (!question) return null;
  return question.length > 80 ? `${question.slice(0, 77)}…` : question;
}
