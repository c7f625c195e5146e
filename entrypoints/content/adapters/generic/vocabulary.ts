/**
 * What the generic reader knows about helpdesk markup in general: the few CSS selectors it uses and the words that
 * class names, data attributes and small labels use for sides, notes, system lines, message bodies and authors.
 * Kept in one place so a new helpdesk's vocabulary is a one-line change.
 */

import type { Speaker } from '@/scripts-library/schemas';

export const selectors = {
  editables: 'textarea, [contenteditable], [role="textbox"], input[type="text"], input:not([type])',
  times: 'time, [datetime], [data-time], [data-timestamp]',
  /** Chrome that is never the conversation. */
  chrome: 'nav, [role="navigation"], [role="menu"], [role="menubar"], [role="tablist"], [role="search"], select, datalist',
  /** Where the agent's own name usually sits: attributes first, then account menus. */
  ownNameAttributes: ['data-current-user-name', 'data-current-user', 'data-agent-name', 'data-user-name'],
  ownNameElements:
    '[class*="current-user"], [class*="currentUser"], [class*="user-menu"], [class*="userMenu"], [class*="account-name"], ' +
    '[class*="profile-name"], [class*="agent-name"], [class*="signed-in"], [class*="logged-in"], [id*="current-user"], ' +
    '[id*="user-menu"], [class*="whoami"]',
  ownNameMeta: 'meta[name="user-name"], meta[name="current-user"]',
  /** Inside an account menu: the name, or the avatar whose alt text is the name. */
  nameInMenu: '[class*="name"]',
  avatarWithAlt: 'img[alt]',
  /** Where "Signed in as …" may sit as a tooltip. */
  titled: '[title], [aria-label]',
  /** Page areas where the agent's name is shown in a sentence ("Signed in as …"). */
  banner: 'header, nav, [role="banner"], [class*="topbar"], [class*="navbar"], [class*="header"]',
  headings: 'h1, h2',
  /** Side columns: their headings are not the subject. */
  aside: 'aside',
  ticketNumberHolders: 'h1, h2, h3, [class*="ticket-id"], [class*="ticket-number"], [class*="ticketId"]',
  /** "via email", "Canal: correo", `data-channel="PHONE"`. */
  channelLabels: '[class*="via"], [class*="channel"], [class*="canal"], [class*="source"], [data-channel]',
  /** Controls whose captions ("Note", "Reply") are actions, not labels of the message. */
  actions: 'button, [role="button"], [role="menu"], [role="menuitem"]',
  /** Every element below a node. */
  all: '*',
} as const;

/** Words naming a side outright, in class names, data values and labels. Weight 3. */
export const ROLE_WORDS: Record<Speaker, readonly string[]> = {
  customer: [
    'customer', 'customers', 'client', 'requester', 'requestor', 'enduser', 'visitor', 'guest', 'contact', 'consumer',
    'cliente', 'solicitante', 'visitante', 'ग्राहक', 'வாடிக்கையாளர்',
  ],
  agent: [
    'agent', 'agents', 'staff', 'operator', 'admin', 'administrator', 'support', 'rep', 'representative', 'employee',
    'teammate', 'assignee', 'agente', 'soporte', 'operador', 'asesor', 'एजेंट', 'सहायक', 'முகவர்',
  ],
};

/** Words naming a direction of travel, seen from the agent's screen. Weight 2. */
export const DIRECTION_WORDS: Record<Speaker, readonly string[]> = {
  customer: ['inbound', 'incoming', 'in', 'received', 'them', 'other', 'others', 'theirs', 'entrante', 'recibido'],
  agent: ['outbound', 'outgoing', 'out', 'sent', 'me', 'mine', 'self', 'own', 'saliente', 'enviado', 'propio'],
};

/** Words that lean to a side without saying so: chat widgets call the person "user", the company side "bot". */
export const WEAK_WORDS: Record<Speaker, readonly string[]> = {
  customer: ['user', 'usuario', 'lead'],
  agent: ['bot', 'response', 'respuesta', 'team', 'reply'],
};

/** Words before `in`/`out` that make them animation or account words, not directions. */
export const NOT_DIRECTION_BEFORE = new Set([
  'fade', 'slide', 'zoom', 'animate', 'bounce', 'ease', 'sign', 'log', 'check', 'opt', 'plug', 'drop', 'pop', 'roll',
  'fly', 'scale', 'built', 'logged', 'signed', 'zoomed', 'time', 'clock', 'punch', 'zoom',
]);
/** Words before `start`/`end` that make them alignment words (`justify-end`, `self-start`). */
export const ALIGNMENT_BEFORE = new Set(['justify', 'self', 'items', 'align', 'content', 'text', 'place', 'float', 'flex', 'pull']);

