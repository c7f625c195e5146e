/**
 * Gorgias helpdesk (`<account>.gorgias.com/app/ticket/<id>` or `/app/views/<view>/<id>`). The React app uses CSS
 * modules named `Component--class--hash`, so selectors match the stable `Component--class` part. The ticket thread
 * is `[aria-label="Ticket thread"]`; a ticket opened before can stay in the page out of sight, so only the visible
 * thread is read. Internal notes and ticket events (closed, assigned, tagged) are not messages.
 */
import type { Message, Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText } from './message-text';
import {
  all,
  channelFromLabel,
  cleanName,
  first,
  firstFieldValue,
  firstText,
  hostIs,
  idFromUrl,
  innermost,
  isHidden,
  looseTimeOf,
  markerWords,
  oldestFirst,
  safely,
} from './ticket-page-helpers';

const selectors = {
  appMarkers: ['[aria-label="Ticket thread"]', '[class*="TicketMessage--"]', '[class*="MessageBubble--messageBubble"]', '[class*="TicketHeader--"]'],
  thread: ['[aria-label="Ticket thread"]', '[data-testid="ticket-thread"]', '[class*="TicketMessages--"]'],
  /** A ticket's pane; several can be mounted when the agent moved between tickets. */
  ticketPane: ['[class*="TicketDetail--"]', '[class*="TicketView--"]', '[data-ticket-id]'],
  message: ['[class*="TicketMessage--ticketMessage"]', '[data-testid="ticket-message"]', '[class*="MessageBubble--messageBubble"]'],
  event: ['[class*="TicketEvent--"]', '[class*="AuditLog"]', '[data-testid="ticket-event"]'],
  body: ['[class*="TicketMessage--body"]', '[class*="MessageBody--"]', '[class*="--messageBody"]', '[class*="MessageBubble--content"]', '[class*="MessageBubble--messageBubble"]'],
  author: ['[class*="TicketMessage--author"]', '[class*="AuthorName--"]', '[class*="--authorName"]', '[class*="SenderName--"]'],
  time: ['time[datetime]', '[class*="TicketMessage--datetime"]', '[class*="Datetime--"]', '[class*="--datetime"]'],
  source: ['[class*="SourceIcon--"]', '[class*="--source"]', '[data-source-type]'],
  subject: ['[class*="TicketHeader--subject"] input', '[class*="TicketHeader--subject"]', 'input[name="subject"]', '[aria-label="Ticket subject"]'],
  customerName: ['[class*="CustomerInfo--name"]', '[class*="Infobar--customerName"]', '[class*="TicketHeader--customer"]'],
  assignee: ['[class*="AssigneeSelect--"] [class*="--label"]', '[aria-label="Assignee"]'],
  editor: [
    '.public-DraftEditor-content[contenteditable="true"]',
    '[class*="TicketReply"] [contenteditable="true"]',
    '[class*="ReplyArea"] [contenteditable="true"]',
    '[data-testid="reply-editor"] [contenteditable="true"]',
  ],
} as const;

const TICKET_PATH = /\/app\/(?:ticket|views\/\d+)\/(\d+)/;

interface MessageRead {
  message: Message;
  author: string | null;
  source: string | null;
}

function thread(doc: Document): Element | null {
  const threads = all(doc, selectors.thread);
  const outer = threads.filter((t) => !threads.some((o) => o !== t && o.contains(t)));
  return outer.find((t) => !isHidden(t)) ?? null;
}

function speakerOf(messageEl: Element, author: string | null, customerName: string | null): Speaker | 'skip' {
  const words = [messageEl, ...Array.from(messageEl.querySelectorAll('[class]')).slice(0, 6)].map((el) => markerWords(el, ['data-from', 'data-sender-type'])).join(' ');
  if (/internal|--note|private/.test(words)) return 'skip';
  if (/fromagent|from-agent|--agent|isagent|outbound|\bagent\b/.test(words)) return 'agent';
  if (/fromcustomer|from-customer|--customer|iscustomer|inbound|\bcustomer\b/.test(words)) return 'customer';
  if (author && customerName) return author === customerName ? 'customer' : 'agent';
  return 'skip';
}

