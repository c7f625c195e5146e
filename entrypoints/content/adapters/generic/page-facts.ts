/**
 * Facts around the conversation on an unknown page: the signed-in agent's name, the subject, a ticket number and the
 * channel. Each is a best guess and null when nothing stands out.
 */

import type { Channel } from '@/scripts-library/schemas';
import { cleanName } from './author-time';
import { SIGNED_IN_AS, classNamesOf, selectors, wordsOf } from './vocabulary';

const NAME_AFTER_SIGNED_IN = new RegExp(`(?:${SIGNED_IN_AS.source})\\s*:?\\s*([^\\n|•·,()]{2,60})`, 'i');
/** Headings that label a panel rather than name the conversation. */
const GENERIC_HEADING =
  /^(?:messages?|conversations?|chat|inbox|tickets?|comments?|activity|history|replies|reply|timeline|details|mensajes?|conversaci[oó]n(?:es)?|actividad|historial|respuestas?|संदेश|बातचीत|செய்திகள்|உரையாடல்)$/i;
const TICKET_NUMBER = [
  /#\s?([A-Z]{0,6}-?\d{2,})\b/,
  /\b(?:ticket|case|caso|issue|request|solicitud|incidencia|conversation|conversación|टिकट|டிக்கெட்)\s*(?:no\.?|n[º°o]\.?|number|número|id)?\s*[:#]?\s*([A-Z]{0,6}-?\d{2,})\b/i,
  /\[(?:#\s?)?([A-Z]{0,6}-?\d{3,})\]/,
];

function ownText(el: Element): string {
  return Array.from(el.childNodes)
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue ?? '')
    .join(' ');
}

/** The signed-in agent's name from the page chrome: data attributes, account menus, "Signed in as …" sentences. */
export function ownAgentName(doc: Document, thread: Element | null): string | null {
  const outside = (el: Element): boolean => !thread || !thread.contains(el);
  for (const attribute of selectors.ownNameAttributes) {
    for (const el of Array.from(doc.querySelectorAll(`[${attribute}]`)).filter(outside)) {
      const value = el.getAttribute(attribute);
      const name = cleanName(value && value !== 'true' ? value : el.textContent);
      if (name) return name;
    }
  }
  for (const el of Array.from(doc.querySelectorAll(selectors.ownNameMeta))) {
    const name = cleanName(el.getAttribute('content'));
    if (name) return name;
  }
  // "Signed in as Daniel Brooks": the name follows the phrase inside the element that says it.
  const sentences = [
    ...Array.from(doc.querySelectorAll(selectors.titled))
      .filter(outside)
      .flatMap((el) => [el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '']),
    ...Array.from(doc.querySelectorAll(selectors.banner))
      .filter(outside)
      .flatMap((banner) => [banner, ...Array.from(banner.querySelectorAll(selectors.all))])
      .filter((el) => SIGNED_IN_AS.test(ownText(el)))
      .map((el) => el.textContent ?? ''),
  ];
  for (const text of sentences) {
    const match = NAME_AFTER_SIGNED_IN.exec(text.replace(/\s+/g, ' '));
    const name = cleanName(match?.[1]);
    if (name) return name;
  }
  for (const el of Array.from(doc.querySelectorAll(selectors.ownNameElements)).filter(outside)) {
    const named = el.querySelector(selectors.nameInMenu) ?? el;
    const name = cleanName(named.textContent) ?? cleanName(el.querySelector(selectors.avatarWithAlt)?.getAttribute('alt'));
    if (name && !SIGNED_IN_AS.test(name)) return name;
  }
  // A name (or avatar) in the page's top bar, inside something about the signed-in person.
  for (const banner of Array.from(doc.querySelectorAll(selectors.banner)).filter(outside)) {
    for (const el of Array.from(banner.querySelectorAll(`${selectors.nameInMenu}, ${selectors.avatarWithAlt}`))) {
      let aboutPerson = false;
      for (let node: Element | null = el, level = 0; node && node !== banner.parentElement && level < 3; node = node.parentElement, level += 1) {
        if (classNamesOf(node).flatMap(wordsOf).some((word) => PERSON_WORDS.has(word))) aboutPerson = true;
      }
      if (!aboutPerson) continue;
      const name = cleanName(el.tagName === 'IMG' ? el.getAttribute('alt') : el.textContent);
      if (name && !/avatar|profile|photo|logo/i.test(name)) return name;
    }
  }
  return null;
}

/** Class words of the part of a top bar that shows who is signed in. */
const PERSON_WORDS = new Set(['agent', 'user', 'account', 'profile', 'me', 'operator', 'current', 'self', 'usuario', 'cuenta', 'perfil']);

/** Subject: the nearest h1/h2 before the thread, else the document title's first part. */
export function subjectNear(doc: Document, thread: Element | null): string | null {
  let scope: Element | null = thread?.parentElement ?? null;
  for (let level = 0; scope && level < 8; level += 1, scope = scope.parentElement) {
    const headings = Array.from(scope.querySelectorAll(selectors.headings)).filter(
      (heading) =>
        !thread?.contains(heading) &&
        !heading.closest(selectors.chrome) &&
        !heading.closest(selectors.aside) &&
        (!thread || heading.compareDocumentPosition(thread) & 4),
    );
    for (const heading of headings.reverse()) {
      const text = heading.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (text && text.length <= 200 && !GENERIC_HEADING.test(text)) return stripTicketPrefix(text);
    }
  }
  const title = doc.title.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  const first = title.split(/\s+[|–—·•]\s+|\s+-\s+/)[0]?.trim();
  return stripTicketPrefix(first || title);
}

function stripTicketPrefix(text: string): string {
  const stripped = text
    .replace(/^\[?(?:#\s?[A-Z]{0,6}-?\d+|(?:ticket|case|caso|request|solicitud|टिकट|டிக்கெட்)\s*#?\s*[A-Z]{0,6}-?\d+)\]?\s*[:\-–—|·]?\s*/i, '')
    .trim();
  return stripped || text;
}

/** A ticket number in the headings, the title, or the page's address. */
export function ticketNumber(doc: Document, thread: Element | null): string | null {
  const texts = [
    ...Array.from(doc.querySelectorAll(selectors.ticketNumberHolders))
      .filter((el) => !thread?.contains(el))
      .map((el) => el.textContent ?? ''),
    doc.title,
  ];
  for (const text of texts) {
    for (const pattern of TICKET_NUMBER) {
      const match = pattern.exec(text);
      if (match?.[1]) return match[1];
    }
  }
  const url = doc.URL?.startsWith('http') ? new URL(doc.URL) : null;
  if (url) {
    const path = /\/(?:tickets?|cases?|conversations?|requests?|issues?)\/(\d{2,})\b/i.exec(url.pathname);
    if (path?.[1]) return path[1];
    const query = url.searchParams.get('ticket') ?? url.searchParams.get('ticket_id') ?? url.searchParams.get('id');
    if (query && /^\d{2,}$/.test(query)) return query;
  }
  return null;
}

const CHANNEL_WORDS: Array<[Channel, RegExp]> = [
  ['phone', /\b(?:phone|call|voice|llamada|tel[eé]fono)\b|फ़ोन|फोन|कॉल|தொலைபேசி|அழைப்பு/i],
  ['email', /\b(?:e-?mail|mail|correo)\b|ईमेल|மின்னஞ்சல்/i],
  ['chat', /\b(?:chat|live ?chat|widget|messenger|whatsapp|sms|im)\b|चैट|அரட்டை/i],
];

/**
 * The channel a "via email" / "Channel: chat" label names, else the words the thread's own markup uses (a `chat`
 * container, `msg` bubbles); null when nothing says.
 */
export function channelOf(doc: Document, thread: Element, items: readonly Element[]): Channel | null {
  for (const label of Array.from(doc.querySelectorAll(selectors.channelLabels))) {
    if (items.some((item) => item.contains(label))) continue;
    const text = `${label.getAttribute('data-channel') ?? ''} ${label.textContent ?? ''}`.trim();
    if (text.length > 40) continue;
    for (const [channel, pattern] of CHANNEL_WORDS) if (pattern.test(text)) return channel;
  }
  const words = new Set<string>();
  for (let node: Element | null = thread, level = 0; node && level < 4; node = node.parentElement, level += 1) {
    classNamesOf(node).flatMap(wordsOf).forEach((word) => words.add(word));
    wordsOf(node.getAttribute('id') ?? '').forEach((word) => words.add(word));
  }
  for (const item of items.slice(0, 20)) classNamesOf(item).flatMap(wordsOf).forEach((word) => words.add(word));
  for (const [channel, pattern] of CHANNEL_WORDS) if ([...words].some((word) => pattern.test(word))) return channel;
  if (words.has('msg') || words.has('bubble')) return 'chat';
  for (const [channel, pattern] of CHANNEL_WORDS) if (pattern.test(doc.title)) return channel;
  return null;
}
