/**
 * Reading one message-like block of an unknown page: its body, author, time, side cues, and whether it is an
 * internal note or a system line. Everything outside the body ("the chrome" of the block: header, avatar, badges)
 * is where cues are looked for; the body is customer content and never trusted for structure.
 */

import { AUTHOR_ATTRIBUTES, findAuthor, findTime } from './author-time';
import { type Cue, cueFromLabel, cuesFromStyle, cuesFromWords } from './cues';
import { findBodies, strippedText } from './message-body';
import { messageText } from '../message-text';
import {
  ALIGNMENT_BEFORE, BOT_WORDS, DATE_ONLY, LOCK_WORDS, NOTE_LABEL, NOTE_WORDS, PICTURE_WORDS, SYSTEM_LABEL, SYSTEM_WORDS,
  classNamesOf, selectors, wordsOf,
} from './vocabulary';

export interface ItemFacts {
  el: Element;
  kind: 'message' | 'note' | 'system';
  text: string;
  author: string | null;
  at: string | null;
  /** A time for ordering only: `at`, or the shown time text when the browser can parse it; null when neither. */
  sortTime: number | null;
  /** Drawn centred (`justify-center`, `li.center`): how chats draw events. */
  centered: boolean;
  cues: Cue[];
  /** Tag and classes of the block and its first child: blocks of one kind share it. */
  signature: string;
}

/** Deep enough for `row > grid > bubble > meta > icon`, bounded so a long mail costs nothing. */
const CHROME_DEPTH = 6;
const CHROME_LIMIT = 80;
/** Weak and alignment cues count only this close to the block: the block, its row, its bubble. */
const WEAK_CUE_DEPTH = 2;
const STATE_CLASS = /^(?:is-|has-)?(?:new|unread|read|active|selected|hover|focus(?:ed)?|highlighted|last|first|odd|even|animated|show|shown|visible|expanded|collapsed|fade\S*|grouped|continued)$/i;

/** The block and its descendants outside the bodies, breadth first, bounded, with their depth below the block. */
function chromeOf(item: Element, bodies: readonly Element[]): Array<{ el: Element; depth: number }> {
  const out: Array<{ el: Element; depth: number }> = [];
  let level: Element[] = [item];
  for (let depth = 0; depth <= CHROME_DEPTH && level.length > 0 && out.length < CHROME_LIMIT; depth += 1) {
    const next: Element[] = [];
    for (const el of level) {
      if (bodies.includes(el)) continue;
      out.push({ el, depth });
      next.push(...Array.from(el.children));
    }
    level = next;
  }
  return out.slice(0, CHROME_LIMIT);
}

/** Short texts of leaf elements: badges such as "Internal note" or "Staff". Buttons ("Note", "Reply") are actions. */
function labelTexts(chrome: readonly Element[]): string[] {
  return chrome
    .filter((el) => el.childElementCount === 0 && !el.closest(selectors.actions))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0 && text.length <= 30);
}

function sortTimeOf(at: string | null, el: Element | null): number | null {
  const parsed = Date.parse(at ?? (el?.textContent ?? '').trim());
  return Number.isNaN(parsed) ? null : parsed;
}

export function signatureOf(el: Element): string {
  const classes = (node: Element | null): string =>
    node ? `${node.tagName}.${classNamesOf(node).filter((name) => !STATE_CLASS.test(name)).sort().join('.')}` : '';
  return `${classes(el)}>${classes(el.firstElementChild)}`;
}

/** Cues of one class name or attribute value: the same names recur on every message, so results are remembered. */
function cachedCues(words: readonly string[], source: string, rtl: boolean): readonly Cue[] {
  const key = `${rtl ? 'r' : 'l'}${source}`;
  const known = cueCache.get(key);
  if (known) return known;
  const found = cuesFromWords(words, source, rtl);
  if (cueCache.size >= 5000) cueCache.clear();
  cueCache.set(key, found);
  return found;
}
const cueCache = new Map<string, Cue[]>();

/**
 * Facts of blocks read before, keyed by the block element: the content script reads again on every change, and a
 * long thread mostly holds unchanged blocks. A block counts as unchanged while its text, class and number of
 * children stay the same (the browser builds `textContent` natively, far cheaper than reading the block again).
 */
const readBefore = new WeakMap<Element, { key: string; facts: ItemFacts }>();

export function readItemCached(item: Element, rtl: boolean): ItemFacts {
  const key = `${rtl ? 'r' : 'l'}|${item.childElementCount}|${item.getAttribute('class') ?? ''}|${item.textContent ?? ''}`;
  const known = readBefore.get(item);
  if (known && known.key === key) return known.facts;
  const facts = readItem(item, rtl);
  readBefore.set(item, { key, facts });
  return facts;
}

