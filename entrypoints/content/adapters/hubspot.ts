import type { Channel, Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { classTokens, firstShown, isHiddenByMarkup, isHtmlElement, outermost, safeQueryAll } from './dom-visibility';

/**
 * HubSpot conversations inbox and help desk (app.hubspot.com, app-eu1.hubspot.com). HubSpot builds its UI with
 * styled-components, whose class names carry the component name (`CommonMessage__StyledContentColumn-sc-…`), and
 * tags test hooks with `data-test-id`. Both are matched by the stable part only. When no message can be given a side
 * with confidence, `read` returns null so the generic reader takes over rather than guessing here.
 */
const selectors = {
  /** Markup only HubSpot's app has: its navigation, translated-string elements, the shared message component. */
  hubspotShell: '#hs-nav-v4, i18n-string[data-key], [class*="CommonMessage__"], [data-test-id="primary-message-body-content"]',
  /** The thread column; the conversation list beside it holds previews of other threads and is never read. */
  thread:
    '[data-test-id="thread-history"], [data-test-id="thread-view"], [data-test-id="conversation-thread"], ' +
    '[class*="ThreadHistory__"], [class*="ThreadView__"]',
  previewList: '[class*="PreviewCard"], .ReactVirtualized__Grid, [data-test-id*="thread-list"], [data-test-id*="inbox-list"]',
  message:
    '[data-test-id="message"], [data-test-id="thread-message"], [data-test-id*="message-item"], ' +
    '[class*="CommonMessage__StyledMessageWrapper"], [class*="CommonMessage__StyledContentColumn"]',
  body: '[data-test-id="primary-message-body-content"], [data-test-id="message-body"], [class*="MessageBody__"]',
  sender: '[data-test-id="message-sender-name"], [data-test-id*="sender-name"], [class*="SenderName"], dt[data-message-metadata-type="from"] b',
  emailMeta: 'dt[data-message-metadata-type]',
  time: 'time[datetime], [data-test-id*="timestamp"][title], [data-test-id*="timestamp"] [title]',
  subject: '[data-test-id="thread-subject"], [data-test-id="ticket-subject"], [data-test-id="email-subject"]',
  contactName: '[data-test-id="contact-name"], [data-test-id="visitor-name"], [data-test-id*="contact-card"] [data-test-id*="name"]',
  accountMenu: '#account-menu img[alt], #account-menu [aria-label], [data-test-id="account-menu"] img[alt]',
  composer: '[data-test-id*="composer"], [class*="Composer"], [class*="composer"]',
  editor: '.ProseMirror[contenteditable="true"], [contenteditable="true"][role="textbox"]',
} as const;

/** Words in class names, test ids and direction attributes that say who wrote a message. */
const AGENT_WORDS = new Set(['outgoing', 'outbound', 'agent', 'rep', 'owner', 'sent']);
const CUSTOMER_WORDS = new Set(['incoming', 'inbound', 'visitor', 'contact', 'customer', 'received']);
/** Words that make an item something other than a message: internal comments, timeline events, chatflow bots. */
const SKIP_WORDS = new Set([
  'comment', 'comments', 'note', 'internal', 'status', 'assignment', 'timeline', 'event', 'system', 'activity', 'bot', 'chatflow',
]);
const CHAT_WORDS = new Set(['chat', 'livechat', 'messenger', 'whatsapp', 'facebook', 'sms']);

const HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com'];

/** Lowercase words of an element's class names, test id and direction attributes ("StyledOutgoingMessage" → outgoing, message). */
function wordsOf(el: Element): Set<string> {
  const raw = [
    ...classTokens(el),
    el.getAttribute('data-test-id') ?? '',
    el.getAttribute('data-message-direction') ?? '',
    el.getAttribute('data-direction') ?? '',
    el.getAttribute('data-sender-type') ?? '',
  ].join(' ');
  const words = raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return new Set(words);
}

/** Words of the element and its ancestors up to the thread: wrappers often carry the direction. */
function wordsUpTo(el: Element, stop: Element): Set<string> {
  const words = new Set<string>();
  for (let node: Element | null = el; node && node !== stop; node = node.parentElement) {
    for (const word of wordsOf(node)) words.add(word);
  }
  return words;
}

function threadScope(doc: Document): Element | null {
  const explicit = firstShown(doc, selectors.thread);
  if (explicit) return explicit;
  // Without a named thread column, the nearest common ancestor of the message bodies outside the preview list.
  const bodies = safeQueryAll(doc, selectors.body).filter((b) => !b.closest(selectors.previewList) && !isHiddenByMarkup(b));
  const [firstBody, ...rest] = bodies;
  if (!firstBody) return null;
  for (let common = firstBody.parentElement; common; common = common.parentElement) {
    const candidate = common;
    if (rest.every((b) => candidate.contains(b))) return candidate;
  }
  return null;
}

function messageElements(scope: Element): Element[] {
  const explicit = outermost(safeQueryAll(scope, selectors.message));
  if (explicit.length) return explicit;
  return safeQueryAll(scope, selectors.body).map((body) => body.parentElement ?? body);
}

interface Reading {
  message: Message;
  sender: string | null;
}

function speakerFromWords(words: Set<string>): Message['speaker'] | null {
  const agent = [...words].some((w) => AGENT_WORDS.has(w));
  const customer = [...words].some((w) => CUSTOMER_WORDS.has(w));
  if (agent === customer) return null;
  return agent ? 'agent' : 'customer';
}

function readMessage(el: Element, scope: Element, ownName: string | null): Reading | null {
  const words = wordsUpTo(el, scope);
  if ([...words].some((w) => SKIP_WORDS.has(w))) return null;
  const sender = textOf(el, selectors.sender);
  const byName = ownName && sender && sender.toLowerCase() === ownName.toLowerCase() ? 'agent' : null;
  const speaker = speakerFromWords(words) ?? byName;
  if (!speaker) return null;
  const body = el.querySelector(selectors.body) ?? (el.matches(selectors.body) ? el : null);
  const text = body ? messageText(body) : '';
  if (!text) return null;
  return { message: { speaker, text, at: timeOf(el.querySelector(selectors.time), ['datetime', 'title']) }, sender };
}

function signedInName(doc: Document): string | null {
  const el = doc.querySelector(selectors.accountMenu);
  const name = el?.getAttribute('alt') ?? el?.getAttribute('aria-label') ?? null;
  return name?.trim() || null;
}

function ticketIdFrom(doc: Document): string | null {
  try {
    const path = doc.location?.pathname ?? '';
    return path.match(/\/(?:inbox|ticket|thread)\/(\d+)/)?.[1] ?? null;
  } catch {
    return null;
  }
}

function channelOf(scope: Element, messages: Element[]): Channel | null {
  if (scope.querySelector(selectors.emailMeta)) return 'email';
  const words = new Set<string>();
  for (const el of messages) for (const word of wordsOf(el)) words.add(word);
  if (words.has('call')) return 'phone';
  if (words.has('email')) return 'email';
  return [...words].some((w) => CHAT_WORDS.has(w)) ? 'chat' : null;
}

function lastSender(readings: Reading[], speaker: Message['speaker']): string | null {
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    if (reading?.message.speaker === speaker && reading.sender) return reading.sender;
  }
  return null;
}

