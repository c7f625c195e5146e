import type { Channel, Message } from '@/scripts-library/schemas';
import { CHANNELS } from '@/scripts-library/vocabulary';
import { messageText, textOf, timeOf } from './message-text';
import type { ConversationReading, SiteAdapter } from './types';

/**
 * The bundled demo helpdesk (tests/demo-helpdesk), served from 127.0.0.1 by `npm start` and the end-to-end tests.
 * It marks its structure with data attributes, as real helpdesks do for their own tests, so every lookup keys on
 * those rather than on class names or layout.
 */
const selectors = {
  appName: 'meta[name="application-name"][content="Acme Support Demo"]',
  appRoot: '[data-app="acme-support-demo"]',
  conversationRoot: '[data-conversation-root]',
  subject: '[data-field="subject"]',
  ticketIdLabel: '[data-field="ticket-id"]',
  requesterName: '[data-field="requester-name"]',
  sidebarCustomerName: '[data-customer-panel] [data-field="customer-name"]',
  agentName: '[data-current-agent] [data-field="agent-name"]',
  messageLog: '[data-message-log]',
  messageBody: '[data-field="message-body"]',
  messageTime: 'time[datetime]',
  replyEditor: '[data-composer] textarea[data-field="reply-box"]',
} as const;

/** `data-author-role` values that are conversation turns; `note` and `system` entries are not. */
const speakerByRole: Readonly<Record<string, Message['speaker']>> = { customer: 'customer', agent: 'agent' };

/** The open conversation's section, or null. The page hides (not removes) it when no ticket is open. */
function openConversation(doc: Document): Element | null {
  const root = doc.querySelector(selectors.conversationRoot);
  return root && !root.hasAttribute('hidden') ? root : null;
}

function readMessages(log: Element): Message[] {
  const messages: Message[] = [];
  for (const entry of Array.from(log.children)) {
    const speaker = speakerByRole[entry.getAttribute('data-author-role') ?? ''];
    if (!speaker) continue;
    const body = entry.querySelector(selectors.messageBody);
    if (!body) continue;
    const text = messageText(body);
    if (!text) continue;
    messages.push({ speaker, text, at: timeOf(entry.querySelector(selectors.messageTime), ['datetime']) });
  }
  return messages;
}

function readTicketId(root: Element): string | null {
  const fromAttribute = root.getAttribute('data-ticket-id')?.trim();
  if (fromAttribute) return fromAttribute;
  const label = textOf(root, selectors.ticketIdLabel);
  return label ? label.replace(/^#/, '') || null : null;
}

function readChannel(root: Element): Channel | null {
  const value = root.getAttribute('data-channel');
  return (CHANNELS as readonly string[]).includes(value ?? '') ? (value as Channel) : null;
}

function read(doc: Document): ConversationReading | null {
  try {
    const root = openConversation(doc);
    const log = root?.querySelector(selectors.messageLog);
    if (!root || !log) return null;
    return {
      ticketId: readTicketId(root),
      subject: textOf(root, selectors.subject),
      customerName: textOf(root, selectors.requesterName) ?? textOf(doc, selectors.sidebarCustomerName),
      agentName: textOf(doc, selectors.agentName),
      channel: readChannel(root),
      messages: readMessages(log),
      certainty: 'adapter',
    };
  } catch {
    // A page that breaks our assumptions hands over to the generic reader instead of breaking the panel.
    return null;
  }
}

export const demoAdapter: SiteAdapter = {
  id: 'demo',
  label: 'Demo helpdesk',
  detect(_url, doc) {
    try {
      return doc.querySelector(selectors.appName) !== null && doc.querySelector(selectors.appRoot) !== null;
    } catch {
      return false;
    }
  },
  read,
  findEditor(doc) {
    try {
      return doc.querySelector<HTMLElement>(selectors.replyEditor);
    } catch {
      return null;
    }
  },
  // The section even while hidden: it stays in place across ticket switches, so observing it sees the next ticket.
  conversationRoot(doc) {
    try {
      return doc.querySelector(selectors.conversationRoot);
    } catch {
      return null;
    }
  },
};

export default demoAdapter;

// Modelled on: tests/demo-helpdesk/index.html and app.js in this repository (our own page, built for the demo and the
// end-to-end tests). Fixtures in tests/adapters/fixtures/demo/ are snapshots of it after rendering.
