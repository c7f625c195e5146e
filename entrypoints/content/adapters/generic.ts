/**
 * The generic adapter: a best guess at any helpdesk nobody wrote an adapter for. It is tried after every specific
 * adapter. It finds the largest repeated block of message-like siblings, tells the sides apart from class and
 * attribute words, labels, the agent's own name and (in a browser) layout, skips notes and system lines, and picks
 * the focused or most reply-like editable. Readings carry `certainty: 'guess'` so the panel can say so.
 *
 * Its selectors and vocabulary live together in `generic/vocabulary.ts` (few selectors, many words; re-exported
 * here as `selectors`). The pieces: `page-scan` and `find-thread` (which block is the conversation), `read-item`,
 * `message-body` and `author-time` (one block), `cues` and `sides` (who spoke), `layout` (sampled geometry),
 * `page-facts` (subject, ticket number, agent name, channel), `editor` (reply box).
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

/**
 * Whether the blocks are newest first: the times run backwards, or (without times) the list is drawn bottom-up.
 * Null when nothing tells.
 */
function isNewestFirst(messages: readonly ItemFacts[], container: Element): boolean | null {
  let rising = 0;
  let falling = 0;
  const times = messages.map((message) => message.sortTime).filter((time): time is number => time !== null);
  for (let index = 1; index < times.length; index += 1) {
    if (times[index]! > times[index - 1]!) rising += 1;
    else if (times[index]! < times[index - 1]!) falling += 1;
  }
  if (rising + falling > 0) return falling > rising;
  const drawnBottomUp =
    classNamesOf(container).some((name) => /(?:col|column)-reverse/.test(name)) ||
    /flex-direction:\s*column-reverse/.test(container.getAttribute('style') ?? '');
  return drawnBottomUp ? true : null;
}

/**
 * The content script calls detect, conversationRoot, read and findEditor back to back on every change; they share
 * one look at the page for as long as the page stays put. A mutation observer, alive only until the current task
 * ends, tells whether anything changed in between (our callers may change the page; the page itself cannot run
 * until the task is over). Without MutationObserver (plain Node) every call looks afresh.
 */
interface SharedLook {
  doc: Document;
  watcher: MutationObserver;
  thread: Thread | null;
  analysis?: Analysis | null;
}
let shared: SharedLook | null = null;

function sharedLook(doc: Document): { thread: Thread | null; analysis?: Analysis | null; keep(analysis: Analysis | null): void } {
  if (shared && shared.doc === doc && shared.watcher.takeRecords().length === 0) {
    const look = shared;
    return { thread: look.thread, analysis: look.analysis, keep: (analysis) => (look.analysis = analysis) };
  }
  shared?.watcher.disconnect();
  shared = null;
  const thread = findThread(doc);
  if (typeof MutationObserver !== 'function' || typeof queueMicrotask !== 'function') return { thread, keep: () => {} };
  const watcher = new MutationObserver(() => {});
  watcher.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  const look: SharedLook = { doc, watcher, thread };
  shared = look;
  queueMicrotask(() => {
    watcher.disconnect();
    if (shared === look) shared = null;
  });
  return { thread, keep: (analysis) => (look.analysis = analysis) };
}

function threadOf(doc: Document): Thread | null {
  return sharedLook(doc).thread;
}

function analyse(doc: Document): Analysis | null {
  const look = sharedLook(doc);
  if (look.analysis !== undefined) return look.analysis;
  const analysis = analyseThread(doc, look.thread);
  look.keep(analysis);
  return analysis;
}

function analyseThread(doc: Document, thread: Thread | null): Analysis | null {
  if (!thread) return null;
  const rtl = isRightToLeft(doc);
  const facts = thread.items.map((item) => readItemCached(item, rtl));
  const mostAreSigned = facts.filter((item) => item.author).length >= 0.6 * facts.length;
  const fewAreCentered = facts.filter((item) => item.centered).length * 2 < facts.length;
  const kept = facts.filter(
    (item) => item.kind === 'message' && item.text && !isUnsignedEvent(item, mostAreSigned, fewAreCentered),
  );
  const newestFirst = isNewestFirst(kept, thread.container);
  const messages = newestFirst ? [...kept].reverse() : kept;
  const agentName = ownAgentName(doc, thread.container);
  const { sides, evidenced } = resolveSides(messages, { agentName, layout: () => layoutMeasure(thread.container, rtl) });
  // Nothing dates the blocks: a ticket (not a chat, which always runs downwards) that starts with the agent and
  // ends with the customer is far likelier a newest-first list of a customer-opened ticket.
  const looksReversed =
    newestFirst === null && evidenced > 0 && sides[0] === 'agent' && sides.at(-1) === 'customer' &&
    channelOf(doc, thread.container, thread.items) !== 'chat';
  if (looksReversed) {
    messages.reverse();
    sides.reverse();
  }
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
      const thread = threadOf(doc);
      return findReplyEditor(doc, thread?.container ?? null, thread?.items ?? []);
    } catch {
      return null;
    }
  },

  conversationRoot(doc: Document): Element | null {
    try {
      return threadOf(doc)?.container ?? null;
    } catch {
      return null;
    }
  },
};

/*
 * Modelled on (conventions, not any one product's code):
 * - /work/shared/field-notes.md: the helpdesk DOMs described there (Zendesk `type="end-user"`/`agent`, FreeScout
 *   `thread-type-*`, osTicket `.message`/`.response`/`.note`/`.thread-event`, Zammad `.customer`/`.agent`/
 *   `.is-internal`, Chatwoot `justify-start`/`justify-end`, `li.left`/`li.right`/`li.center`, `is-private`).
 * - Common chat-widget markup: BEM modifiers (`msg--in`/`msg--out`, `bubble--left`), Tailwind and Bootstrap
 *   alignment utilities (`justify-end`, `ml-auto`, `float-right`, `text-center`), `data-direction`,
 *   `data-sender-type` and `data-test-id` attributes, `<time datetime>` (HTML Living Standard).
 * - WAI-ARIA roles (`textbox`, `navigation`, `search`, `log`) and schema.org types (`Review`, `Product`,
 *   `NewsArticle`, `Comment`) for what is, and is not, a conversation.
 * - The other adapters' fixtures in tests/adapters/fixtures, read as unseen helpdesks while tuning.
 */
