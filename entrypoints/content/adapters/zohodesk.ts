/**
 * Zoho Desk agent interface (`desk.zoho.<region>/agent/<portal>/<department>/tickets/details/<id>`). The ticket
 * detail view lists threads (incoming and outgoing mails, chats, call logs) with comments mixed in; comments are
 * internal (or, when public, remarks rather than replies) and are not messages. The ticket list beside the detail
 * view shows previews of other tickets and is never read. Zoho Desk's class names are generated, so the adapter leans
 * on `data-id` hooks, thread attributes and class words (incoming/outgoing, comment), in that order.
 */
import type { Channel, Message, Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText } from './message-text';
import {
  all,
  channelFromLabel,
  cleanName,
  digitsOf,
  first,
  firstText,
  idFromUrl,
  isHidden,
  looseTimeOf,
  markerWords,
  oldestFirst,
  safely,
} from './ticket-page-helpers';

const selectors = {
  detailMarkers: [
    '[data-id="ticketDetailView"]',
    '[data-id="threadList"]',
    '[data-id^="thread_"]',
    '[class*="TicketDetailView"]',
    '[class*="ticketDetailView"]',
  ],
  detailView: ['[data-id="ticketDetailView"]', '[class*="TicketDetailView"]', '[class*="ticketDetailView"]'],
  threadList: ['[data-id="threadList"]', '[data-id="conversationList"]', '[class*="ThreadList"]', '[class*="threadList"]'],
  thread: ['[data-id^="thread_"]', '[data-thread-id]', '[class*="ThreadItem"]', '[class*="threadItem"]'],
  directionAttributes: ['data-direction', 'data-author-type', 'data-thread-type', 'data-type'],
  body: ['[data-id="threadContent"]', '[class*="threadContent"]', '[class*="ThreadContent"]', '[class*="mailContent"]'],
  author: ['[data-id="threadAuthor"]', '[class*="authorName"]', '[class*="AuthorName"]'],
  time: ['time[datetime]', '[data-id="threadTime"]', '[class*="threadTime"]', '[class*="ThreadTime"]'],
  channel: ['[data-id="threadChannel"]', '[data-channel]', '[class*="channelIcon"]'],
  subject: ['[data-id="ticketSubject"]', '[class*="ticketSubject"]', '[class*="TicketSubject"]'],
  ticketNumber: ['[data-id="ticketNumber"]', '[class*="ticketNumber"]', '[class*="TicketNumber"]'],
  contactName: ['[data-id="contactName"]', '[class*="contactName"]', '[class*="ContactName"]'],
  ticketOwner: ['[data-id="ticketOwner"]', '[class*="ticketOwner"]', '[class*="TicketOwner"]'],
  editor: [
    '[data-id="replyEditor"] [contenteditable="true"]',
    '[class*="ReplyEditor"] [contenteditable="true"]',
    '[class*="replyEditor"] [contenteditable="true"]',
    '.KB_Editor_Content[contenteditable="true"]',
  ],
  /** The rich-text editor can live in a same-origin iframe whose body is editable. */
  editorFrame: ['[data-id="replyEditor"] iframe', '[class*="ReplyEditor"] iframe', 'iframe.KB_Editor_iframe'],
} as const;

const DETAILS_PATH = /\/tickets\/details\/(\d+)/;

interface ThreadRead {
  message: Message;
  author: string | null;
  channel: Channel | null;
}

function detailView(doc: Document): Element | null {
  const views = all(doc, selectors.detailView);
  const outer = views.filter((v) => !views.some((o) => o !== v && o.contains(v)));
  const shown = outer.find((v) => !isHidden(v));
  if (shown) return shown;
  // Layouts without a named detail view: the thread list's own container is the ticket.
  const list = all(doc, selectors.threadList).find((l) => !isHidden(l));
  return list?.parentElement ?? null;
}

function speakerOf(thread: Element): Speaker | 'skip' {
  const words = markerWords(thread, selectors.directionAttributes) + ' ' + (thread.getAttribute('data-id') ?? '').toLowerCase();
  if (/comment|private|draft|system|activity/.test(words)) return 'skip';
  const direction = (thread.getAttribute('data-direction') ?? '').toLowerCase();
  if (direction === 'in') return 'customer';
  if (direction === 'out') return 'agent';
  if (/\b(incoming|inbound|end_?user|enduser|customer|contact)\b|incoming/.test(words)) return 'customer';
  if (/\b(outgoing|outbound|agent|reply)\b|outgoing/.test(words)) return 'agent';
  return 'skip';
}

