/**
 * Intercom Inbox (the Ember "Inbox 2" app at app.intercom.com). One conversation is open at a time; the inbox list
 * on the left and the details sidebar on the right carry other conversations' previews and are never read. Parts
 * come in author groups whose category says who wrote them (customer, teammate, note, bot, system).
 */
import type { Channel, Message, Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText } from './message-text';
import {
  all,
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
  safely,
} from './ticket-page-helpers';

const selectors = {
  /** Intercom renamed `inbox2__` to `inbox-2__` in 2026; both spellings are kept. */
  inboxMarkers: [
    '[data-conversation-stream]',
    '[data-testid="conversation-stream-scroll-container"]',
    '.inbox2__conversation-stream',
    '.inbox-2__conversation-stream',
    '[data-part-group-id]',
    '[data-conversation-reply-composer]',
    '.embercom-prosemirror-composer-editor',
    '.inbox2__conversation-page',
    '.inbox-2__conversation-page',
  ],
  stream: [
    '[data-testid="conversation-stream-scroll-container"]',
    '[data-conversation-stream]',
    '[data-intercom-target-conversation-stream]',
    '.inbox-2__conversation-stream',
    '.inbox2__conversation-stream',
  ],
  conversationPage: ['.inbox-2__conversation-page', '.inbox2__conversation-page', '.full-conversation-panel', '[data-conversation-id]'],
  partGroup: ['[data-part-group-id]'],
  /** Bubbles inside a group; a group without them is one message. */
  part: ['[data-part-id]', '[data-intercom-part-id]'],
  body: [
    '.interblocks-html',
    '.inbox-2__user-email-content',
    '.inbox2__user-email-content',
    '.inbox-2__break-words',
    '.inbox2__break-words',
    '.inbox-2__renderable-part',
    '.inbox2__renderable-part',
  ],
  avatarName: ['.avatar__media[aria-label]', '[role="img"][aria-label]', 'img[alt]'],
  authorName: ['[data-part-author-name]', '.inbox-2__part-author', '.inbox2__part-author'],
  time: ['time[datetime]', '[datetime]', '[data-timestamp]', '[data-tooltip]'],
  title: [
    '[data-inbox-conversation-header-title]',
    '[data-conversation-title]',
    '.inbox-2__conversation-title',
    '.inbox2__conversation-title',
  ],
  emailMarkers: [
    '.inbox-2__user-email-part',
    '.inbox2__user-email-part',
    '.channels__inbox__email-metadata-container',
    '[class*="email-metadata"]',
  ],
  phoneMarkers: ['.inbox-2__phone-call-part', '.inbox2__phone-call-part', '[class*="phone-call"]'],
  permalink: ['a[href*="/conversation/"]', 'a[href*="/conversations/"]'],
  conversationIdHolder: '[data-conversation-id]',
  editor: [
    '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
    '.ProseMirror.embercom-prosemirror-composer-editor[contenteditable="true"]',
    '.embercom-prosemirror-composer-editor[contenteditable="true"]',
    '.inbox-2__composer__container .ProseMirror[contenteditable="true"]',
    '.inbox2__composer__container .ProseMirror[contenteditable="true"]',
  ],
} as const;

/** `data-part-group-category` values: who wrote the group. */
const CATEGORY: Record<string, Speaker | 'skip'> = {
  '1': 'customer',
  '3': 'agent',
  '4': 'skip', // note
  '5': 'agent', // bot (Fin, custom bots) speaking for the company
  '20': 'skip', // system: assignments, snoozes, closes
};

const CONVERSATION_PATH = /\/conversations?\/(\d+)/;

function stream(doc: Document): Element | null {
  const streams = all(doc, selectors.stream);
  // Nested stream wrappers name the same conversation: take the outermost visible one.
  const outer = streams.filter((s) => !streams.some((o) => o !== s && o.contains(s)));
  return outer.find((s) => !isHidden(s)) ?? null;
}

/** Who wrote a group: its category, then author-type and class words, then (last) which side it sits on. */
function speakerOf(group: Element): Speaker | 'skip' {
  const category = group.getAttribute('data-part-group-category');
  if (category !== null && category in CATEGORY) return CATEGORY[category] ?? 'skip';
  const words = markerWords(group, ['data-author-type', 'data-part-type']);
  if (/\bnote\b|o__note|internal/.test(words)) return 'skip';
  if (/\b(admin|teammate|bot|operator)\b|o__admin/.test(words)) return 'agent';
  if (/\b(user|lead|contact|customer|visitor)\b|o__user/.test(words)) return 'customer';
  for (let el: Element | null = group; el; el = el.parentElement) {
    const cls = markerWords(el);
    if (/\b(justify-end|flex-row-reverse)\b/.test(cls)) return 'agent';
    if (/\bjustify-start\b/.test(cls)) return 'customer';
  }
  return 'skip';
}

interface GroupRead {
  speaker: Speaker;
  author: string | null;
  /** Bot replies speak for the company but are not the agent the panel should greet as. */
  bot: boolean;
  messages: Message[];
}

