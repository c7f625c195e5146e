/**
 * Who wrote a block and when: author elements (by attribute, class or test id, a leading bold name, an avatar's alt
 * text) and time elements, read the same way for every unknown page.
 */

import { timeOf } from '../message-text';
import { cueFromLabel } from './cues';
import { namingValuesOf } from './message-body';
import { AUTHOR_WORDS, classNamesOf, selectors, wordsOf } from './vocabulary';

function directText(el: Element): string {
  return Array.from(el.childNodes)
    .filter((node) => node.nodeType === 3)
    .map((node) => node.nodeValue ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person's name as shown next to a message: short, no sentence punctuation, role labels and "wrote:" cut. */
export function cleanName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const name = raw
    .replace(/\s+/g, ' ')
    .replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ')
    .replace(/\s+(?:wrote|said|replied|posted|commented|escribió|dijo|respondió|ने लिखा|எழுதினார்)\b.*$/i, '')
    .replace(/[:,·•|-]+\s*$/, '')
    .trim();
  if (name.length < 2 || name.length > 60 || name.split(' ').length > 6 || /^\d|[?!@]|https?:/.test(name)) return null;
  // Avatar initials ("RM") are not a name.
  if (/^\p{Lu}{1,3}$/u.test(name)) return null;
  return name;
}

function authorTextOf(el: Element): string | null {
  const direct = cleanName(directText(el));
  if (direct) return direct;
  for (const child of Array.from(el.children)) {
    const text = cleanName(child.textContent);
    if (text && !cueFromLabel(text)) return text;
  }
  return cleanName(el.textContent);
}

export const AUTHOR_ATTRIBUTES = ['data-author', 'data-author-name', 'data-sender', 'data-sender-name', 'data-user-name', 'data-from'];

export function findAuthor(item: Element, chrome: readonly Element[]): { name: string | null; el: Element | null } {
  for (const el of chrome) {
    for (const attribute of AUTHOR_ATTRIBUTES) {
      const name = cleanName(el.getAttribute(attribute));
      if (name) return { name, el: el === item ? null : el };
    }
  }
  for (const el of chrome) {
    // A time element's class may read like an author word (`humanTimeFromNow` has "from").
    if (el === item || el.matches(selectors.times)) continue;
    const marked =
      el.getAttribute('itemprop') === 'author' ||
      el.getAttribute('rel') === 'author' ||
      [...classNamesOf(el), ...namingValuesOf(el)].some((name) => wordsOf(name).some((word) => AUTHOR_WORDS.has(word)));
    if (!marked) continue;
    const name = authorTextOf(el);
    if (name) return { name, el };
  }
  for (const el of chrome) {
    if (el.tagName !== 'STRONG' && el.tagName !== 'B') continue;
    const name = cleanName(el.textContent);
    if (name) return { name, el };
  }
  for (const img of chrome.filter((el) => el.tagName === 'IMG')) {
    const alt = img.getAttribute('alt') ?? '';
    if (!/avatar|profile|photo|image|logo|icon|foto/i.test(alt)) {
      const name = cleanName(alt);
      if (name) return { name, el: null };
    }
  }
  return { name: null, el: null };
}

export function findTime(item: Element, chrome: readonly Element[]): { at: string | null; el: Element | null } {
  const candidates = [
    ...(item.matches(selectors.times) ? [item] : []),
    ...Array.from(item.querySelectorAll(selectors.times)),
    ...chrome.filter((el) => el.hasAttribute('title') && classNamesOf(el).some((name) => /time|date|ago|fecha/i.test(name))),
  ];
  for (const el of candidates) {
    const at = timeOf(el);
    if (at) return { at, el };
  }
  return { at: null, el: candidates[0] ?? null };
}
