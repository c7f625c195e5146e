import type { Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { firstShown, isHiddenByMarkup, isHtmlElement, outermost } from './dom-visibility';

/**
 * Gmail's thread view. Gmail's class names are generated but have stayed stable for years; every lookup has a
 * fallback on attributes (email=, data-message-id, role) that carry meaning. The customer is whoever is not the
 * signed-in account (or one of its send-as addresses); with no sign of the account, whoever opened the thread.
 */
const selectors = {
  subject: 'h2.hP',
  main: '[role="main"]',
  /** One per message, expanded (`.adn`) or collapsed; the outermost element carrying the id is the message. */
  message: '[data-message-id], [data-legacy-message-id], .adn, .adf, .kv',
  sender: '.gD[email], .zF[email], .yP[email], h3 [email], [email][name]',
  time: '.g3[title], span[title][alt], .g3',
  body: '.a3s',
  collapsedSnippet: '.iA.g6, .g6',
  /** The Google account chip: "Google Account: Name (email)" in every locale, with a translated prefix. */
  accountChip: 'a[href*="accounts.google.com/SignOutOptions"], a[aria-label*="@"][href*="accounts.google.com"]',
  /** "From" chooser of an open reply, showing the send-as address the agent answers with. */
  composeFrom: 'input[name="from"], [name="from"] [role="option"][aria-selected="true"]',
  /** Gmail writes the signed-in user as "me" in sender and recipient chips ("to me"), whichever address was used. */
  personChip: '[email]',
  /** Markup only Gmail's mail views have: thread heading, list rows, legacy ids, compose bodies. */
  gmailShell: 'h2.hP, tr.zA, [data-legacy-thread-id], [data-legacy-message-id], div[g_editable="true"]',
  editor:
    'div[contenteditable="true"][g_editable="true"], div.Am[contenteditable="true"], .M9 [contenteditable="true"][role="textbox"], ' +
    'div[contenteditable="true"][aria-label="Message Body"]',
} as const;

const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

interface Account {
  addresses: Set<string>;
  name: string | null;
}

/** The visible thread: the container of the shown subject heading that also holds the messages. */
function threadScope(doc: Document): Element | null {
  const subject = firstShown(doc, selectors.subject);
  if (subject) {
    for (let node = subject.parentElement; node; node = node.parentElement) {
      if (node.querySelector(selectors.message)) return node;
      if (node.matches(selectors.main)) break;
    }
  }
  for (const main of Array.from(doc.querySelectorAll(selectors.main))) {
    if (!isHiddenByMarkup(main) && main.querySelector(selectors.message)) return main;
  }
  return null;
}

/** English UI only; other locales still have the account chip, the title and the compose "From" field. */
const SELF_LABEL = /^me$/i;

function signedInAccount(doc: Document, scope: Element): Account {
  const addresses = new Set<string>();
  let name: string | null = null;
  const chip = doc.querySelector(selectors.accountChip);
  const label = chip?.getAttribute('aria-label') ?? '';
  const chipEmail = label.match(EMAIL_PATTERN)?.[0];
  if (chipEmail) {
    addresses.add(chipEmail.toLowerCase());
    // "Google Account: Priya Sharma (priya@…)": the name sits between the translated prefix and the address.
    const between = label.slice(label.indexOf(':') + 1, label.indexOf(chipEmail)).replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
    if (between && !EMAIL_PATTERN.test(between)) name = between;
  }
  // The tab title ends "… - priya@example.com - Gmail" in every locale.
  const titleEmail = doc.title.match(new RegExp(`(${EMAIL_PATTERN.source})\\s+-\\s+[^-]+$`))?.[1];
  if (titleEmail) addresses.add(titleEmail.toLowerCase());
  for (const from of Array.from(doc.querySelectorAll(selectors.composeFrom))) {
    const value = from.getAttribute('value') ?? from.getAttribute('data-value') ?? from.textContent ?? '';
    const email = value.match(EMAIL_PATTERN)?.[0];
    if (email) addresses.add(email.toLowerCase());
  }
  for (const chip of Array.from(scope.querySelectorAll(selectors.personChip))) {
    const email = chip.getAttribute('email');
    const labels = [chip.getAttribute('name'), chip.textContent];
    if (email && labels.some((label) => SELF_LABEL.test(label?.trim() ?? ''))) addresses.add(email.toLowerCase());
  }
  return { addresses, name };
}

interface MessageReading {
  message: Message;
  senderName: string | null;
}

interface Sender {
  email: string;
  name: string | null;
}

function senderOf(el: Element): Sender | null {
  const sender = el.querySelector(selectors.sender);
  const email = (sender?.getAttribute('email') ?? '').toLowerCase();
  const name = sender?.getAttribute('name')?.trim() || sender?.textContent?.replace(/\s+/g, ' ').trim() || null;
  if (!sender || (!email && !name)) return null;
  return { email, name };
}

/**
 * Whether a sender is the agent. Without any sign of the signed-in account, the person who opened the thread is taken
 * as the customer and everyone else as the team: support mailboxes mostly answer threads customers start.
 */
function isAgent(sender: Sender, account: Account, opener: Sender | null): boolean {
  if (account.addresses.size) return account.addresses.has(sender.email);
  if (!opener) return false;
  return sender.email ? sender.email !== opener.email : sender.name !== opener.name;
}

function readMessage(el: Element, account: Account, opener: Sender | null): MessageReading | null {
  const sender = senderOf(el);
  if (!sender) return null;
  const senderName = sender.name;
  const speaker: Message['speaker'] = isAgent(sender, account, opener) ? 'agent' : 'customer';
  const bodyEl = el.querySelector(selectors.body) ?? el.querySelector(selectors.collapsedSnippet);
  const text = bodyEl ? messageText(bodyEl) : '';
  if (!text) return null;
  return { message: { speaker, text, at: timeOf(el.querySelector(selectors.time), ['title', 'datetime']) }, senderName };
}

function lastNameOf(readings: MessageReading[], speaker: Message['speaker']): string | null {
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    if (reading?.message.speaker === speaker && reading.senderName) return reading.senderName;
  }
  return null;
}

