import type { Channel, Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { classTokens, firstShown, isHiddenByMarkup, isHtmlElement } from './dom-visibility';
import { oldestFirst } from './thread-order';

/**
 * Zammad, classic agent UI (CoffeeScript + Eco templates). Every open ticket is a task whose view stays in the page;
 * the visible one is `.content.active`, so every lookup is scoped to it.
 */
const selectors = {
  activeTask: '.content.active',
  ticketZoom: '.ticketZoom',
  article: '.ticket-article .ticket-article-item, .ticket-article-item',
  body: '.textBubble-content .richtext-content',
  bodyFallback: '.textBubble-content',
  /** Zammad marks where it detected a signature; what follows the marker is not the message. */
  signatureMarker: '.js-signatureMarker',
  signatureBlock: '[data-signature="true"]',
  time: 'small.task-subline time, .task-subline time, time[datetime]',
  fromValue: '.article-meta.top .article-meta-row:first-child .article-meta-value',
  channelIcon: '.article-meta.bottom .article-meta-icon, .article-meta.bottom svg',
  number: '.ticketZoom-header .ticket-number',
  title: '.ticketZoom-header .ticket-title-update, .ticket-title-update',
  customerSidebar: '.sidebar[data-tab="customer"] .sidebar-block h3',
  editor: '.articleNewEdit-body[contenteditable="true"], .article-add [contenteditable="true"][data-name="body"]',
} as const;

/** Icons of Zammad's article types (`icon-<type>`), grouped by how the conversation is held. */
const CHANNEL_BY_ICON: Record<string, Channel> = {
  'icon-email': 'email',
  'icon-web': 'email',
  'icon-phone': 'phone',
  'icon-chat': 'chat',
  'icon-sms': 'chat',
  'icon-whatsapp': 'chat',
  'icon-telegram': 'chat',
  'icon-facebook': 'chat',
  'icon-twitter': 'chat',
};

interface ArticleReading {
  message: Message;
  author: string | null;
  channel: Channel | null;
}

/** The visible ticket: the active task, or a lone ticket view that is not hidden. */
function activeTicket(doc: Document): Element | null {
  const active = Array.from(doc.querySelectorAll(selectors.activeTask)).find((el) => el.querySelector(selectors.ticketZoom));
  if (active) return active;
  return firstShown(doc, selectors.ticketZoom);
}

/** A copy of the body without Zammad's detected signature (everything after the marker) and signature blocks. */
function bodyWithoutSignature(body: Element): Element {
  const copy = body.cloneNode(true) as Element;
  const marker = copy.querySelector(selectors.signatureMarker);
  if (marker) {
    for (let node: Node | null = marker; node && node !== copy; node = node.parentNode) {
      while (node.nextSibling) node.nextSibling.remove();
    }
    marker.remove();
  }
  for (const block of Array.from(copy.querySelectorAll(selectors.signatureBlock))) block.remove();
  return copy;
}

function authorOf(article: Element): string | null {
  const raw = textOf(article, selectors.fromValue);
  if (!raw) return null;
  // "Name <address>" or "Name via Group <address>": keep the person.
  const name = raw.replace(/<[^>]*>/g, '').replace(/\S+@\S+/g, '').replace(/\s+via\s+.*$/i, '').trim();
  return name || null;
}

function channelOfArticle(article: Element): Channel | null {
  for (const icon of Array.from(article.querySelectorAll(selectors.channelIcon))) {
    for (const token of classTokens(icon)) {
      const channel = CHANNEL_BY_ICON[token];
      if (channel) return channel;
    }
  }
  return null;
}

function readArticle(article: Element): ArticleReading | null {
  const classes = classTokens(article);
  if (classes.includes('is-internal') || classes.includes('system')) return null;
  const speaker: Message['speaker'] | null = classes.includes('customer') ? 'customer' : classes.includes('agent') ? 'agent' : null;
  if (!speaker) return null;
  const body = article.querySelector(selectors.body) ?? article.querySelector(selectors.bodyFallback);
  const text = body ? messageText(bodyWithoutSignature(body)) : '';
  if (!text) return null;
  return {
    message: { speaker, text, at: timeOf(article.querySelector(selectors.time)) },
    author: authorOf(article),
    channel: channelOfArticle(article),
  };
}

function lastAuthor(readings: ArticleReading[], speaker: Message['speaker']): string | null {
  for (let i = readings.length - 1; i >= 0; i--) {
    const reading = readings[i];
    if (reading?.message.speaker === speaker && reading.author) return reading.author;
  }
  return null;
}

export const zammadAdapter: SiteAdapter = {
  id: 'zammad',
  label: 'Zammad',

  detect(_url, doc) {
    return doc.querySelector('.ticketZoom .ticket-article-item, .ticketZoom .articleNewEdit-body') !== null;
  },

  read(doc): ConversationReading | null {
    try {
      const ticket = activeTicket(doc);
      if (!ticket) return null;
      const readings = Array.from(ticket.querySelectorAll(selectors.article))
        .filter((article) => !isHiddenByMarkup(article, ticket))
        .map(readArticle)
        .filter((r): r is ArticleReading => r !== null);
      const ordered = oldestFirst(readings, (r) => r.message.at, 'oldest-first');
      const number = textOf(ticket, selectors.number)?.match(/\d+/)?.[0] ?? null;
      const channel = ordered.find((r) => r.message.speaker === 'customer' && r.channel)?.channel ?? ordered.find((r) => r.channel)?.channel ?? 'email';
      return {
        messages: ordered.map((r) => r.message),
        ticketId: number,
        subject: textOf(ticket, selectors.title),
        customerName: textOf(ticket, selectors.customerSidebar) ?? lastAuthor(ordered, 'customer'),
        agentName: lastAuthor(ordered, 'agent'),
        channel,
        certainty: 'adapter',
      };
    } catch {
      // A page that breaks our assumptions yields no reading; the generic reader takes over.
      return null;
    }
  },

  findEditor(doc) {
    try {
      const ticket = activeTicket(doc);
      const editor = ticket?.querySelector(selectors.editor) ?? null;
      return isHtmlElement(editor) ? editor : null;
    } catch {
      return null;
    }
  },

  conversationRoot(doc) {
    return activeTicket(doc);
  },
};

/*
 * Modelled on (public sources):
 * - Zammad source, app/assets/javascripts/app/controllers/ticket_zoom/article_view.coffee (.ticket-article-item with
 *   the sender name as class: customer/agent/system, .is-internal, data-id, signature marker .js-signatureMarker)
 * - app/views/ticket_zoom/article_view.jst.eco (.article-meta.top rows From/To/Subject, .textBubble-content >
 *   .richtext-content, .article-meta.bottom channel icon, small.task-subline with the human time)
 * - app/views/ticket_zoom/article_view_system.jst.eco, article_new.jst.eco (.articleNewEdit-body[data-name=body]),
 *   title.jst.eco (.ticket-title-update), meta.jst.eco (.ticket-number), widget/user.jst.eco (sidebar h3 name)
 * - Zammad's own browser tests, which address the visible ticket as `.content.active .ticketZoom-header
 *   .ticket-number` and the customer tab as `.tabsSidebar .sidebar[data-tab="customer"]`
 */