function readGroup(group: Element): GroupRead | null {
  const speaker = speakerOf(group);
  if (speaker === 'skip') return null;
  const author = cleanName(firstText(group, selectors.authorName) ?? first(group, selectors.avatarName)?.getAttribute('aria-label') ?? first(group, selectors.avatarName)?.getAttribute('alt'));
  const groupTime = looseTimeOf(first(group, selectors.time));
  const parts = innermost(all(group, selectors.part));
  const messages: Message[] = [];
  for (const part of parts.length ? parts : [group]) {
    const bodies = innermost(all(part, selectors.body));
    const text = bodies.length ? bodies.map((b) => messageText(b)).filter(Boolean).join('\n\n') : parts.length ? messageText(part) : '';
    if (!text) continue;
    messages.push({ speaker, text, at: looseTimeOf(first(part, selectors.time)) ?? groupTime });
  }
  const bot = group.getAttribute('data-part-group-category') === '5' || /\bbot\b/.test(markerWords(group, ['data-author-type']));
  return messages.length ? { speaker, author, bot, messages } : null;
}

function channelOf(root: ParentNode): Channel | null {
  if (first(root, selectors.emailMarkers)) return 'email';
  if (first(root, selectors.phoneMarkers)) return 'phone';
  return 'chat';
}

function conversationId(doc: Document, page: ParentNode): string | null {
  const fromUrl = idFromUrl(doc, CONVERSATION_PATH);
  if (fromUrl) return fromUrl;
  const holder = page instanceof Element ? page.closest(selectors.conversationIdHolder) ?? page.querySelector(selectors.conversationIdHolder) : null;
  const fromAttribute = digitsOf(holder?.getAttribute('data-conversation-id'));
  if (fromAttribute) return fromAttribute;
  return CONVERSATION_PATH.exec(first(page, selectors.permalink)?.getAttribute('href') ?? '')?.[1] ?? null;
}

function read(doc: Document): ConversationReading | null {
  const conversation = stream(doc);
  if (!conversation) return null;
  const groups = all(conversation, selectors.partGroup)
    .filter((g, _i, list) => !list.some((o) => o !== g && o.contains(g)))
    .map((group) => safely(() => readGroup(group), null))
    .filter((g): g is GroupRead => g !== null);

  const page = conversation.closest(selectors.conversationPage.join(',')) ?? doc;
  const title = firstText(page, selectors.title);
  const channel = groups.length ? channelOf(conversation) : null;
  // Chat headers show the person's name; email headers show the subject.
  const customerName = groups.find((g) => g.speaker === 'customer' && g.author)?.author ?? (channel === 'chat' ? title : null);
  const agents = [...groups].reverse().filter((g) => g.speaker === 'agent' && g.author);
  const agentName = (agents.find((g) => !g.bot) ?? agents[0])?.author ?? null;
  const ticketId = conversationId(doc, page);
  const messages = groups.flatMap((g) => g.messages);
  if (messages.length === 0 && !title) return null;
  return {
    messages: oldestFirst(messages, 'oldest-first'),
    ticketId,
    subject: title && title !== customerName ? title : null,
    customerName,
    agentName,
    channel: messages.length ? channel : null,
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  const editors = all(doc, selectors.editor).filter((el) => !isHidden(el));
  return (editors[0] as HTMLElement | undefined) ?? null;
}

export const intercomAdapter: SiteAdapter = {
  id: 'intercom',
  label: 'Intercom',
  detect: (url, doc) => safely(() => hostIs(url, ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com']) && first(doc, selectors.inboxMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) => safely(() => {
    const s = stream(doc);
    return s ? s.closest(selectors.conversationPage.join(',')) ?? s : null;
  }, null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Intercom help center: "The Inbox explained", "Add a note in the Inbox", "Fin AI Agent in the Inbox",
 *   "Email in the Inbox" (notes and bot replies in the same stream, email conversations with subjects, the
 *   conversation details sidebar with recent conversations).
 * - Public extensions and userscripts reading the new inbox: stream [data-testid=conversation-stream-scroll-container]
 *   / .inbox2__conversation-stream, part groups [data-part-group-id][data-part-group-category] (1 customer,
 *   3 teammate, 4 note, 5 bot, 20 system), bodies .interblocks-html / .inbox2__break-words /
 *   .inbox2__user-email-content, email markers .inbox2__user-email-part / .channels__inbox__email-metadata-container,
 *   title [data-inbox-conversation-header-title], composer [data-conversation-reply-composer] .ProseMirror and
 *   .embercom-prosemirror-composer-editor, the 2026 rename of inbox2__ to inbox-2__, avatar markup
 *   .avatar__media[role=img][aria-label].
 * - ProseMirror documentation for the editable's markup (contenteditable, .ProseMirror-trailingBreak).
 * Not confirmed from public sources: per-bubble [data-part-id] inside a group and where the conversation id sits in
 * the markup; the adapter treats both as optional.
 */