/** Class or attribute words marking an internal note. */
export const NOTE_WORDS = new Set([
  'note', 'notes', 'internal', 'private', 'whisper', 'privatenote', 'internalnote', 'privatenotes', 'internalnotes',
  'nota', 'notas', 'interna', 'interno', 'privada', 'privado',
]);
/** Small labels marking an internal note, in the languages the project serves. */
export const NOTE_LABEL =
  /^\(?\s*(?:(?:internal|private)(?: note| comment)?|note|nota(?: interna| privada)?|आंतरिक (?:नोट|टिप्पणी)|निजी नोट|உள் குறிப்பு|தனிப்பட்ட குறிப்பு)\s*\)?$/i;

/** Class or attribute words marking a system line, event or divider rather than a message. */
export const SYSTEM_WORDS = new Set([
  'system', 'event', 'events', 'activity', 'lineitem', 'divider', 'separator', 'daybreak', 'notice', 'audit', 'sistema',
  'evento', 'statuschange', 'changelog', 'timestamp-divider',
]);
/** Class words of pictures: avatars and icons, whose alignment and namespaces say nothing about the message. */
export const PICTURE_WORDS = new Set(['avatar', 'avatars', 'thumbnail', 'thumb', 'icon', 'img', 'image', 'photo', 'pic', 'picture', 'button', 'btn', 'emoji']);
/** Icon words of a private note's padlock. */
export const LOCK_WORDS = new Set(['lock', 'locked', 'padlock', 'keyhole']);
/** Words marking an automated sender. */
export const BOT_WORDS = new Set(['bot', 'chatbot', 'robot', 'automated', 'automation', 'autoreply', 'autoresponder']);

/** Small labels marking a system line ("Type: System"). */
export const SYSTEM_LABEL = /^\(?\s*(?:system|sistema|event|evento|सिस्टम|அமைப்பு)\s*\)?$/i;
/** Text of events that helpdesks write into the thread. Only used on lines without an author or side. */
export const SYSTEM_TEXT = new RegExp(
  [
    'status (?:was )?changed', 'changed (?:the )?status', '\\bassigned (?:to|the)\\b', '\\bunassigned\\b', '\\breassigned\\b',
    '(?:joined|left) the (?:chat|conversation)', 'ticket (?:closed|reopened|merged|created|solved)',
    'marked (?:as )?(?:solved|resolved|closed|pending|spam)', 'conversation (?:closed|reopened|assigned|snoozed)',
    'chat (?:started|ended|transferred)', 'priority (?:changed|set)', 'tag(?:s)? (?:added|removed)',
    '(?:added|removed) the (?:label|tag)', '(?:conversation|ticket|chat) was (?:created|opened|resolved|reopened|closed|assigned|transferred)',
    '(?:updated|changed) this (?:record|case|ticket)', 'actualizó este (?:registro|caso)',
    'estado (?:cambiado|actualizado)', '(?:añadió|quitó) la etiqueta', 'cambió el estado', 'asignad[oa] a', 'se unió a', 'abandonó (?:el|la)', 'reasignad[oa]',
    'स्थिति बदल', 'को सौंपा', 'असाइन किया', 'चैट (?:में )?(?:जुड़|जॉइन)', 'நிலை மாற்ற', 'ஒதுக்கப்பட்ட', 'ஒதுக்கினார்', 'உரையாடலில் இணைந்தார்',
  ].join('|'),
  'i',
);
/** Lines that are only a date: day dividers. */
export const DATE_ONLY =
  /^(?:today|yesterday|hoy|ayer|आज|कल|இன்று|நேற்று|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/i;

/** Words in class names that say "this element is a message or a thread". */
export const MESSAGE_WORDS = new Set([
  'message', 'messages', 'msg', 'msgs', 'chat', 'conversation', 'thread', 'comment', 'comments', 'reply', 'replies',
  'bubble', 'post', 'entry', 'article', 'transcript', 'timeline', 'mensaje', 'mensajes', 'conversacion', 'hilo',
  'respuesta', 'correspondence', 'ticket', 'interaction', 'part', 'parts',
]);
/** Of those, the ones strong enough on their own to call a page a conversation (a blog "comment" is not). */
export const STRONG_CONVERSATION_WORDS = new Set([
  'message', 'messages', 'msg', 'msgs', 'chat', 'conversation', 'thread', 'transcript', 'ticket', 'mensaje', 'mensajes',
  'conversacion', 'hilo', 'correspondence',
]);
/** Words on a container or its items that mean "not a support conversation" (reviews, results, shop, blog). */
export const VETO_WORDS = new Set([
  'review', 'reviews', 'rating', 'ratings', 'testimonial', 'testimonials', 'result', 'results', 'search', 'product',
  'products', 'listing', 'faq', 'sku', 'price', 'cart', 'recipe', 'resena', 'resenas', 'opinion', 'opiniones',
  'valoracion', 'valoraciones',
]);
/** schema.org types and properties that mark public pages rather than a helpdesk. */
export const VETO_SCHEMA = /schema\.org\/(?:Review|Product|NewsArticle|Article|BlogPosting|SearchResultsPage|Comment|Question)\b|^(?:review|comment|articleBody|suggestedAnswer)$/i;
/** Container words of lists of other tickets, menus and sidebars. */
export const LIST_WORDS = new Set([
  'sidebar', 'nav', 'menu', 'preview', 'previews', 'snippet', 'inbox', 'queue', 'folder', 'folders', 'tabs', 'toolbar',
  'filter', 'filters', 'views', 'breadcrumb', 'breadcrumbs', 'pagination', 'footer', 'related', 'recent',
  'conversations', 'tickets', 'threads', 'chats', 'cases',
]);

/** Class words of the element holding a message's own text. Lower index wins. */
export const BODY_CLASS = [
  /(?:^|[-_]|message|msg|post|comment|entry|article|thread|mensaje|rich)(?:body|text|content|texto|cuerpo|contenido)(?:$|[-_])/,
  /(?:^|[-_])(?:body|content|text|richtext|markdown|html|prose|texto|cuerpo|contenido)(?:$|[-_])/,
  /(?:^|[-_])bubble(?:$|[-_])/,
];
/** Utility classes (Tailwind, Bootstrap) that contain body words without naming a body. */
export const UTILITY_CLASS = /^(?:text|bg|font|border|leading|tracking|whitespace|break|align|content|prose)-(?!body$|content$)/;

/** Class words of the author element. */
export const AUTHOR_WORDS = new Set([
  'author', 'sender', 'name', 'username', 'fullname', 'displayname', 'from', 'byline', 'poster', 'person', 'who', 'nick',
  'nickname', 'participant', 'autor', 'remitente', 'nombre', 'actor',
]);
/** Class words of pieces of a message that are not its text: stripped when no body element stands out. */
export const CHROME_WORDS = new Set([
  'meta', 'metadata', 'header', 'footer', 'actions', 'action', 'toolbar', 'avatar', 'timestamp', 'time', 'date', 'author', 'sender',
  'name', 'username', 'byline', 'status', 'badge', 'label', 'tag', 'menu', 'reactions', 'receipt', 'receipts', 'info',
  'details', 'role', 'type', 'photo', 'pic', 'icon', 'controls', 'fecha', 'hora', 'autor', 'remitente', 'id', 'number',
  'attachment', 'attachments', 'files', 'adjuntos',
]);

/** Author names that mean "the person reading this screen". */
export const SELF_NAMES = new Set(['you', 'me', 'yo', 'tú', 'tu', 'usted', 'आप', 'मैं', 'நீங்கள்', 'நான்']);
/** Sentences that introduce the signed-in agent's name. */
export const SIGNED_IN_AS = /(?:signed|logged) in as|conectad[oa] como|sesión iniciada como|के रूप में लॉग इन/i;

/** Tags that can be a message block in a repeated list. */
export const ITEM_TAGS = new Set(['DIV', 'LI', 'ARTICLE', 'SECTION', 'TR', 'TABLE', 'DL', 'ASIDE', 'P', 'BLOCKQUOTE', 'FIGURE']);
/** Of those, tags that are usually paragraphs or quotes of one text, not messages. */
export const WEAK_ITEM_TAGS = new Set(['P', 'BLOCKQUOTE', 'FIGURE', 'ASIDE']);
/** Never walked into: no visible message text lives there. */
export const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'CANVAS']);