function readThread(thread: Element): ThreadRead | null {
  const speaker = speakerOf(thread);
  if (speaker === 'skip') return null;
  const body = first(thread, selectors.body);
  if (!body) return null;
  const text = messageText(body);
  if (!text) return null;
  const channelEl = first(thread, selectors.channel);
  const channelLabel = channelEl ? [channelEl.getAttribute('data-channel'), channelEl.getAttribute('title'), channelEl.getAttribute('aria-label'), channelEl.textContent].filter(Boolean).join(' ') : null;
  return {
    message: { speaker, text, at: looseTimeOf(first(thread, selectors.time)) },
    author: cleanName(firstText(thread, selectors.author)),
    channel: channelFromLabel(channelLabel ?? thread.getAttribute('data-channel')),
  };
}

function threadsOf(view: Element): Element[] {
  const list = first(view, selectors.threadList) ?? view;
  const candidates = all(list, selectors.thread);
  // Thread wrappers nest a header and content that can match again: keep the outermost.
  return candidates.filter((t) => !candidates.some((o) => o !== t && o.contains(t)) && !isHidden(t, list));
}

function read(doc: Document): ConversationReading | null {
  const view = detailView(doc);
  if (!view) return null;
  const reads = threadsOf(view)
    .map((thread) => safely(() => readThread(thread), null))
    .filter((r): r is ThreadRead => r !== null);
  const subject = firstText(view, selectors.subject);
  if (reads.length === 0 && !subject) return null;
  return {
    // Zoho Desk lists the latest thread first unless the agent switched the order; times settle it either way.
    messages: oldestFirst(reads.map((r) => r.message), 'newest-first'),
    ticketId: digitsOf(firstText(view, selectors.ticketNumber)) ?? idFromUrl(doc, DETAILS_PATH),
    subject,
    customerName: cleanName(firstText(view, selectors.contactName) ?? firstText(doc, selectors.contactName)) ?? reads.find((r) => r.message.speaker === 'customer')?.author ?? null,
    agentName: cleanName(firstText(view, selectors.ticketOwner)) ?? reads.find((r) => r.message.speaker === 'agent')?.author ?? null,
    channel: reads.find((r) => r.message.speaker === 'customer' && r.channel)?.channel ?? reads.find((r) => r.channel)?.channel ?? null,
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  const scope = detailView(doc) ?? doc;
  const inline = all(scope, selectors.editor).find((el) => !isHidden(el));
  if (inline) return inline as HTMLElement;
  for (const frame of all(scope, selectors.editorFrame)) {
    const body = safely(() => (frame as HTMLIFrameElement).contentDocument?.body ?? null, null);
    if (body && (body.isContentEditable || body.getAttribute('contenteditable') === 'true')) return body;
  }
  return null;
}

export const zohodeskAdapter: SiteAdapter = {
  id: 'zohodesk',
  label: 'Zoho Desk',
  detect: (url, doc) =>
    safely(() => /^desk\.zoho\.(com|eu|in|com\.au|jp|com\.cn|sa|ca|uk)$/i.test(url.hostname) && first(doc, selectors.detailMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) => safely(() => detailView(doc), null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Zoho Desk help: "Ticket detail view", "Conversation view: threads and comments", "Private and public comments",
 *   "Reply editor" (threads with incoming/outgoing direction, comments inline, newest first by default with a
 *   sort toggle, ticket list with previews beside the detail view, ticket number and contact in the header).
 * - Zoho Desk REST API: threads have direction (in/out), channel (EMAIL, PHONE, CHAT, WEB, FACEBOOK, …),
 *   author.type (AGENT/END_USER), isPrivate; ticket detail URLs /agent/{portal}/{department}/tickets/details/{id}.
 * Not confirmed from public sources: the markup itself. The data-id names are the adapter's best reading of the
 * product's hooks and are backed by class-word and attribute fallbacks; treat this adapter as the least certain of
 * the set and check it against a live account.
 */