export function readItem(item: Element, rtl: boolean): ItemFacts {
  const bodies = findBodies(item);
  const placed = chromeOf(item, bodies);
  const chrome = placed.map(({ el }) => el);
  const author = findAuthor(item, chrome);
  const time = findTime(item, chrome);

  const cues: Cue[] = [];
  /** Words near the top of the block, where products mark a note (`is-internal`, `thread-type-note`). */
  const upperWords = new Set<string>();
  /** The block's own words (classes, data values, type): a system line says so on itself, not deep inside. */
  const ownWords = new Set<string>();
  /** Class words of empty pictures (icons, avatars): a lock icon marks a private note, a robot icon a bot. */
  const iconWords = new Set<string>();
  let centered = false;
  for (const { el, depth } of placed) {
    // Weak words and alignment deep inside a block (a `user-thumbnail`, a `text-right` time) describe that piece,
    // not the block; only the block and its wrappers may use them. Avatars and icons describe themselves only
    // (an avatar floated right, a `private-avatar` from a UI kit), never the block.
    const classWords = classNamesOf(el).map((name) => ({ name, words: wordsOf(name) }));
    const pictureTag = /^(?:IMG|SVG|I)$/i.test(el.tagName);
    const pictureClass = classWords.some(({ words }) => words.some((word) => PICTURE_WORDS.has(word)));
    // Text is looked at only where a picture is possible: the block itself would cost its whole text.
    const empty = (pictureTag || pictureClass || el.childElementCount === 0) && !(el.textContent ?? '').trim();
    const picture = pictureTag || (empty && (el.childElementCount === 0 || pictureClass));
    const upper = depth <= WEAK_CUE_DEPTH && !picture;
    const own = el === item || el === item.firstElementChild;
    const take = (found: readonly Cue[]): void => {
      for (const cue of found) if (upper || cue.weight >= 2) cues.push(cue);
    };
    if (picture && empty) for (const { words } of classWords) for (const word of words) iconWords.add(word);
    for (const { name, words } of classWords) {
      if (upper) for (const word of words) upperWords.add(word);
      if (own) for (const word of words) ownWords.add(word);
      if (depth <= 1 && (name === 'center' || (words.at(-1) === 'center' && ALIGNMENT_BEFORE.has(words.at(-2) ?? '')))) centered = true;
      take(cachedCues(words, `c:${name}`, rtl));
    }
    for (const attribute of el.getAttributeNames()) {
      const value = (el.getAttribute(attribute) ?? '').trim();
      if (attribute === 'style') {
        if (own) cues.push(...cuesFromStyle(value, rtl));
        continue;
      }
      if (!attribute.startsWith('data-') && attribute !== 'type' && attribute !== 'aria-label') continue;
      if (AUTHOR_ATTRIBUTES.includes(attribute)) continue;
      let words: string[];
      if (value === '' || value === 'true') words = wordsOf(attribute.replace(/^data-/, ''));
      else if (value === 'false' || value === '0' || value.length > 60 || /^[\d\s:.,-]+$/.test(value)) continue;
      else words = wordsOf(value);
      if (upper) for (const word of words) upperWords.add(word);
      if (own && attribute !== 'aria-label' && value.length <= 40) for (const word of words) ownWords.add(word);
      const found = cachedCues(words, `a:${attribute}=${value}`, rtl);
      // An aria-label is a sentence ("4 out of 5 stars"): only a role word in it counts, not "out" or "left".
      take(attribute === 'aria-label' ? found.filter((cue) => cue.weight === 3) : found);
    }
  }
  const labels = labelTexts(chrome);
  for (const label of labels) {
    const cue = cueFromLabel(label);
    if (cue) cues.push(cue);
  }

  const isNote =
    [...upperWords].some((word) => NOTE_WORDS.has(word)) ||
    [...iconWords].some((word) => LOCK_WORDS.has(word)) ||
    labels.some((label) => NOTE_LABEL.test(label));
  // Bots' canned lines ("An agent will join you shortly") are not the agent speaking: read as system lines.
  const isBot = [...upperWords, ...iconWords].some((word) => BOT_WORDS.has(word));
  const isSystem = isBot || [...ownWords].some((word) => SYSTEM_WORDS.has(word)) || labels.some((label) => SYSTEM_LABEL.test(label));

  const text = bodies.length > 0
    ? bodies.map((body) => messageText(body)).filter(Boolean).join('\n')
    : strippedText(item, [author.el, time.el]);
  const dateOnly = DATE_ONLY.test(text) || (text.length <= 40 && !/[.!?]/.test(text) && /\d/.test(text) && !Number.isNaN(Date.parse(text)));

  return {
    el: item,
    kind: isNote ? 'note' : isSystem || dateOnly ? 'system' : 'message',
    text,
    author: author.name,
    at: time.at,
    sortTime: sortTimeOf(time.at, time.el),
    centered,
    cues,
    signature: signatureOf(item),
  };
}