function sourceLabel(messageEl: Element): string | null {
  const el = first(messageEl, selectors.source);
  if (!el) return null;
  return [el.getAttribute('data-source-type'), el.getAttribute('aria-label'), el.getAttribute('title'), el.textContent].filter(Boolean).join(' ');
}

function readMessage(messageEl: Element, customerName: string | null): MessageRead | null {
  const author = cleanName(firstText(messageEl, selectors.author));
  const speaker = speakerOf(messageEl, author, customerName);
  if (speaker === 'skip') return null;
  const bodies = innermost(all(messageEl, selectors.body));
  const body = bodies[0] ?? (messageEl.matches(selectors.body.join(',')) ? messageEl : null);
  if (!body) return null;
  const text = messageText(body);
  if (!text) return null;
  return { message: { speaker, text, at: looseTimeOf(first(messageEl, selectors.time)) }, author, source: sourceLabel(messageEl) };
}

function read(doc: Document): ConversationReading | null {
  const root = thread(doc);
  if (!root) return null;
  const pane = root.closest(selectors.ticketPane.join(',')) ?? doc;
  const sidebarName = cleanName(firstText(pane, selectors.customerName) ?? firstText(doc, selectors.customerName));
  const events = all(root, selectors.event);
  const candidates = all(root, selectors.message);
  // A message wrapper holds its header and bubble: take the outermost match so the bubble is not counted again.
  const messageEls = candidates.filter((m) => !candidates.some((o) => o !== m && o.contains(m)) && !events.some((e) => e.contains(m)) && !isHidden(m, root));
  const reads = messageEls
    .map((m) => safely(() => readMessage(m, sidebarName), null))
    .filter((r): r is MessageRead => r !== null);
  const subject = firstFieldValue(pane, selectors.subject);
  if (reads.length === 0 && !subject) return null;
  const ticketAttr = pane instanceof Element ? pane.getAttribute('data-ticket-id') : null;
  return {
    messages: oldestFirst(reads.map((r) => r.message), 'oldest-first'),
    ticketId: idFromUrl(doc, TICKET_PATH) ?? (ticketAttr && /^\d+$/.test(ticketAttr) ? ticketAttr : null),
    subject,
    customerName: sidebarName ?? reads.find((r) => r.message.speaker === 'customer')?.author ?? null,
    agentName: cleanName(firstText(pane, selectors.assignee)) ?? [...reads].reverse().find((r) => r.message.speaker === 'agent')?.author ?? null,
    channel: channelFromLabel([...reads].reverse().find((r) => r.message.speaker === 'customer' && r.source)?.source ?? reads.find((r) => r.source)?.source),
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  const root = thread(doc);
  const pane = root?.closest(selectors.ticketPane.join(',')) ?? doc;
  return (all(pane, selectors.editor).find((el) => !isHidden(el)) as HTMLElement | undefined) ?? null;
}

export const gorgiasAdapter: SiteAdapter = {
  id: 'gorgias',
  label: 'Gorgias',
  detect: (url, doc) => safely(() => hostIs(url, ['gorgias.com']) && first(doc, selectors.appMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) => safely(() => {
    const root = thread(doc);
    return root ? root.closest(selectors.ticketPane.join(',')) ?? root : null;
  }, null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Gorgias help center: "Ticket view overview", "Internal notes", "Channels" (email, chat, Facebook, Instagram,
 *   SMS, voice in one thread; internal notes in yellow; ticket events inline).
 * - Gorgias REST API: messages with from_agent, channel, via, sender.name; tickets at /app/ticket/{id}.
 * - Public browser extensions for Gorgias ticket pages: the thread [aria-label="Ticket thread"], CSS-module class
 *   names such as MessageBubble--messageBubble--{hash} and Attachment--preview--{hash}, tickets opened inside a
 *   view at /app/views/{view}/{ticket}, a previous ticket left mounted next to the active one.
 * - Draft.js documentation for the editor's markup (.public-DraftEditor-content[contenteditable]).
 * Not confirmed from public sources: the exact module names for message wrappers, authors, sources, internal
 * notes and the subject; the adapter matches class words and falls back to the customer's name.
 */
