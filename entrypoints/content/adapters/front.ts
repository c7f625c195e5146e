/**
 * Front (app.frontapp.com). Front's React app uses styled-components: class names are `fileName__StyledPart-sc-
 * hash-n`, where the hash changes with each deploy and the prefix stays, so every selector here matches the prefix.
 * The open conversation lives in a viewer; the conversation list beside it and team comments inside it (internal
 * discussion) are not messages. Messages carry no direction marker in the markup: who is the customer comes from the
 * contact panel when it shows, otherwise from who wrote first.
 */
import type { Channel, Message, Speaker } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText } from './message-text';
import {
  all,
  cleanName,
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
  appMarkers: [
    '[class*="conversationHeader__StyledContainer"]',
    '[class*="viewer__StyledViewerDiv"]',
    '[data-testid^="viewer-"]',
    '[class*="messageViewerBase__StyledMessageDiv"]',
    '[data-searchable-subject]',
  ],
  viewer: ['[class*="viewer__StyledViewerDiv"]', '[data-testid^="viewer-"]'],
  viewerId: '[data-testid^="viewer-"]',
  message: ['[class*="messageViewerBase__StyledMessageDiv"]', '[role="article"]'],
  senderDetails: '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]',
  senderHandle: '[class*="messageViewerRecipient__StyledHandleSpan"]',
  date: ['[class*="messageViewerDate__StyledDateDiv"]', 'time[datetime]'],
  body: [
    '[class*="messageHtml__StyledHtmlDiv"]',
    '[class*="messageViewerEmailBody__StyledEmailDiv"]',
    '[class*="messageViewerText__StyledTextDiv"]',
    '[class*="messageViewerCollapsed__StyledBlurbDiv"]',
  ],
  emailBody: '[class*="messageViewerEmailBody__StyledEmailDiv"]',
  subject: ['[data-searchable-subject="true"] span', '[data-searchable-subject="true"]', '[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"] span'],
  contactName: ['[class*="contactSummary__StyledNameDiv"]', '[class*="contactDetails__StyledNameDiv"]', '[class*="contactHeader__StyledName"]'],
  contactHandle: ['[class*="contactSummary__StyledHandleDiv"]', '[class*="contactDetails__StyledHandle"]', '[class*="contactHandles__StyledHandle"]'],
  editor: [
    '[class*="composer"] [contenteditable="true"]',
    '[class*="Composer"] [contenteditable="true"]',
    '[class*="draftEditor"] [contenteditable="true"]',
    '[data-testid*="composer"] [contenteditable="true"]',
    '.ProseMirror[contenteditable="true"]',
  ],
} as const;

const CONVERSATION_PATH = /\/(cnv_[a-zA-Z0-9]+)/;
const EMAIL = /[^\s<>()]+@[^\s<>()]+\.[^\s<>()]+/;

interface MessageRead {
  author: string | null;
  handle: string | null;
  text: string;
  at: string | null;
  email: boolean;
}

function viewer(doc: Document): Element | null {
  const viewers = all(doc, selectors.viewer);
  const outer = viewers.filter((v) => !viewers.some((o) => o !== v && o.contains(v)));
  return outer.find((v) => !isHidden(v)) ?? null;
}

/** Team comments sit in the same timeline; anything inside a comment component is internal. */
function insideComment(el: Element, stop: Element): boolean {
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    if (/(^|\s)comment|__styledcomment|discussion/.test(markerWords(node))) return true;
  }
  return false;
}

function handleOf(message: Element): string | null {
  const raw = firstText(message, [selectors.senderHandle]);
  if (!raw) return null;
  return (EMAIL.exec(raw)?.[0] ?? raw.replace(/[<>]/g, '')).trim().toLowerCase() || null;
}

function authorOf(message: Element): string | null {
  const details = message.querySelector(selectors.senderDetails);
  if (!details) return null;
  // The first child is the display name; the handle and the account badge follow it.
  const nameEl = Array.from(details.children).find((child) => !child.matches(selectors.senderHandle) && !child.hasAttribute('data-account-name'));
  return cleanName(nameEl?.textContent ?? null);
}

function readMessage(message: Element): MessageRead | null {
  const body = first(message, selectors.body);
  if (!body) return null;
  const text = messageText(body);
  if (!text) return null;
  return {
    author: authorOf(message),
    handle: handleOf(message),
    text,
    at: looseTimeOf(first(message, selectors.date)),
    email: message.querySelector(selectors.emailBody) !== null,
  };
}

