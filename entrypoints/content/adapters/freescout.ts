import type { Channel, Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { classTokens, isHiddenByMarkup, isHtmlElement } from './dom-visibility';
import { oldestFirst } from './thread-order';

/** FreeScout (self-hosted, Laravel + Blade): one conversation per page, threads listed newest first. */
const selectors = {
  layout: '#conv-layout',
  threadList: '#conv-layout-main',
  thread: '.thread',
  typedThread: '.thread[class*="thread-type-"]',
  /** Class tokens on `.thread`: customer mail, agent reply; notes, line items (status changes) and drafts are skipped. */
  customerType: 'thread-type-customer',
  agentType: 'thread-type-message',
  threadPerson: '.thread-person strong',
  threadPersonLink: '.thread-person a[href]',
  threadContent: '.thread-content',
  threadBody: '.thread-body',
  /** Inside `.thread-body` but not the message: bounce/forward alerts, "edited by", "customer viewed", attachments. */
  threadBodyNoise: '.alert, .thread-meta, .thread-attachments, .thread-original',
  threadDate: 'a.thread-date',
  phoneBadge: '.thread-badge .glyphicon-earphone',
  subject: '#conv-subject .conv-subjtext',
  number: '#conv-subject .conv-numnav strong',
  customerName: '.conv-customer-block .customer-name',
  signedInUser: '.dropdown-toggle-account .nav-user',
  replyBlock: '.conv-reply-block',
  richEditor: '.note-editable[contenteditable]',
  plainEditor: 'textarea#body, textarea[name="body"]',
} as const;

/** `#conv-layout` carries `conv-type-email|phone|chat` in recent versions. */
const CHANNEL_BY_LAYOUT_CLASS: Record<string, Channel> = {
  'conv-type-email': 'email',
  'conv-type-phone': 'phone',
  'conv-type-chat': 'chat',
};

interface ThreadReading {
  message: Message;
  person: string | null;
}

/** The thread list; pages that drop its id still hold typed `.thread` blocks inside the conversation layout. */
function threadsRoot(doc: Document): Element | null {
  const list = doc.querySelector(selectors.threadList);
  if (list) return list;
  const scope = doc.querySelector(selectors.layout) ?? doc.body;
  return scope?.querySelector(selectors.typedThread) ? scope : null;
}

function speakerOf(thread: Element): Message['speaker'] | null {
  const tokens = classTokens(thread);
  if (tokens.includes(selectors.customerType)) return 'customer';
  if (tokens.includes(selectors.agentType)) return 'agent';
  return null;
}

function bodyText(thread: Element): string {
  const content = thread.querySelector(selectors.threadContent);
  if (content) return messageText(content);
  const body = thread.querySelector(selectors.threadBody);
  if (!body) return '';
  // Older templates put alerts and meta lines beside the text: read a detached copy without them.
  const copy = body.cloneNode(true) as Element;
  for (const noise of Array.from(copy.querySelectorAll(selectors.threadBodyNoise))) noise.remove();
  return messageText(copy);
}

/** The thread date's title is a formatted local time ("Jun 10, 2024 10:25", or with "10:25am" in 12-hour mode). */
function threadTime(thread: Element): string | null {
  const link = thread.querySelector(selectors.threadDate);
  const parsed = timeOf(link, ['title', 'datetime', 'data-time']);
  if (parsed || !link) return parsed;
  const title = link.getAttribute('title')?.replace(/(\d)(am|pm)\b/i, '$1 $2') ?? '';
  const time = Date.parse(title);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * The author's name, except on the signed-in agent's own threads, which say "you" in the UI language; they are
 * recognised by the profile link of the user id FreeScout puts on `<body data-auth_user_id>`.
 */
function personOf(thread: Element, authUserId: string | null): string | null {
  const href = thread.querySelector(selectors.threadPersonLink)?.getAttribute('href') ?? '';
  if (authUserId && new RegExp(`/users/profile/${authUserId}(?:$|[/?#])`).test(href)) return null;
  return textOf(thread, selectors.threadPerson);
}

function readThread(thread: Element, authUserId: string | null): ThreadReading | null {
  const speaker = speakerOf(thread);
  if (!speaker) return null;
  const text = bodyText(thread);
  if (!text) return null;
  return { message: { speaker, text, at: threadTime(thread) }, person: personOf(thread, authUserId) };
}

function channelOf(doc: Document): Channel {
  for (const token of classTokens(doc.querySelector(selectors.layout))) {
    const channel = CHANNEL_BY_LAYOUT_CLASS[token];
    if (channel) return channel;
  }
  return doc.querySelector(selectors.phoneBadge) ? 'phone' : 'email';
}

function ticketNumber(doc: Document): string | null {
  const raw = textOf(doc, selectors.number);
  const digits = raw?.match(/\d+/)?.[0];
  return digits ?? null;
}

function lastPersonOf(threads: ThreadReading[], speaker: Message['speaker']): string | null {
  for (let i = threads.length - 1; i >= 0; i--) {
    const thread = threads[i];
    if (thread && thread.message.speaker === speaker && thread.person) return thread.person;
  }
  return null;
}

export const freescoutAdapter: SiteAdapter = {
  id: 'freescout',
  label: 'FreeScout',

  detect(_url, doc) {
    const layout = doc.querySelector(selectors.layout);
    if (layout && (layout.querySelector(selectors.threadList) ?? doc.querySelector(selectors.subject))) return true;
    // Without the layout wrapper: typed threads next to FreeScout's subject bar.
    return doc.querySelector(selectors.typedThread) !== null && doc.querySelector(selectors.subject) !== null;
  },

  read(doc): ConversationReading | null {
    try {
      const root = threadsRoot(doc);
      if (!root) return null;
      const authUserId = doc.body?.getAttribute('data-auth_user_id')?.replace(/\D/g, '') || null;
      const readings = Array.from(root.querySelectorAll(selectors.thread))
        .filter((thread) => !isHiddenByMarkup(thread, root))
        .map((thread) => readThread(thread, authUserId))
        .filter((reading): reading is ThreadReading => reading !== null);
      // FreeScout lists the newest thread first; the times decide in case a setting or module flips it.
      const ordered = oldestFirst(readings, (t) => t.message.at, 'newest-first');
      return {
        messages: ordered.map((t) => t.message),
        ticketId: ticketNumber(doc),
        subject: textOf(doc, selectors.subject),
        customerName: textOf(doc, selectors.customerName) ?? lastPersonOf(ordered, 'customer'),
        agentName: textOf(doc, selectors.signedInUser) ?? lastPersonOf(ordered, 'agent'),
        channel: channelOf(doc),
        certainty: 'adapter',
      };
    } catch {
      // A page that breaks our assumptions yields no reading; the generic reader takes over.
      return null;
    }
  },

  findEditor(doc) {
    try {
      const block = doc.querySelector(selectors.replyBlock) ?? doc;
      const rich = block.querySelector(selectors.richEditor) ?? doc.querySelector(selectors.richEditor);
      if (isHtmlElement(rich)) return rich;
      const plain = block.querySelector(selectors.plainEditor);
      return isHtmlElement(plain) ? plain : null;
    } catch {
      return null;
    }
  },

  conversationRoot(doc) {
    return doc.querySelector(selectors.layout);
  },
};

/*
 * Modelled on (public sources):
 * - FreeScout source, resources/views/conversations/view.blade.php (#conv-layout, #conv-subject, .conv-numnav,
 *   #conv-layout-main, .conv-reply-block with textarea#body, conv-type-* on #conv-layout in recent versions)
 * - resources/views/conversations/partials/thread.blade.php (.thread.thread-type-*, .thread-person strong,
 *   .thread-body > .thread-content, a.thread-date[title], .thread-badge .glyphicon-earphone)
 * - resources/views/conversations/thread_by.blade.php ("you" for the signed-in user's threads)
 * - resources/views/customers/profile_snippet.blade.php (a.customer-name), resources/views/layouts/app.blade.php
 *   (.dropdown-toggle-account .nav-user); app/Thread.php (thread type names)
 * - Summernote's editor markup (.note-editor .note-editable[contenteditable]) as FreeScout loads it over textarea#body
 */
