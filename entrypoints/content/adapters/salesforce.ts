import type { Channel, Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { classTokens, isHiddenByMarkup, isHtmlElement, outermost, safeQueryAll } from './dom-visibility';
import { oldestFirst } from './thread-order';

/**
 * Salesforce Service Cloud, Lightning Experience case record page and Service Console (`*.lightning.force.com`).
 * The case feed is Aura Chatter in the light DOM (newest first); the console keeps every open workspace tab in the
 * page, so lookups are scoped to the active one. Emails and case comments are messages; Chatter posts, field changes
 * and "created this case" items are not.
 */
const selectors = {
  /** Markup only Lightning record pages have (Aura/LWC component names), for detection next to the hostname. */
  salesforceShell:
    '.forceChatterFeedItem, .cuf-feedItem, .forceChatterFeed, .cuf-publisher, .forceChatterPublisherPresentationDesktop, ' +
    '.forceHighlightsPanel, records-highlights2',
  activeTab: '.tabContent.active, .oneConsoleTab.active, .oneContent.active',
  item: '.forceChatterFeedItem, article.cuf-feedItem, .cuf-feedElement.cuf-feedItem, [data-type="EmailMessageEvent"], [data-type="CaseCommentPost"]',
  comment: '.cuf-commentItem, .forceChatterComment',
  emailBody: '.forceChatterEmailMessageBody, .cuf-emailBody, .emailMessageBody',
  postBody: '.forceChatterMessageBody, .cuf-body, .feedBodyRender',
  actor: '.cuf-entityLink, .forceChatterEntityLink, .forceChatterFeedItemHeader a[data-id], .cuf-feedItemHeader a[data-id]',
  /** From/To lines shown above an email's text: read for the sender, left out of the message. */
  emailHeader: '.forceChatterEmailMessageHeader, .cuf-emailHeader',
  emailFrom: '.forceChatterEmailMessageHeader [data-field="from"], .cuf-emailHeader [data-field="from"], .emailFrom',
  timestamp: '.cuf-timestamp',
  fieldLabel: '.slds-text-title, .slds-form-element__label, records-highlights-details-item p[title]',
  recordTitle:
    'records-highlights2 h1 lightning-formatted-text, .forceHighlightsPanel h1 lightning-formatted-text, .forceHighlightsPanel h1 .uiOutputText, h1 .slds-page-header__title, h1.slds-page-header__title',
  consoleTabTitle: '.tabBar .tabItem.active .title, [role="tab"][aria-selected="true"] .title',
  publisher:
    '.cuf-publisher, .forceChatterPublisherPresentationDesktop, .runtime_sales_activitiesEmailComposer, .forcePublisher, ' +
    'runtime_sales_activities-email-composer',
  editorFrame: 'iframe.cke_wysiwyg_frame, iframe[title*="Rich Text Editor"], iframe[title*="Editor de texto enriquecido"]',
  editable: '.ql-editor[contenteditable="true"], [contenteditable="true"], textarea',
} as const;

/** Feed item types (the `data-type` of `.cuf-feedElement`, FeedItem.Type in the API) that are customer conversation. */
const MESSAGE_TYPES = new Set(['EmailMessageEvent', 'CaseCommentPost']);
/** Record id prefixes: contacts, leads and person accounts are the customer side; users are agents. */
const CUSTOMER_ID = /^(003|00Q|001)/;
const AGENT_ID = /^005/;

const FIELD_LABELS = {
  caseNumber: ['case number', 'número del caso', 'número de caso', 'केस संख्या', 'வழக்கு எண்', 'కేసు సంఖ్య'],
  subject: ['subject', 'asunto', 'विषय', 'பொருள்', 'విషయం'],
  contact: ['contact name', 'nombre del contacto', 'contacto', 'संपर्क नाम', 'தொடர்பு பெயர்', 'సంప్రదింపు పేరు'],
  contactEmail: ['contact email', 'correo electrónico del contacto', 'email del contacto'],
  origin: ['case origin', 'origen del caso', 'केस स्रोत'],
};

interface Reading {
  message: Message;
  actor: string | null;
}

function activeScope(doc: Document): Element | null {
  const tabs = safeQueryAll(doc, selectors.activeTab).filter((tab) => !isHiddenByMarkup(tab) && tab.querySelector(selectors.item));
  // Console subtabs nest inside workspace tabs: the innermost active tab is the record on screen.
  const innermost = tabs.filter((tab) => !tabs.some((other) => other !== tab && tab.contains(other)));
  return innermost[0] ?? (doc.querySelector(selectors.item) ? doc.body : null);
}

/** The value shown next to a field label in the highlights panel or details ("Case Number" → "00001026"). */
function fieldValue(scope: ParentNode, labels: readonly string[]): string | null {
  for (const label of safeQueryAll(scope, selectors.fieldLabel)) {
    const text = (label.getAttribute('title') ?? label.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (!labels.includes(text)) continue;
    const value = label.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return null;
}

function recordId(link: Element | null): string | null {
  if (!link) return null;
  const id = link.getAttribute('data-id') ?? link.getAttribute('data-recordid');
  if (id) return id;
  const href = link.getAttribute('href') ?? '';
  return href.match(/\/(?:lightning\/r\/\w+\/)?((?:003|00Q|001|005)[A-Za-z0-9]{12,15})/)?.[1] ?? null;
}

function itemType(item: Element): string | null {
  const typed = item.matches('[data-type]') ? item : item.querySelector('[data-type]');
  return typed?.getAttribute('data-type') ?? null;
}

function wordsOf(item: Element): string[] {
  return classTokens(item).join(' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

function speakerOf(item: Element, contactEmail: string | null): Message['speaker'] | null {
  const words = wordsOf(item);
  if (words.includes('incoming') || words.includes('inbound')) return 'customer';
  if (words.includes('outgoing') || words.includes('outbound')) return 'agent';
  const from = textOf(item, selectors.emailFrom)?.toLowerCase() ?? '';
  if (contactEmail && from.includes(contactEmail.toLowerCase())) return 'customer';
  const id = recordId(item.querySelector(selectors.actor));
  if (id && CUSTOMER_ID.test(id)) return 'customer';
  if (id && AGENT_ID.test(id)) return 'agent';
  return null;
}

function readItem(item: Element, contactEmail: string | null): Reading | null {
  const type = itemType(item);
  const emailBody = item.querySelector(selectors.emailBody);
  const isMessage = type ? MESSAGE_TYPES.has(type) : emailBody !== null;
  if (!isMessage) return null;
  const words = wordsOf(item);
  if (words.includes('internal') || words.includes('private')) return null;
  const speaker = speakerOf(item, contactEmail);
  if (!speaker) return null;
  const body = emailBody ? withoutEmailHeader(emailBody) : firstOutsideComments(item, selectors.postBody);
  const text = body ? messageText(body) : '';
  if (!text) return null;
  const stamp = item.querySelector(selectors.timestamp);
  return {
    message: { speaker, text, at: timeOf(stamp, ['datetime', 'title', 'data-time']) },
    actor: textOf(item, selectors.actor),
  };
}

function withoutEmailHeader(body: Element): Element {
  const copy = body.cloneNode(true) as Element;
  for (const header of safeQueryAll(copy, selectors.emailHeader)) header.remove();
  return copy;
}

/** The item's own body, not one of the comments threaded under it. */
function firstOutsideComments(item: Element, selector: string): Element | null {
  return safeQueryAll(item, selector).find((el) => !el.closest(selectors.comment)) ?? null;
}

function caseNumber(doc: Document, scope: ParentNode): string | null {
  const fromField = fieldValue(scope, FIELD_LABELS.caseNumber);
  if (fromField) return fromField;
  const title = textOf(scope, selectors.recordTitle) ?? textOf(doc, selectors.consoleTabTitle) ?? doc.title;
  return title.match(/\b\d{8}\b/)?.[0] ?? null;
}

/** An email in the feed settles it; otherwise the case origin says how the customer reached the team. */
function channelOf(scope: ParentNode, hasEmail: boolean): Channel | null {
  if (hasEmail) return 'email';
  const origin = fieldValue(scope, FIELD_LABELS.origin)?.toLowerCase() ?? '';
  if (/phone|tel[eé]fono|फ़ोन|फोन/.test(origin)) return 'phone';
  if (/chat|messaging|whatsapp|sms/.test(origin)) return 'chat';
  if (/mail|web|correo/.test(origin)) return 'email';
  return null;
}

function lastActor(readings: Reading[], speaker: Message['speaker']): string | null {
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    if (reading?.message.speaker === speaker && reading.actor) return reading.actor;
  }
  return null;
}

/** Depth-first search that also enters open shadow roots (Lightning web components render the composer there). */
function deepFind(root: ParentNode, selector: string): Element | null {
  const direct = safeQueryAll(root, selector).find((el) => !isHiddenByMarkup(el));
  if (direct) return direct;
  const hosts = [...(isElement(root) ? [root] : []), ...safeQueryAll(root, '*')];
  for (const el of hosts) {
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (!shadow) continue;
    const found = deepFind(shadow, selector);
    if (found) return found;
  }
  return null;
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}

/** The editable body of a same-origin editor iframe, or the iframe itself when the page keeps us out. */
function frameEditor(frame: HTMLIFrameElement): HTMLElement {
  try {
    const body = frame.contentDocument?.body;
    if (isHtmlElement(body) && (body.isContentEditable || body.getAttribute('contenteditable') === 'true')) return body;
  } catch {
    // Cross-origin frame: the content script in that frame handles insertion; the iframe marks where it is.
  }
  return frame;
}

export const salesforceAdapter: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce',

  detect(url, doc) {
    const host = url.hostname.toLowerCase();
    if (!host.endsWith('.lightning.force.com') && !host.endsWith('.my.salesforce.com')) return false;
    return safeQueryAll(doc, selectors.salesforceShell).length > 0;
  },

  read(doc): ConversationReading | null {
    try {
      const scope = activeScope(doc);
      if (!scope) return null;
      const contactEmail = fieldValue(scope, FIELD_LABELS.contactEmail);
      const items = outermost(safeQueryAll(scope, selectors.item)).filter((item) => !isHiddenByMarkup(item, scope));
      const readings = items.map((item) => readItem(item, contactEmail)).filter((r): r is Reading => r !== null);
      const ordered = oldestFirst(readings, (r) => r.message.at, 'newest-first');
      const hasEmail = items.some((item) => itemType(item) === 'EmailMessageEvent' || item.querySelector(selectors.emailBody));
      return {
        messages: ordered.map((r) => r.message),
        ticketId: caseNumber(doc, scope),
        subject: fieldValue(scope, FIELD_LABELS.subject),
        customerName: fieldValue(scope, FIELD_LABELS.contact) ?? lastActor(ordered, 'customer'),
        agentName: lastActor(ordered, 'agent'),
        channel: channelOf(scope, hasEmail),
        certainty: 'adapter',
      };
    } catch {
      return null;
    }
  },

  findEditor(doc) {
    try {
      const scope = activeScope(doc) ?? doc;
      const publisher = deepFind(scope, selectors.publisher) ?? scope;
      const frame = deepFind(publisher, selectors.editorFrame);
      if (frame && frame.tagName.toLowerCase() === 'iframe') return frameEditor(frame as HTMLIFrameElement);
      const editable = deepFind(publisher, selectors.editable);
      return isHtmlElement(editable) ? editable : null;
    } catch {
      return null;
    }
  },

  conversationRoot(doc) {
    return activeScope(doc);
  },
};

/*
 * Modelled on (public sources):
 * - Salesforce Help, "Case Feed" and "Email in Case Feed" / "Lightning Service Console": feed items for emails, case
 *   comments, posts and field changes, newest first by default; the email publisher's rich text editor; console
 *   workspace tabs and subtabs kept open side by side; the Case highlights panel (Case Number, Subject, Contact Name)
 * - Salesforce FeedItem Type values (EmailMessageEvent, CaseCommentPost, TextPost, TrackedChange, CreateRecordEvent)
 *   and record id key prefixes (003 Contact, 00Q Lead, 001 Account, 005 User)
 * - Public test scripts and user scripts written against Lightning feeds: .forceChatterFeedItem, .cuf-feedElement
 *   .cuf-feedItem[data-type], .forceChatterMessageBody, .forceChatterEmailMessageBody, .cuf-timestamp,
 *   .cuf-commentItem, .forceChatterEntityLink, .forceHighlightsPanel, .cuf-publisher, CKEditor's iframe.cke_wysiwyg_frame
 * Not verified against a live org: where the markup differs, `read` yields few or no messages and the generic reader
 * remains available.
 */
