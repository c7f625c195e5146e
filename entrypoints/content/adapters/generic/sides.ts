/**
 * Telling the customer from the agent on an unknown page. Evidence comes first (side cues that vary between
 * messages, the agent's own name, layout on a small sample); then what is known spreads to messages by the same
 * author or of the same markup; only then do weaker guesses apply (the other markup is the other side; a ticket
 * starts with the customer).
 */

import type { Speaker } from '@/scripts-library/schemas';
import type { ItemFacts } from './read-item';
import { SELF_NAMES, foldAccents } from './vocabulary';

export interface SideOptions {
  /** The signed-in agent's name from the page chrome. */
  agentName: string | null;
  /**
   * Makes a layout reader (side from geometry, or null when it cannot tell), or undefined when the page has no
   * layout. Called only when markup leaves messages undecided, so a page whose classes say it all never forces a
   * layout; the reader then runs on a bounded sample.
   */
  layout?: () => ((el: Element) => Speaker | null) | undefined;
}

export interface SideResult {
  sides: Speaker[];
  /** How many messages got their side from evidence rather than inference. */
  evidenced: number;
}

/** Layout is read for at most this many messages (the newest), the rest follow by markup or author. */
const LAYOUT_SAMPLE = 40;

function normalName(name: string): string[] {
  return foldAccents(name.toLowerCase())
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** "Daniel Brooks" matches "Daniel Brooks", "Daniel B." and "Daniel"; "Daniel Smith" does not match "Daniel Brooks". */
export function namesMatch(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = normalName(a);
  const y = normalName(b);
  if (x.length === 0 || y.length === 0 || x[0] !== y[0]) return false;
  if (x.length === 1 || y.length === 1) return true;
  return x[1]![0] === y[1]![0];
}

export function isSelfName(author: string | null, agentName: string | null): boolean {
  if (!author) return false;
  return SELF_NAMES.has(foldAccents(author.toLowerCase().trim())) || namesMatch(author, agentName);
}

function opposite(side: Speaker): Speaker {
  return side === 'agent' ? 'customer' : 'agent';
}

/** `messages` must be in conversation order: the fallbacks rely on who spoke first. */
export function resolveSides(messages: readonly ItemFacts[], options: SideOptions): SideResult {
  const count = messages.length;
  const sourceCount = new Map<string, number>();
  for (const message of messages) {
    for (const source of new Set(message.cues.map((cue) => cue.source))) {
      sourceCount.set(source, (sourceCount.get(source) ?? 0) + 1);
    }
  }
  // A source every message carries says nothing about sides, unless nothing else does (all one side so far).
  const varies = (source: string): boolean => count < 2 || (sourceCount.get(source) ?? 0) < count;
  const anyVarying = messages.some((message) => message.cues.some((cue) => varies(cue.source)));

  // Evidence: a cue that varies between messages, a role or direction word (weight 2+) even when every message
  // carries it, or the agent's own name. A constant alignment or "reply" class sets a side but proves nothing.
  let evidenced = 0;
  const fromMarkup = new Set<ItemFacts>();
  const sides: Array<Speaker | null> = messages.map((message) => {
    let score = 0;
    let proven = false;
    const counted = new Set<string>();
    for (const cue of message.cues) {
      const key = `${cue.source}|${cue.side}`;
      if (counted.has(key) || (anyVarying && !varies(cue.source))) continue;
      counted.add(key);
      score += cue.side === 'agent' ? cue.weight : -cue.weight;
      if (anyVarying || cue.weight >= 2) proven = true;
    }
    const side = score >= 1 ? 'agent' : score <= -1 ? 'customer' : null;
    if (side) fromMarkup.add(message);
    // The agent's own name decides, unless the markup clearly says customer (a customer sharing the first name).
    if (isSelfName(message.author, options.agentName) && !(side === 'customer' && score <= -2)) {
      if (side !== 'agent') fromMarkup.delete(message);
      evidenced += 1;
      return 'agent';
    }
    if (side && proven) evidenced += 1;
    return side;
  });

  // Markup spreads to markup of the same kind; a side known from a name does not (both sides share the markup then).
  const spread = (keyOf: (message: ItemFacts) => string | null, onlyMarkup = false): void => {
    const votes = new Map<string, number>();
    messages.forEach((message, index) => {
      const key = keyOf(message);
      const side = sides[index];
      if (onlyMarkup && !fromMarkup.has(message)) return;
      if (key && side) votes.set(key, (votes.get(key) ?? 0) + (side === 'agent' ? 1 : -1));
    });
    messages.forEach((message, index) => {
      const key = keyOf(message);
      const vote = key ? votes.get(key) ?? 0 : 0;
      if (!sides[index] && vote !== 0) sides[index] = vote > 0 ? 'agent' : 'customer';
    });
  };
  const byAuthor = (message: ItemFacts): string | null => (message.author ? normalName(message.author).join(' ') : null);
  const bySignature = (message: ItemFacts): string => message.signature;

  spread(byAuthor);
  spread(bySignature, true);

  const measure = sides.some((side) => !side) ? options.layout?.() : undefined;
  if (measure) {
    const unresolved = sides.map((side, index) => (side ? -1 : index)).filter((index) => index >= 0);
    for (const index of unresolved.slice(-LAYOUT_SAMPLE)) {
      const side = measure(messages[index]!.el);
      if (side) {
        sides[index] = side;
        fromMarkup.add(messages[index]!);
        evidenced += 1;
      }
    }
    spread(bySignature, true);
    spread(byAuthor);
  }

  const known = new Set(sides.filter((side): side is Speaker => !!side));
  if (known.size === 1 && sides.some((side) => !side)) {
    // Only one side is marked (a product that flags customers only): unlike markup from an unlike author is the other.
    const [side] = [...known] as [Speaker];
    const signatures = new Set(messages.filter((_, index) => sides[index] === side).map(bySignature));
    const authors = new Set(messages.filter((_, index) => sides[index] === side).map(byAuthor));
    messages.forEach((message, index) => {
      if (sides[index]) return;
      const author = byAuthor(message);
      if (author ? !authors.has(author) : !signatures.has(bySignature(message))) sides[index] = opposite(side);
    });
  }

  if (known.size === 0) {
    // Nothing marks a side: a support conversation starts with the customer, so the first author (or the first
    // kind of block, when there are exactly two kinds) is the customer's.
    const firstAuthor = messages.map(byAuthor).find((author) => author);
    const signatures = new Set(messages.map(bySignature));
    messages.forEach((message, index) => {
      const author = byAuthor(message);
      if (firstAuthor && author) sides[index] = author === firstAuthor ? 'customer' : 'agent';
      else if (!firstAuthor && signatures.size === 2) {
        sides[index] = bySignature(message) === bySignature(messages[0]!) ? 'customer' : 'agent';
      }
    });
  }

  return { sides: sides.map((side) => side ?? 'customer'), evidenced };
}
