/**
 * Small readers shared by the hosted-helpdesk adapters (Zendesk, Intercom, Freshdesk, Help Scout, Front, Gorgias,
 * Zoho Desk): which hostnames count, which part of a page is on screen, what a channel label means, and putting
 * messages in time order. Text extraction itself lives in `message-text.ts`.
 */
import type { Channel, Message } from '@/scripts-library/schemas';
import { textOf, timeOf } from './message-text';

/** Runs a page read; a page whose markup breaks our assumptions gives `fallback`, never an exception. */
export function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** True when the hostname is one of `domains` or a subdomain of one (`acme.zendesk.com` for `zendesk.com`). */
export function hostIs(url: URL, domains: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** `querySelector` that treats a selector the engine rejects as "no match" (selectors outlive browser versions). */
export function first(scope: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  if (!scope) return null;
  for (const selector of selectors) {
    const found = safely(() => scope.querySelector(selector), null);
    if (found) return found;
  }
  return null;
}

/** Every element matching any of `selectors`, in document order, without duplicates. */
export function all(scope: ParentNode | null | undefined, selectors: readonly string[]): Element[] {
  if (!scope) return [];
  const found = new Set<Element>();
  for (const selector of selectors) {
    for (const el of safely(() => Array.from(scope.querySelectorAll(selector)), [] as Element[])) found.add(el);
  }
  return inDocumentOrder([...found]);
}

export function inDocumentOrder(elements: Element[]): Element[] {
  // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return elements.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** Keeps only elements that hold no other element of the list: one entry per message when wrappers nest. */
export function innermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
}

/** First non-empty trimmed text among `selectors`. */
export function firstText(scope: ParentNode | null | undefined, selectors: readonly string[]): string | null {
  if (!scope) return null;
  for (const selector of selectors) {
    const text = safely(() => textOf(scope, selector), null);
    if (text) return text;
  }
  return null;
}

/**
 * What a field shows: the value of an input or textarea (subjects are often editable inputs, whose text content is
 * empty), otherwise the element's text.
 */
export function fieldValue(el: Element | null): string | null {
  if (!el) return null;
  const tag = el.tagName.toUpperCase();
  const raw =
    tag === 'INPUT' || tag === 'TEXTAREA'
      ? ((el as HTMLInputElement).value ?? '') || el.getAttribute('value') || el.textContent || ''
      : el.textContent ?? '';
  const text = raw.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

export function firstFieldValue(scope: ParentNode | null | undefined, selectors: readonly string[]): string | null {
  if (!scope) return null;
  for (const selector of selectors) {
    const value = fieldValue(safely(() => scope.querySelector(selector), null));
    if (value) return value;
  }
  return null;
}

/** Text of the element's own text nodes: a heading without the badges and buttons nested in it. */
export function ownText(el: Element | null): string | null {
  if (!el) return null;
  const text = Array.from(el.childNodes)
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text : fieldValue(el);
}

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$)/i;

/**
 * Whether the element is out of sight: it or an ancestor (up to `stopAt`) is `hidden`, `aria-hidden`, `inert` or
 * styled `display: none` / `visibility: hidden`. Helpdesks that keep several tickets open hide the background ones
 * this way. Computed style is used when the document has a window (a live page), inline style otherwise (fixtures).
 */
export function isHidden(el: Element, stopAt: Element | null = null): boolean {
  const view = el.ownerDocument?.defaultView ?? null;
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert')) return true;
    if (HIDDEN_STYLE.test(node.getAttribute('style') ?? '')) return true;
    if (view) {
      const style = safely(() => view.getComputedStyle(node as Element), null);
      if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
    }
  }
  return false;
}

/** The page address, when the document has one (a live page); parsed fixtures are `about:blank`. */
export function pageUrl(doc: Document): URL | null {
  return safely(() => {
    const href = doc.location?.href ?? doc.URL;
    if (!href || !/^https?:/i.test(href)) return null;
    return new URL(href);
  }, null);
}

/** First capture group of `pattern` in the page path, e.g. the ticket number in `/agent/tickets/1234`. */
export function idFromUrl(doc: Document, pattern: RegExp): string | null {
  const url = pageUrl(doc);
  if (!url) return null;
  return pattern.exec(url.pathname + url.hash)?.[1] ?? null;
}