/**
 * Lowercase words of a class name, attribute value or label: `msg--in` → msg, in; `endUser` → enduser (joined on
 * purpose, so "end" never reads as alignment). Latin accents are dropped (`conversación` → conversacion); Indic vowel
 * signs are kept.
 */
export function wordsOf(value: string): string[] {
  const known = wordCache.get(value);
  if (known) return known;
  const words = foldAccents(value.replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2').toLowerCase())
    .replace(/\bend[-_ ]user\b/g, 'enduser')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word.length > 0);
  // Class names repeat on every message: remember them (bounded, so a page of unique ids cannot grow it forever).
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(value, words);
  return words;
}

const WORD_CACHE_LIMIT = 5000;
const wordCache = new Map<string, string[]>();

/** Drops Latin combining accents only (Devanagari and Tamil vowel signs are combining marks too, and must stay). */
export function foldAccents(value: string): string {
  // Plain ASCII (most class names) has nothing to fold.
  if (!/[^\x00-\x7f]/.test(value)) return value;
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Class names of an element as a list (SVG class objects and missing attributes give none). */
export function classNamesOf(el: Element): readonly string[] {
  const raw = el.getAttribute('class');
  if (!raw) return NO_CLASSES;
  const known = classCache.get(raw);
  if (known) return known;
  const names = raw.split(/\s+/).filter(Boolean);
  if (classCache.size >= 5000) classCache.clear();
  classCache.set(raw, names);
  return names;
}
const NO_CLASSES: readonly string[] = [];
const classCache = new Map<string, string[]>();
