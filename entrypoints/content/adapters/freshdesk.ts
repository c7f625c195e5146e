/**
 * Freshdesk ticket view (the Ember "mint" agent UI). The ticket's description comes first, then each reply, note
 * and forward as a `.ticket-details__item`; requester items carry `ticket-details__requestor`, private notes
 * `ticket-details__privatenote`. The reply box (`.rich-editor`, a Froala editor) and the sidebar's recent tickets
 * live next to the conversation and are never read as messages.
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
  hostIs,
  idFromUrl,
  innermost,
  isHidden,
  looseTimeOf,
  markerWords,
  oldestFirst,
  ownText,
  safely,
} from './ticket-page-helpers';

const selectors = {
  ticketMarkers: [
    '.ticket-details__item',
    '[data-test-id="ticket-description"]',
    '.ticket-subject-heading',
    '.tickets-conversation-pane',
    '.ticket-details-wrapper',
  ],
  conversationRoot: ['.ticket-details-wrapper', '.tickets-conversation-pane', '[class*="conversation-pane"]'],
  item: ['.ticket-details__item', '[data-test-id="ticket-description"]', '[data-test-id="conversation-wrapper"]'],
  /** The element that carries requester / private-note classes around an item's content. */
  itemShell: '.ticket-details__item',
  description: '[data-test-id="ticket-description"]',
  /** Inside these an item is the reply being written or a quoted copy, not part of the conversation. */
  notConversation: ['.rich-editor', '.reply-editor', '.fr-box', 'form', '[data-test-id="recent-tickets"]', '.ticket-sidebar'],
  agentFlag: '[data-test-is-agent]',
  author: ['[data-test-id="user-name"] b', '[data-test-id="user-name"]', '.user-name', '.conversation-header a'],
  status: ['[data-test-id="conversation-status"]', '.conversation-status'],
  header: ['.conversation-header', '.ticket-details__item__header'],
  body: [
    '[data-test-conversation="conversation-text"]',
    '[data-test-id="conversation-content-wrapper"] .ticket_note',
    '.ticket_note',
    '.ticket-details__item__content .text__content',
    '.ticket-details__item__content',
    '.text__content',
  ],
  time: ['[data-test-id="time-info"]', '.timeago-units', '[data-test-id="time-ago"]', 'time[datetime]'],
  subject: ['.ticket-subject-heading', '[data-test-id="ticket-subject"]', '[data-test-id="ticket-title"]'],
  ticketNumber: ['.breadcrumb__item.active', '[data-test-id="ticket-id"]'],
  requester: [
    '.requester-wrap [data-test-id="user-name"]',
    '.widget-requestor-info [data-test-id="user-name"]',
    '[data-test-id="requester-info-contact-name"]',
    '.widget-requestor-info .requestor-name',
  ],
  assignedAgent: [
    '[data-test-id="tkt-properties-Agent"] .ember-power-select-selected-item',
    '[data-test-id="Agent"] .ember-power-select-selected-item',
    '[data-test-id="tkt-properties-agent"] .ember-power-select-selected-item',
  ],
  source: ['[data-test-id="tkt-properties-source"] .ember-power-select-selected-item', '[data-test-id="ticket-source"]'],
  editor: [
    '.rich-editor .fr-element.fr-view[contenteditable="true"]',
    '.reply-editor .fr-element[contenteditable="true"]',
    '.fr-wrapper .fr-element[contenteditable="true"]',
    '.fr-element.fr-view[contenteditable="true"]',
    '.rich-editor [contenteditable="true"]',
  ],
} as const;

