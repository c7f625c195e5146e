/**
 * The generic adapter: a best guess at any helpdesk nobody wrote an adapter for. It is tried after every specific
 * adapter. It finds the largest repeated block of message-like siblings, tells the sides apart from class and
 * attribute words, labels, the agent's own name and (in a browser) layout, skips notes and system lines, and picks
 * the focused or most reply-like editable. Readings carry `certainty: 'guess'` so the panel can say so.
 *
 * Its selectors and vocabulary live together in `generic/vocabulary.ts` (there are few selectors and many words);
 * the pieces: `find-thread` (which block is the conversation), `read-item` (one block), `cues` and `sides` (who
 * spoke), `layout` (sampled geometry), `page-facts` (subject, ticket number, agent name), `editor` (reply box).
 */

import type { Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { findReplyEditor } from './generic/editor';
import { type Thread, findThread } from './generic/find-thread';
import { layoutMeasure } from './generic/layout';
import { channelOf, ownAgentName, subjectNear, ticketNumber } from './generic/page-facts';
import { type ItemFacts, readItemCached } from './generic/read-item';
import { isSelfName, namesMatch, resolveSides } from './generic/sides';
import {
  STRONG_CONVERSATION_WORDS, SYSTEM_TEXT, VETO_SCHEMA, VETO_WORDS, classNamesOf, selectors, wordsOf,
} from './generic/vocabulary';

export { selectors };

interface Analysis {
  thread: Thread;
  /** Messages in conversation order (notes, system lines and empty blocks removed). */
  messages: ItemFacts[];
  sides: Speaker[];
  /** Messages whose side came from evidence, not inference. */
  evidenced: number;
  agentName: string | null;
}

function isRightToLeft(doc: Document): boolean {
  return [doc.documentElement, doc.body].some((el) => el?.getAttribute('dir')?.toLowerCase() === 'rtl');
}

/**
 * Lines without an author or a side that are events ("Status changed"), short asides among signed messages, or
 * lines drawn centred where most lines are not.
 */
function isUnsignedEvent(facts: ItemFacts, mostAreSigned: boolean, fewAreCentered: boolean): boolean {
  if (facts.author || facts.cues.some((cue) => cue.weight >= 2)) return false;
  if (facts.text.length < 160 && SYSTEM_TEXT.test(facts.text)) return true;
  if (fewAreCentered && facts.centered) return true;
  return mostAreSigned && facts.text.length < 80;
}

/** Oldest first: reversed when the times run backwards, or (without times) when the list is drawn bottom-up. */
function inConversationOrder(messages: ItemFacts[], container: Element): ItemFacts[] {
  let rising = 0;
  let falling = 0;
  const times = messages.map((message) => message.sortTime).filter((time): time is number => time !== null);
  for (let index = 1; index < times.length; index += 1) {
    if (times[index]! > times[index - 1]!) rising += 1;
    else if (times[index]! < times[index - 1]!) falling += 1;
  }
  if (rising + falling > 0) return falling > rising ? [...messages].reverse() : messages;
  const drawnBottomUp =
    classNamesOf(container).some((name) => /(?:col|column)-reverse/.test(name)) ||
    /flex-direction:\s*column-reverse/.test(container.getAttribute('style') ?? '');
  return drawnBottomUp ? [...messages].reverse() : messages;
}

function analyse(doc: Document): Analysis | null {
  const thread = findThread(doc);
  if (!thread) return null;
  const rtl = isRightToLeft(doc);
  const facts = thread.items.map((item, index) => readItemCached(item, rtl, thread.sizes?.[index] ?? -1));
  const mostAreSigned = facts.filter((item) => item.author).length >= 0.6 * facts.length;
  const fewAreCentered = facts.filter((item) => item.centered).length * 2 < facts.length;
  const kept = facts.filter(
    (item) => item.kind === 'message' && item.text && !isUnsignedEvent(item, mostAreSigned, fewAreCentered),
  );
  const messages = inConversationOrder(kept, thread.container);
  const agentName = ownAgentName(doc, thread.container);
  const { sides, evidenced } = resolveSides(messages, { agentName, measure: layoutMeasure(thread.container, rtl) });
  return { thread, messages, sides, evidenced, agentName };
}

/** The name most messages of one side are signed with, when one stands out. */
function usualAuthor(analysis: Analysis, side: Speaker, agentName: string | null): string | null {
  const counts = new Map<string, number>();
  let signed = 0;
  analysis.messages.forEach((message, index) => {
    if (analysis.sides[index] !== side || !message.author || isSelfName(message.author, side === 'customer' ? agentName : null)) return;
    signed += 1;
    counts.set(message.author, (counts.get(message.author) ?? 0) + 1);
  });
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) if (count > bestCount) [best, bestCount] = [name, count];
  return best && bestCount >= 0.6 * signed ? best : null;
}

