import type { Channel, Message } from '@/scripts-library/schemas';
import type { ConversationReading, SiteAdapter } from './types';
import { messageText, textOf, timeOf } from './message-text';
import { classTokens, firstShown, isHiddenByMarkup, isHtmlElement } from './dom-visibility';

/**
 * Chatwoot (self-hosted or app.chatwoot.com). Two generations of message markup are in use: the Vue 3 "next" list
 * (`.message-bubble-container[data-message-id]`, Tailwind variant colours) and the older `li.left/right/center` list.
 */
const selectors = {
  messageList: '.conversation-panel',
  // Current markup
  container: '.message-bubble-container[data-message-id]',
  bubble: '[data-bubble-name], .left-bubble, .right-bubble',
  bubbleText: '.prose-bubble, .prose-email, .prose, .text-content',
  /** The quoted "in reply to" preview and the meta row are not the message. */
  bubbleNoise: '.line-clamp-2, time, .bg-n-alpha-black1, [data-bubble-name] > section:first-child:not(:only-child)',
  privateLock: '.i-lucide-lock-keyhole, .i-lucide-lock',
  // Older markup
  legacyItem: 'li.left, li.right, li.center',
  /** Chatwoot's own text wrapper inside an older bubble: enough to recognise the list without `.conversation-panel`. */
  legacyMarker: 'li.left .message-text__wrap, li.right .message-text__wrap',
  legacyBubble: '.bubble',
  legacyText: '.message-text__wrap .text-content, .text-content',
  legacyTime: '.message-text--metadata .time',
  // Header, list and sidebar
  headerActions: '.conversation--header--actions',
  activeCardName: '.conversation.active .conversation--user',
  contactPanelName: '.contact--name',
  legacyHeaderName: '.conversation-header .user--name, .conv-header .user--name',
  sidebarProfile: 'aside button',
  emailBubble: '[data-bubble-name="email"], .bubble.is-email, .wrap.is-email',
  // Reply box
  replyBox: '.reply-box',
  editor: '.ProseMirror[contenteditable="true"]',
  plainEditor: 'textarea',
} as const;

/** Variant colours from the current bubble base component: who wrote it shows in the colour, not only the side. */
const VARIANT = {
  agent: 'bg-n-solid-blue',
  customer: 'bg-n-slate-4',
  privateNote: 'bg-n-solid-amber',
  bot: 'bg-n-solid-iris',
  activity: 'bg-n-alpha-1',
} as const;

function currentMessages(scope: ParentNode): Message[] {
  const messages: Message[] = [];
  for (const container of Array.from(scope.querySelectorAll(selectors.container))) {
    const message = readCurrent(container);
    if (message) messages.push(message);
  }
  return messages;
}

function readCurrent(container: Element): Message | null {
  const containerClasses = classTokens(container);
  if (containerClasses.includes('justify-center')) return null;
  const bubble = container.querySelector(selectors.bubble);
  if (!bubble) return null;
  const bubbleClasses = classTokens(bubble);
  if (bubbleClasses.includes(VARIANT.privateNote) || bubble.querySelector(selectors.privateLock)) return null;
  if (bubbleClasses.includes(VARIANT.bot)) return null;
  const bubbleName = bubble.getAttribute('data-bubble-name');
  if (bubbleName === 'activity') return null;
  const speaker = currentSpeaker(containerClasses, bubbleClasses);
  if (!speaker) return null;
  const text = bubbleText(bubble);
  if (!text) return null;
  return { speaker, text, at: timeOf(container.querySelector('time')) };
}

/** Colour first (it encodes the sender type), then the bubble's side, then the row's alignment. */
function currentSpeaker(containerClasses: string[], bubbleClasses: string[]): Message['speaker'] | null {
  if (bubbleClasses.includes(VARIANT.agent)) return 'agent';
  if (bubbleClasses.includes(VARIANT.customer)) return 'customer';
  if (bubbleClasses.includes(VARIANT.activity) && !bubbleClasses.some((c) => c.endsWith('-bubble'))) return null;
  if (bubbleClasses.includes('right-bubble')) return 'agent';
  if (bubbleClasses.includes('left-bubble')) return 'customer';
  if (containerClasses.includes('justify-end')) return 'agent';
  if (containerClasses.includes('justify-start')) return 'customer';
  return null;
}

function bubbleText(bubble: Element): string {
  const content = bubble.querySelector(selectors.bubbleText);
  if (content) return messageText(content);
  const copy = bubble.cloneNode(true) as Element;
  for (const noise of Array.from(copy.querySelectorAll(selectors.bubbleNoise))) noise.remove();
  return messageText(copy);
}

function legacyMessages(scope: ParentNode): Message[] {
  const messages: Message[] = [];
  for (const item of Array.from(scope.querySelectorAll(selectors.legacyItem))) {
    const classes = classTokens(item);
    const speaker: Message['speaker'] | null = classes.includes('left') ? 'customer' : classes.includes('right') ? 'agent' : null;
    if (!speaker) continue;
    const bubble = item.querySelector(selectors.legacyBubble);
    if (!bubble) continue;
    const bubbleClasses = classTokens(bubble);
    if (bubbleClasses.includes('is-private') || bubbleClasses.includes('is-from-bot')) continue;
    const textEl = bubble.querySelector(selectors.legacyText);
    const text = textEl ? messageText(textEl) : '';
    if (!text) continue;
    messages.push({ speaker, text, at: timeOf(bubble.querySelector(selectors.legacyTime)) });
  }
  return messages;
}