/** Digits of a ticket reference such as "#1234", "Ticket 1234" or "[#1234] Subject". */
export function digitsOf(text: string | null | undefined): string | null {
  const match = /#?\s*(\d{1,18})/.exec(text ?? '');
  return match?.[1] ?? null;
}

/**
 * Channel from the words a helpdesk uses for it ("via email", "WhatsApp", "Phone call", data attributes such as
 * `native_messaging`). Chat covers live chat and messaging apps; web forms and portals behave like email.
 */
export function channelFromLabel(label: string | null | undefined): Channel | null {
  const text = (label ?? '').toLowerCase();
  if (!text.trim()) return null;
  if (/\b(phone|voice|call|talk|telephone|llamada|teléfono|telefono)|फ़ोन|फोन|कॉल|தொலைபேசி|ఫోన్/.test(text)) return 'phone';
  if (/(e-?mail|\bmail\b|gmail|outlook|correo|portal|web ?form|contact form|feedback|ईमेल|மின்னஞ்சல்|ఇమెయిల్)/.test(text)) return 'email';
  if (/(messag|chat|whatsapp|messenger|facebook|instagram|twitter|telegram|\bline\b|viber|\bsms\b|widget|\bweb\b)/.test(text)) return 'chat';
  return null;
}

/**
 * Messages oldest first. When every message carries a time, time decides (a stable sort keeps the page's order for
 * equal times); otherwise the page's own order is trusted, reversed for helpdesks that show newest first.
 */
export function oldestFirst(messages: Message[], pageOrder: 'oldest-first' | 'newest-first'): Message[] {
  const inOrder = pageOrder === 'newest-first' ? [...messages].reverse() : [...messages];
  const times = inOrder.map((m) => (m.at ? Date.parse(m.at) : NaN));
  if (inOrder.length < 2 || times.some((t) => Number.isNaN(t))) return inOrder;
  return inOrder
    .map((message, index) => ({ message, index, time: times[index] ?? 0 }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.message);
}

/**
 * A time from attributes (`datetime`, `title`, `aria-label`, data attributes) or, failing those, from the shown text
 * when it is a full date such as "Tue, 14 May 2024 at 10:32 AM" (read in the page's time zone, as shown).
 */
export function looseTimeOf(el: Element | null): string | null {
  if (!el) return null;
  // Machine-readable attributes only: V8 turns free text such as "Seen 2" into a date, so titles and labels go
  // through the stricter reading below.
  const fromAttributes = timeOf(el, ['datetime', 'data-time', 'data-timestamp', 'data-datetime']);
  if (fromAttributes) return fromAttributes;
  const attributes = ['title', 'aria-label', 'data-tooltip', 'data-original-title'].map((name) => el.getAttribute(name) ?? '');
  for (const candidate of [...attributes, el.textContent ?? '']) {
    const parsed = parseShownDate(candidate);
    if (parsed) return parsed;
  }
  return null;
}

const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;

function parseShownDate(shown: string): string | null {
  // Only full dates: a year and a month name or a numeric date. "3 hours ago" is not a time we can place.
  const text = shown
    .replace(/\b(about |over |almost )?(a|an|\d+) (second|minute|hour|day|week|month|year)s? ago\b/gi, ' ')
    .replace(/[()]/g, ' ')
    .replace(/\bat\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\b(19|20)\d{2}\b/.test(text) || !(MONTH.test(text) || /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(text))) return null;
  const candidates = [text, text.replace(/^[A-Za-z]{3,9},?\s+/, '')];
  for (const candidate of candidates) {
    const time = Date.parse(candidate);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return null;
}

/** A person's display name without addresses, "via …" tails and role badges. */
export function cleanName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const name = raw
    .replace(/<[^>]*@[^>]*>/g, ' ')
    .replace(/\([^)]*@[^)]*\)/g, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\s+(via|vía|por)\s+.*$/i, '')
    .replace(/[:·•|]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!name || name === '-' || name === '--') return null;
  return name;
}

/** Lower-cased class and selected attribute words of an element, for matching role words such as "note". */
export function markerWords(el: Element, attributes: readonly string[] = []): string {
  const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
  return [cls, ...attributes.map((name) => el.getAttribute(name) ?? '')].join(' ').toLowerCase();
}