function threadId(scope: Element, doc: Document): string | null {
  const subject = scope.querySelector(selectors.subject) ?? doc.querySelector(selectors.subject);
  const legacy = subject?.getAttribute('data-legacy-thread-id');
  if (legacy) return legacy;
  const perm = subject?.getAttribute('data-thread-perm-id');
  return perm ? perm.replace(/^thread-[a-z]:/, '') : null;
}

export const gmailAdapter: SiteAdapter = {
  id: 'gmail',
  label: 'Gmail',

  detect(url, doc) {
    if (url.hostname !== 'mail.google.com') return false;
    return doc.querySelector(selectors.gmailShell) !== null;
  },

  read(doc): ConversationReading | null {
    try {
      const scope = threadScope(doc);
      if (!scope) return null;
      const account = signedInAccount(doc, scope);
      const elements = outermost(Array.from(scope.querySelectorAll(selectors.message))).filter((el) => !isHiddenByMarkup(el, scope));
      const opener = elements.map(senderOf).find((s): s is Sender => s !== null) ?? null;
      const readings = elements
        .map((el) => readMessage(el, account, opener))
        .filter((r): r is MessageReading => r !== null);
      return {
        messages: readings.map((r) => r.message),
        ticketId: threadId(scope, doc),
        subject: textOf(scope, selectors.subject) ?? textOf(doc, selectors.subject),
        customerName: lastNameOf(readings, 'customer'),
        agentName: account.name ?? lastNameOf(readings, 'agent'),
        channel: 'email',
        certainty: 'adapter',
      };
    } catch {
      // A page that breaks our assumptions yields no reading; the generic reader takes over.
      return null;
    }
  },

  findEditor(doc) {
    try {
      const active = doc.activeElement;
      if (active && active.matches(selectors.editor) && isHtmlElement(active)) return active;
      // The inline reply under the open thread first, then a compose window (new message or pop-out), newest last.
      const scope = threadScope(doc);
      const inThread = scope ? firstShown(scope, selectors.editor) : null;
      if (isHtmlElement(inThread)) return inThread;
      const shown = Array.from(doc.querySelectorAll(selectors.editor)).filter((el) => !isHiddenByMarkup(el));
      const last = shown[shown.length - 1];
      return isHtmlElement(last) ? last : null;
    } catch {
      return null;
    }
  },

  conversationRoot(doc) {
    return threadScope(doc);
  },
};

/*
 * Modelled on (public sources):
 * - Gmail's thread view as documented by extension authors and open-source readers (gmail.js, InboxSDK issues,
 *   public content scripts): h2.hP[data-legacy-thread-id] subject, div.adn.ads[data-message-id] expanded messages,
 *   span.gD[email][name] sender, span.g3[title] date, div.ii.gt > div.a3s.aiL body, .gmail_quote quoted history,
 *   collapsed messages with span.zF[email] sender and .iA.g6 snippet, [role="list"]/[role="listitem"] wrappers
 * - Gmail's compose body: div.Am.Al.editable[contenteditable][g_editable][role="textbox"] inside the .M9 compose
 *   container, per the project's field notes
 * - The Google account chip (a[href*="SignOutOptions"][aria-label="Google Account: Name (email)"]) and the tab title
 *   "Subject - email - Gmail"
 */