/** The message list of the open conversation; Chatwoot mounts one, but keep away from hidden leftovers. */
function messageList(doc: Document): Element | null {
  return firstShown(doc, selectors.messageList);
}

function customerName(doc: Document): string | null {
  // The contact's name is the first row of the header block whose second row holds the inbox and "open details".
  const actions = doc.querySelector(selectors.headerActions);
  const firstRow = actions?.parentElement?.firstElementChild;
  const fromHeader = firstRow && firstRow !== actions ? textOf(firstRow, 'button, h3, span') : null;
  return (
    fromHeader ??
    textOf(doc, selectors.legacyHeaderName) ??
    textOf(doc, selectors.activeCardName) ??
    textOf(doc, selectors.contactPanelName)
  );
}

const EMAIL_PATTERN = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** The sidebar profile button shows the signed-in agent's name above their email address. */
function agentName(doc: Document, list: Element | null): string | null {
  for (const button of Array.from(doc.querySelectorAll(selectors.sidebarProfile))) {
    const lines = Array.from(button.querySelectorAll('div'))
      .filter((div) => div.children.length === 0)
      .map((div) => div.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean);
    const emailIndex = lines.findIndex((line) => EMAIL_PATTERN.test(line));
    const name = emailIndex > 0 ? lines[emailIndex - 1] : undefined;
    if (name && !EMAIL_PATTERN.test(name)) return name;
  }
  // Otherwise the avatar beside the latest agent bubble carries the sender's name as alt text.
  const agentRows = list ? Array.from(list.querySelectorAll(`${selectors.container}.justify-end`)) : [];
  for (let i = agentRows.length - 1; i >= 0; i--) {
    const alt = agentRows[i]?.querySelector('img[alt]')?.getAttribute('alt')?.trim();
    if (alt) return alt;
  }
  return null;
}

function ticketIdFrom(doc: Document): string | null {
  try {
    const path = doc.location?.pathname ?? '';
    return path.match(/\/conversations\/(\d+)/)?.[1] ?? null;
  } catch {
    return null;
  }
}

function channelOf(scope: ParentNode): Channel {
  return scope.querySelector(selectors.emailBubble) ? 'email' : 'chat';
}

export const chatwootAdapter: SiteAdapter = {
  id: 'chatwoot',
  label: 'Chatwoot',

  detect(_url, doc) {
    if (doc.querySelector(selectors.container) || doc.querySelector(selectors.legacyMarker)) return true;
    const list = doc.querySelector(selectors.messageList);
    return Boolean(list?.querySelector('li.left .bubble, li.right .bubble, li.center'));
  },

  read(doc): ConversationReading | null {
    try {
      const list = messageList(doc);
      const looseMarkup = doc.querySelector(selectors.container) ?? doc.querySelector(selectors.legacyMarker);
      const scope: ParentNode | null = list ?? (looseMarkup ? doc : null);
      if (!scope) return null;
      const hasCurrent = scope.querySelector(selectors.container) !== null;
      const messages = hasCurrent ? currentMessages(scope) : legacyMessages(scope);
      if (!hasCurrent && !scope.querySelector(selectors.legacyItem)) return null;
      return {
        messages,
        ticketId: ticketIdFrom(doc),
        subject: null,
        customerName: customerName(doc),
        agentName: agentName(doc, list),
        channel: channelOf(scope),
        certainty: 'adapter',
      };
    } catch {
      // A page that breaks our assumptions yields no reading; the generic reader takes over.
      return null;
    }
  },

  findEditor(doc) {
    try {
      const boxes = Array.from(doc.querySelectorAll(selectors.replyBox)).filter((box) => !isHiddenByMarkup(box));
      for (const box of boxes) {
        const editor = box.querySelector(selectors.editor) ?? box.querySelector(selectors.plainEditor);
        if (isHtmlElement(editor)) return editor;
      }
      const loose = firstShown(doc, selectors.editor);
      return isHtmlElement(loose) ? loose : null;
    } catch {
      return null;
    }
  },

  conversationRoot(doc) {
    return messageList(doc);
  },
};

/*
 * Modelled on (public sources):
 * - Chatwoot source, app/javascript/dashboard/components-next/message/Message.vue (.message-bubble-container,
 *   data-message-id, justify-start/end/center by orientation; private, bot, activity variants)
 * - components-next/message/bubbles/Base.vue (bg-n-solid-blue agent, bg-n-slate-4 user, bg-n-solid-amber private,
 *   bg-n-solid-iris bot/template, left-bubble/right-bubble), bubbles/Text/Index.vue and Text/FormattedContent.vue
 *   (data-bubble-name="text", span.prose.prose-bubble), bubbles/Email/Index.vue and Email/EmailMeta.vue
 *   (data-bubble-name="email", .prose-email), MessageMeta.vue (<time>, lock icon on private notes)
 * - components/widgets/conversation/Message.vue and bubble/Text.vue, bubble/Actions.vue (older li.left/right/center,
 *   .bubble.is-private, .is-from-bot, .message-text__wrap .text-content, .message-text--metadata .time)
 * - widgets/conversation/MessagesView.vue (.conversation-panel), ConversationHeader.vue (.conversation--header--actions),
 *   ConversationCard.vue (.conversation.active .conversation--user), components-next/sidebar/SidebarProfileMenu.vue
 * - The reply box's ProseMirror editor (.reply-box .ProseMirror), per the project's field notes
 */