const TICKET_PATH = /\/a\/tickets\/(\d+)/;
const TITLE = /^\s*\[#(\d+)\]\s*(.+?)(?:\s+:\s+[^:]+)?\s*$/;

interface ItemRead {
  message: Message;
  author: string | null;
  status: string | null;
}

function conversationRoot(doc: Document): Element | null {
  return first(doc, selectors.conversationRoot) ?? doc.body ?? null;
}

function items(root: Element): Element[] {
  const notConversation = selectors.notConversation.join(',');
  return innermost(all(root, selectors.item)).filter((item) => !safely(() => item.closest(notConversation), null) && !isHidden(item, root));
}

function speakerOf(item: Element, requesterName: string | null, author: string | null): Speaker | 'skip' {
  // The item itself or, for a description nested in an item wrapper, the wrapper carries the role classes.
  const holder = item.closest(selectors.itemShell) ?? item;
  const words = markerWords(holder) + ' ' + markerWords(item);
  if (/privatenote|private-note|private_note/.test(words)) return 'skip';
  const agentFlag = item.querySelector(selectors.agentFlag) ?? (item.matches(selectors.agentFlag) ? item : null);
  if (agentFlag && agentFlag.getAttribute('data-test-is-agent') !== 'false') return 'agent';
  if (/requestor|requester/.test(words)) return 'customer';
  if (author && requesterName) return author === requesterName ? 'customer' : 'agent';
  // The original request is the requester's unless it says otherwise.
  if (item.matches(selectors.description) || item.querySelector(selectors.description)) return 'customer';
  return 'skip';
}

function readItem(item: Element, requesterName: string | null): ItemRead | null {
  const author = cleanName(firstText(item, selectors.author));
  const speaker = speakerOf(item, requesterName, author);
  if (speaker === 'skip') return null;
  const body = first(item, selectors.body);
  if (!body) return null;
  const text = messageText(body);
  if (!text) return null;
  const header = first(item, selectors.header) ?? item;
  const at = looseTimeOf(first(header, selectors.time)) ?? looseTimeOf(first(item, selectors.time));
  return { message: { speaker, text, at }, author, status: firstText(item, selectors.status) };
}

function subjectAndId(doc: Document): { subject: string | null; ticketId: string | null } {
  const fromTitle = TITLE.exec(doc.title ?? '');
  const subject = ownText(first(doc, selectors.subject)) ?? fromTitle?.[2]?.trim() ?? null;
  const ticketId = digitsOf(firstText(doc, selectors.ticketNumber)) ?? fromTitle?.[1] ?? idFromUrl(doc, TICKET_PATH);
  return { subject, ticketId };
}

function channelOf(doc: Document, reads: ItemRead[]): Channel | null {
  const source = channelFromLabel(firstText(doc, selectors.source));
  if (source) return source;
  // "reported via email", "via WhatsApp", "created a phone ticket": the first item's status line says how it came.
  for (const read of reads) {
    const channel = channelFromLabel(read.status);
    if (channel) return channel;
  }
  return null;
}

function read(doc: Document): ConversationReading | null {
  const root = conversationRoot(doc);
  if (!root) return null;
  const requesterField = cleanName(firstText(doc, selectors.requester));
  const found = items(root);
  // Without a contact panel the requester is whoever wrote the description or a requester-marked item.
  const requesterItem = found.find((item) => /requestor|requester/.test(markerWords(item.closest(selectors.itemShell) ?? item)) || item.matches(selectors.description));
  const requester = requesterField ?? (requesterItem ? cleanName(firstText(requesterItem, selectors.author)) : null);
  const reads = found
    .map((item) => safely(() => readItem(item, requester), null))
    .filter((r): r is ItemRead => r !== null);
  const { subject, ticketId } = subjectAndId(doc);
  if (reads.length === 0 && !first(doc, selectors.subject)) return null;

  const assigned = cleanName(firstText(doc, selectors.assignedAgent));
  return {
    messages: oldestFirst(reads.map((r) => r.message), 'oldest-first'),
    ticketId,
    subject,
    customerName: requester ?? reads.find((r) => r.message.speaker === 'customer')?.author ?? null,
    agentName: assigned ?? [...reads].reverse().find((r) => r.message.speaker === 'agent')?.author ?? null,
    channel: channelOf(doc, reads),
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  return (all(doc, selectors.editor).find((el) => !isHidden(el)) as HTMLElement | undefined) ?? null;
}

export const freshdeskAdapter: SiteAdapter = {
  id: 'freshdesk',
  label: 'Freshdesk',
  detect: (url, doc) =>
    safely(() => hostIs(url, ['freshdesk.com', 'myfreshworks.com', 'freshworks.com']) && first(doc, selectors.ticketMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) => safely(() => first(doc, selectors.conversationRoot), null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Freshdesk support articles: "Understanding the ticket details page", "Adding private and public notes",
 *   "Replying to tickets" (description first, private notes in the thread, Froala reply editor, ticket properties
 *   and requester info in the sidebar).
 * - Public userscripts, time-tracker integrations and extensions that read the mint UI: .ticket-subject-heading,
 *   .breadcrumb__item.active (ticket number), .ticket-details__item with ticket-details__requestor and
 *   ticket-details__privatenote, [data-test-id=ticket-description], .conversation-header,
 *   [data-test-id=conversation-content-wrapper], [data-test-conversation=conversation-text], .ticket_note[data-note-id],
 *   [data-test-id=user-name], [data-test-id=conversation-status], [data-test-id=time-ago] .timeago-units,
 *   [data-test-is-agent], .ticket-details-wrapper / .tickets-conversation-pane, .rich-editor, the Froala editable
 *   div.fr-element.fr-view, tkt-properties-* dropdowns (.ember-power-select-selected-item), the document title
 *   "[#id] Subject : Company".
 * - Froala editor documentation for the editable's markup.
 * Known gap: newer accounts render the contact panel in shadow DOM (fw-unified-mfe--contact-info); names then come
 * from the conversation itself.
 */
