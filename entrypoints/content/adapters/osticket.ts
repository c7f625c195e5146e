import type { Channel, Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { classTokens, isHiddenByMarkup, isHtmlElement } from './dom-visibility';
import { oldestFirst } from './thread-order';

/** osTicket staff panel (`/scp/tickets.php?id=N`): one ticket per page, thread oldest first unless the agent flips it. */
const selectors = {
  thread: '#ticket_thread #thread-items, #thread-items',
  entry: '.thread-entry',
  author: '.header b',
  time: '.header time',
  body: '.thread-body > div:first-child',
  bodyFallback: '.thread-body',
  bodyNoise: '.attachments, .clear',
  number: '.sticky.bar h2 a[href*="tickets.php"], h2 a[href*="tickets.php?id="]',
  subject: '.tixTitle h3, .tixTitle',
  customerName: '.ticket_info [id^="user-"][id$="-name"], [id^="user-"][id$="-name"]',
  ticketInfoRow: '.ticket_info tr',
  staffWelcome: '#info strong',
  replyForm: 'form#reply',
  richEditor: '.redactor-box [contenteditable="true"], .redactor-in[contenteditable="true"]',
  plainEditor: 'textarea#response, textarea[name="response"]',
} as const;

/** Labels of the "Source" row in the ticket info table, in the UI languages the team supports. */
const SOURCE_LABELS = ['source', 'fuente', 'स्रोत', 'மூலம்', 'మూలం'];

interface EntryReading {
  message: Message;
  author: string | null;
}

function readEntry(entry: Element): EntryReading | null {
  const classes = classTokens(entry);
  const speaker: Message['speaker'] | null = classes.includes('message') ? 'customer' : classes.includes('response') ? 'agent' : null;
  if (!speaker || classes.includes('system') || classes.includes('note')) return null;
  const text = entryText(entry);
  if (!text) return null;
  return { message: { speaker, text, at: timeOf(entry.querySelector(selectors.time)) }, author: textOf(entry, selectors.author) };
}

function entryText(entry: Element): string {
  const body = entry.querySelector(selectors.body);
  if (body && !classTokens(body).includes('attachments')) return messageText(body);
  const fallback = entry.querySelector(selectors.bodyFallback);
  if (!fallback) return '';
  const copy = fallback.cloneNode(true) as Element;
  for (const noise of Array.from(copy.querySelectorAll(selectors.bodyNoise))) noise.remove();
  return messageText(copy);
}

function channelOf(doc: Document): Channel | null {
  for (const row of Array.from(doc.querySelectorAll(selectors.ticketInfoRow))) {
    const label = row.querySelector('th')?.textContent?.replace(/[:\s]+$/g, '').trim().toLowerCase() ?? '';
    if (!SOURCE_LABELS.includes(label)) continue;
    const value = row.querySelector('td')?.textContent?.toLowerCase() ?? '';
    if (/phone|tel[eé]fono|फ़ोन|फोन|தொலைபேசி|ఫోన్/.test(value)) return 'phone';
    if (/chat/.test(value)) return 'chat';
    return 'email';
  }
  return null;
}

function ticketNumber(doc: Document): string | null {
  const raw = textOf(doc, selectors.number);
  return raw?.match(/#\s*([A-Za-z0-9-]+)/)?.[1] ?? null;
}

function lastAuthor(readings: EntryReading[], speaker: Message['speaker']): string | null {
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    if (reading?.message.speaker === speaker && reading.author) return reading.author;
  }
  return null;
}

export const osticketAdapter: SiteAdapter = {
  id: 'osticket',
  label: 'osTicket',

  detect(_url, doc) {
    return doc.querySelector('#thread-items .thread-entry, form#reply textarea#response') !== null;
  },

  read(doc): ConversationReading | null {
    try {
      const thread = doc.querySelector(selectors.thread);
      if (!thread) return null;
      const readings = Array.from(thread.querySelectorAll(selectors.entry))
        .filter((entry) => !isHiddenByMarkup(entry, thread))
        .map(readEntry)
        .filter((r): r is EntryReading => r !== null);
      const ordered = oldestFirst(readings, (r) => r.message.at, 'oldest-first');
      return {
        messages: ordered.map((r) => r.message),
        ticketId: ticketNumber(doc),
        subject: textOf(doc, selectors.subject),
        customerName: textOf(doc, selectors.customerName) ?? lastAuthor(ordered, 'customer'),
        agentName: textOf(doc, selectors.staffWelcome) ?? lastAuthor(ordered, 'agent'),
        channel: channelOf(doc) ?? 'email',
        certainty: 'adapter',
      };
    } catch {
      // A page that breaks our assumptions yields no reading; the generic reader takes over.
      return null;
    }
  },

  findEditor(doc) {
    try {
      const form = doc.querySelector(selectors.replyForm);
      if (!form) return null;
      const rich = form.querySelector(selectors.richEditor);
      if (isHtmlElement(rich)) return rich;
      const plain = form.querySelector(selectors.plainEditor);
      return isHtmlElement(plain) ? plain : null;
    } catch {
      return null;
    }
  },

  conversationRoot(doc) {
    return doc.querySelector(selectors.thread);
  },
};

/*
 * Modelled on (public sources):
 * - osTicket source, include/staff/templates/thread-entry.tmpl.php (div.thread-entry.message|response|note|system,
 *   header "<b>Name</b> posted <time datetime title>", .thread-body > div, .attachments)
 * - include/staff/templates/thread-entries.tmpl.php (#thread-items, thread events between entries, ASC or DESC order)
 * - include/staff/ticket-view.inc.php (h2 "Ticket #number" link, .tixTitle h3 subject, ticket_info table with the
 *   user's span#user-N-name and the Source row, form#reply with textarea#response, form#note for internal notes)
 * - include/staff/header.inc.php (#info "Welcome, <strong>Name</strong>"), Redactor 3's .redactor-box / .redactor-in
 */