/** Reviews, search results, shop and blog markup around the thread: not a support conversation. */
function looksLikePublicPage(thread: Thread): boolean {
  const marked = (el: Element): boolean =>
    [...classNamesOf(el), el.getAttribute('id') ?? ''].flatMap(wordsOf).some((word) => VETO_WORDS.has(word)) ||
    VETO_SCHEMA.test(el.getAttribute('itemtype') ?? '') ||
    VETO_SCHEMA.test(el.getAttribute('itemprop') ?? '');
  for (let node: Element | null = thread.container, level = 0; node && level < 4; node = node.parentElement, level += 1) {
    if (marked(node)) return true;
  }
  return thread.items.filter(marked).length * 2 >= thread.items.length;
}

function callsItselfAConversation(thread: Thread): boolean {
  const strong = (el: Element): boolean =>
    [...classNamesOf(el), el.getAttribute('id') ?? ''].flatMap(wordsOf).some((word) => STRONG_CONVERSATION_WORDS.has(word));
  for (let node: Element | null = thread.container, level = 0; node && level < 3; node = node.parentElement, level += 1) {
    if (strong(node)) return true;
  }
  return thread.items.filter(strong).length * 2 >= thread.items.length;
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  label: 'Unknown helpdesk (best guess)',

  detect(_url: URL, doc: Document): boolean {
    try {
      const analysis = analyse(doc);
      if (!analysis || analysis.messages.length < 2 || analysis.evidenced === 0) return false;
      if (looksLikePublicPage(analysis.thread)) return false;
      if (!findReplyEditor(doc, analysis.thread.container, analysis.thread.items)) return false;
      const bothSides = analysis.sides.includes('agent') && analysis.sides.includes('customer');
      return bothSides || callsItselfAConversation(analysis.thread);
    } catch {
      return false;
    }
  },

  read(doc: Document): ConversationReading | null {
    try {
      const analysis = analyse(doc);
      if (!analysis || analysis.messages.length === 0) return null;
      const agentName = analysis.agentName ?? usualAuthor(analysis, 'agent', null);
      const customerName = usualAuthor(analysis, 'customer', agentName);
      const container = analysis.thread.container;
      return {
        messages: analysis.messages.map((message, index) => ({
          speaker: analysis.sides[index] ?? 'customer',
          text: message.text,
          at: message.at,
        })),
        ticketId: ticketNumber(doc, container),
        subject: subjectNear(doc, container),
        customerName: customerName && !namesMatch(customerName, agentName) ? customerName : null,
        agentName,
        channel: channelOf(doc, container, analysis.thread.items),
        certainty: 'guess',
      };
    } catch {
      return null;
    }
  },

  findEditor(doc: Document): HTMLElement | null {
    try {
      const thread = findThread(doc);
      return findReplyEditor(doc, thread?.container ?? null, thread?.items ?? []);
    } catch {
      return null;
    }
  },

  conversationRoot(doc: Document): Element | null {
    try {
      return findThread(doc)?.container ?? null;
    } catch {
      return null;
    }
  },
};
