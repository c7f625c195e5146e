/**
 * Help Scout conversation view (secure.helpscout.net). Threads are `article.thread` elements typed by class
 * (customer, reply/message, note, lineitem, phone, chat, forward…), shown newest first by default. Notes, line
 * items (status and assignment changes) and forwards are not messages; the sidebar's previous conversations are
 * never read.
 */
import type { Channel, Message, Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText } from './message-text';
import {
  all,
  cleanName,
  digitsOf,
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
  conversationMarkers: [
    'article.thread',
    '[data-cy="ConversationHeader.Actions"]',
    '[data-cy="ThreadList"]',
    '[aria-label="Conversation Subject"]',
  ],
  threadList: ['[data-cy="ThreadList"]', '#convo-threads', '.c-thread-list', '#threads', '.threads'],
  thread: ['article.thread', '[data-cy="Thread"]'],
  /** Thread type words as classes or a `data-thread-type` attribute. */
  threadTypeAttributes: ['data-thread-type', 'data-type'],
  author: ['.threadHeader .name', '.meta .name', '.meta strong', '[data-cy="ThreadAuthor"]', '.author'],
  body: ['.messageBody', '[data-cy="ThreadBody"]', '.thread-body', '.js-thread-content .message'],
  time: ['time[datetime]', '.threadHeader [data-date]', '.meta time', '.meta abbr[title]', '[data-cy="ThreadTime"]'],
  subject: [
    '[aria-label="Conversation Subject"]',
    '[data-cy="EditableTextarea"]',
    '#subjectLine',
    '.c-conversation-subject',
    'h1.subject',
  ],
  number: ['[data-cy="ConversationHeader"] [data-cy="Text"]', '[data-cy="ConversationNumber"]', '.c-conversation-number', '.convo-number'],
  numberLike: '[data-cy="Text"]',
  customer: ['[data-cy="CustomerName"]', '.c-customer-profile .name', '#customerProfile .name'],
  assignee: ['[data-cy="AssigneeName"]', '.c-assignee .name'],
  editor: [
    '[data-cy="ReplyEditor"] [contenteditable="true"]',
    '[data-cy="Editor"] [contenteditable="true"]',
    '.js-reply-editor [contenteditable="true"]',
    '#reply-form [contenteditable="true"]',
    '.redactor-editor[contenteditable="true"]',
    '.redactor_editor[contenteditable="true"]',
  ],
} as const;

const CONVERSATION_PATH = /\/conversations?\/\d+\/(\d+)/;

type ThreadKind = Speaker | 'skip';

/** What a thread is, from its type words. Phone threads log what the customer said on a call. */
function kindOf(thread: Element): { kind: ThreadKind; channel: Channel | null } {
  const words = markerWords(thread, selectors.threadTypeAttributes);
  if (/\b(note|lineitem|line-item|workflow|forwardparent|forwardchild|forward|system|draft)\b/.test(words)) return { kind: 'skip', channel: null };
  if (/\bphone\b/.test(words)) return { kind: 'customer', channel: 'phone' };
  if (/\bcustomer\b/.test(words)) return { kind: 'customer', channel: /\bchat\b/.test(words) ? 'chat' : null };
  if (/\b(reply|message|user|agent)\b/.test(words)) return { kind: 'agent', channel: /\bchat\b/.test(words) ? 'chat' : null };
  return { kind: 'skip', channel: /\bchat\b/.test(words) ? 'chat' : null };
}

interface ThreadRead {
  message: Message;
  author: string | null;
  channel: Channel | null;
}

function readThread(thread: Element): ThreadRead | null {
  const { kind, channel } = kindOf(thread);
  if (kind === 'skip') return null;
  const body = first(thread, selectors.body);
  if (!body) return null;
  const text = messageText(body);
  if (!text) return null;
  return {
    message: { speaker: kind, text, at: looseTimeOf(first(thread, selectors.time)) },
    author: cleanName(firstText(thread, selectors.author)),
    channel,
  };
}

function threads(doc: Document): Element[] {
  const list = first(doc, selectors.threadList) ?? doc;
  return innermost(all(list, selectors.thread)).filter((t) => !isHidden(t));
}

function conversationNumber(doc: Document): string | null {
  const fromUrl = idFromUrl(doc, CONVERSATION_PATH);
  if (fromUrl) return fromUrl;
  const labelled = digitsOf(firstText(doc, selectors.number));
  if (labelled) return labelled;
  // The newer header shows "#1234" in a generic text element.
  const numberText = all(doc, [selectors.numberLike]).map((el) => el.textContent?.trim() ?? '').find((t) => /^#\d+$/.test(t));
  return digitsOf(numberText);
}

function read(doc: Document): ConversationReading | null {
  const reads = threads(doc)
    .map((thread) => safely(() => readThread(thread), null))
    .filter((r): r is ThreadRead => r !== null);
  const subject = firstFieldValue(doc, selectors.subject);
  if (reads.length === 0 && !subject) return null;
  const customerName = cleanName(firstText(doc, selectors.customer)) ?? reads.find((r) => r.message.speaker === 'customer')?.author ?? null;
  const agentName = cleanName(firstText(doc, selectors.assignee)) ?? reads.find((r) => r.message.speaker === 'agent')?.author ?? null;
  const channel = reads.find((r) => r.channel)?.channel ?? (reads.length ? 'email' : null);
  return {
    // Threads are listed newest first; `reads` is in page order, so the first agent match above is the latest.
    messages: oldestFirst(reads.map((r) => r.message), 'newest-first'),
    ticketId: conversationNumber(doc),
    subject,
    customerName,
    agentName,
    channel,
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  return (all(doc, selectors.editor).find((el) => !isHidden(el)) as HTMLElement | undefined) ?? null;
}

export const helpscoutAdapter: SiteAdapter = {
  id: 'helpscout',
  label: 'Help Scout',
  detect: (url, doc) => safely(() => hostIs(url, ['secure.helpscout.net']) && first(doc, selectors.conversationMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) => safely(() => first(doc, selectors.threadList) ?? threads(doc)[0]?.parentElement ?? null, null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Help Scout docs: "Conversation view overview", "Add notes to conversations", "Change the order of threads"
 *   (newest thread on top by default), "Phone conversations", "Beacon chat in the inbox".
 * - Help Scout Mailbox API v2 thread types: customer, reply (v1: message), note, lineitem, phone, chat,
 *   forwardparent, forwardchild.
 * - Public extensions reading the conversation view: article.thread.customer with id thread-{id} and
 *   section.js-thread-content > .messageBodyWrap > .message > .threadHeader > .meta / .messageBody;
 *   header [data-cy="ConversationHeader.Actions"], subject [aria-label="Conversation Subject"] /
 *   [data-cy="EditableTextarea"], the number in a [data-cy="Text"] element, the conversation URL
 *   /conversation/{id}/{number}.
 * Not confirmed from public sources: the reply editor's container and the sidebar's name fields; the adapter
 * falls back to the thread authors.
 */