export const hubspotAdapter: SiteAdapter = {
  id: 'hubspot',
  label: 'HubSpot',

  detect(url, doc) {
    if (!HOSTS.includes(url.hostname)) return false;
    return safeQueryAll(doc, selectors.hubspotShell).length > 0;
  },

  read(doc): ConversationReading | null {
    try {
      const scope = threadScope(doc);
      if (!scope) return null;
      const ownName = signedInName(doc);
      const elements = messageElements(scope).filter((el) => !el.closest(selectors.previewList) && !isHiddenByMarkup(el, scope));
      const readings = elements.map((el) => readMessage(el, scope, ownName)).filter((r): r is Reading => r !== null);
      if (!readings.length) return null;
      return {
        messages: readings.map((r) => r.message),
        ticketId: ticketIdFrom(doc),
        subject: textOf(doc, selectors.subject),
        customerName: textOf(doc, selectors.contactName) ?? lastSender(readings, 'customer'),
        agentName: ownName ?? lastSender(readings, 'agent'),
        channel: channelOf(scope, elements),
        certainty: 'adapter',
      };
    } catch {
      return null;
    }
  },

  findEditor(doc) {
    for (const composer of safeQueryAll(doc, selectors.composer)) {
      if (isHiddenByMarkup(composer)) continue;
      const editor = composer.querySelector(selectors.editor);
      if (isHtmlElement(editor)) return editor;
    }
    const loose = firstShown(doc, selectors.editor);
    return isHtmlElement(loose) && !loose.closest(selectors.previewList) ? loose : null;
  },

  conversationRoot(doc) {
    return threadScope(doc);
  },
};

/*
 * Modelled on (public sources):
 * - HubSpot Knowledge Base, "A guide to the conversations inbox" and "Use the help desk workspace": thread layout,
 *   channels (email, chat, Messenger, WhatsApp, calls), comments as internal notes, thread status lines, the
 *   conversation list on the left and the contact sidebar on the right; URLs /live-messages/{portal}/inbox/{thread}
 * - Public automation scripts written against the inbox, which address messages by the styled-component name
 *   CommonMessage__StyledContentColumn, bodies by data-test-id="primary-message-body-content", email headers by
 *   dt[data-message-metadata-type="from"], the list by .ReactVirtualized__Grid and PreviewCard components, the
 *   composer as div.ProseMirror[contenteditable], the account menu as #account-menu, labels as i18n-string[data-key]
 * - The conversations API's message direction values (INCOMING / OUTGOING)
 * Not verified against a live account: where the markup differs, `read` returns null and the generic reader applies.
 */