/** The cnv_ id from the address when there is one, otherwise the viewer's numeric id. */
function conversationId(doc: Document, root: Element): string | null {
  const fromUrl = idFromUrl(doc, CONVERSATION_PATH);
  if (fromUrl) return fromUrl;
  const holder = root.matches(selectors.viewerId) ? root : root.querySelector(selectors.viewerId);
  const id = holder?.getAttribute('data-testid')?.replace(/^viewer-/, '').trim();
  return id ? id : null;
}

function read(doc: Document): ConversationReading | null {
  const root = viewer(doc);
  if (!root) return null;
  const reads = innermost(all(root, selectors.message))
    .filter((m) => !insideComment(m, root) && !isHidden(m, root))
    .map((m) => safely(() => readMessage(m), null))
    .filter((r): r is MessageRead => r !== null);
  const subject = firstText(root, selectors.subject) ?? firstText(doc, selectors.subject);
  if (reads.length === 0 && !subject) return null;

  const contactName = cleanName(firstText(doc, selectors.contactName));
  const contactHandle = (EMAIL.exec(firstText(doc, selectors.contactHandle) ?? '')?.[0] ?? firstText(doc, selectors.contactHandle))?.toLowerCase() ?? null;
  const opener = reads[0];
  const isCustomer = (r: MessageRead): boolean => {
    if (contactHandle && r.handle) return r.handle === contactHandle;
    if (contactName && r.author) return r.author === contactName;
    // No contact panel: the person who opened the conversation is the customer.
    if (!opener) return false;
    return (opener.handle !== null && r.handle === opener.handle) || (opener.handle === null && r.author !== null && r.author === opener.author);
  };
  const messages: Message[] = reads.map((r) => ({ speaker: (isCustomer(r) ? 'customer' : 'agent') as Speaker, text: r.text, at: r.at }));
  const customerRead = reads.find(isCustomer);
  const agentRead = [...reads].reverse().find((r) => !isCustomer(r));
  const channel: Channel | null = reads.length === 0 ? null : reads.some((r) => r.email || (r.handle !== null && EMAIL.test(r.handle))) ? 'email' : 'chat';
  return {
    messages: oldestFirst(messages, 'oldest-first'),
    ticketId: conversationId(doc, root),
    subject,
    customerName: contactName ?? customerRead?.author ?? null,
    agentName: agentRead?.author ?? null,
    channel,
    certainty: 'adapter',
  };
}

function findEditor(doc: Document): HTMLElement | null {
  const scope = viewer(doc) ?? doc;
  const inViewer = all(scope, selectors.editor).find((el) => !isHidden(el));
  return (inViewer as HTMLElement | undefined) ?? null;
}

export const frontAdapter: SiteAdapter = {
  id: 'front',
  label: 'Front',
  detect: (url, doc) => safely(() => hostIs(url, ['app.frontapp.com', 'app.front.com']) && first(doc, selectors.appMarkers) !== null, false),
  read: (doc) => safely(() => read(doc), null),
  findEditor: (doc) => safely(() => findEditor(doc), null),
  conversationRoot: (doc) => safely(() => viewer(doc), null),
};

/*
 * Modelled on (public sources, read for facts, no code taken):
 * - Front help center: "Understanding the conversation view", "Comment on a conversation (internal discussion)",
 *   "Contact details panel" (comments inline with messages, contact panel on the right, conversation list on the left).
 * - Front Core API reference: messages have is_inbound, conversations have cnv_ ids.
 * - Public browser extensions and time-tracker integrations for app.frontapp.com (2023-2026): styled-component
 *   prefixes conversationHeader__StyledContainer, conversationSubjectWrapper__StyledSubjectContainerDiv,
 *   viewer__StyledViewerDiv with data-testid="viewer-{id}", messageViewerBase__StyledMessageDiv,
 *   messageViewerRecipient__StyledDetailsWrapperDiv / __StyledHandleSpan, [data-account-name],
 *   messageViewerDate__StyledDateDiv, messageHtml__StyledHtmlDiv, messageViewerEmailBody__StyledEmailDiv,
 *   messageViewerCollapsed__StyledBlurbDiv, [data-searchable-subject="true"], the cnv_ id in the URL.
 * Not confirmed from public sources: the contact panel's and the composer's component names, and how comments are
 * named; the adapter matches them loosely and falls back to "who opened the conversation is the customer".
 */
