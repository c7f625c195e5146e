/**
 * Reading one message-like block of an unknown page: its body, author, time, side cues, and whether it is an
 * internal note or a system line. Everything outside the body ("the chrome" of the block: header, avatar, badges)
 * is where cues are looked for; the body is customer content and never trusted for structure.
 */

import { messageText, timeOf } from '../message-text';
import { type Cue, cueFromLabel, cuesFromStyle, cuesFromWords } from './cues';
import {
  ALIGNMENT_BEFORE, AUTHOR_WORDS, BODY_CLASS, BOT_WORDS, CHROME_WORDS, DATE_ONLY, LOCK_WORDS, NOTE_LABEL, NOTE_WORDS, PICTURE_WORDS,
  SYSTEM_LABEL, SYSTEM_WORDS, UTILITY_CLASS, classNamesOf,
  selectors, wordsOf,
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

/** Attributes whose values name parts of a message like class names do (`data-test-id="message-content"`). */
const NAMING_ATTRIBUTES = new Set(['data-test-id', 'data-testid', 'data-test-conversation', 'data-qa', 'data-role', 'data-name', 'data-part']);

/** Body priority of one class name or naming value; names repeat on every message, so results are remembered. */
function namePriority(name: string): number {
  const known = priorityCache.get(name);
  if (known !== undefined) return known;
  let best = Infinity;
  // `is-text`, `msg--text` say what kind of message the block is; they do not mark the body element.
  const lower = name.toLowerCase().replace(/--.*$/, '');
  const excluded =
    UTILITY_CLASS.test(lower) || /^(?:is|has)-/.test(lower) || wordsOf(name).some((word) => CHROME_WORDS.has(word) || AUTHOR_WORDS.has(word));
  if (!excluded) {
    BODY_CLASS.forEach((pattern, index) => {
      if (index < best && pattern.test(lower)) best = index;
    });
  }
  if (priorityCache.size >= 5000) priorityCache.clear();
  priorityCache.set(name, best);
  return best;
}
const priorityCache = new Map<string, number>();

/** Values of test-id style attributes, which name parts of a message the way class names do. */
function namingValuesOf(el: Element): string[] {
  const values: string[] = [];
  for (const attribute of el.getAttributeNames()) {
    if (!NAMING_ATTRIBUTES.has(attribute)) continue;
    const value = el.getAttribute(attribute) ?? '';
    if (value && value.length <= 40) values.push(value);
  }
  return values;
}

function bodyPriority(el: Element): number {
  let best = Infinity;
  for (const name of classNamesOf(el)) best = Math.min(best, namePriority(name));
  for (const value of namingValuesOf(el)) best = Math.min(best, namePriority(value));
  return best;
}

function isAuthorOrTime(el: Element): boolean {
  return (
    el.matches(selectors.times) ||
    el.getAttribute('itemprop') === 'author' ||
    classNamesOf(el).some((name) => wordsOf(name).some((word) => AUTHOR_WORDS.has(word)))
  );
}

/**
 * The descendants with the best body class, outermost first; several (split bubbles) are read in order. A match that
 * also wraps the header (an `item-body` around name, time and `message-content`) gives way to the matches inside it.
 */
function findBodies(item: Element): Element[] {
  const ranked = Array.from(item.querySelectorAll('*'))
    .map((el) => ({ el, priority: bodyPriority(el) }))
    .filter(({ priority }) => priority !== Infinity);
  if (ranked.length === 0) return [];
  const best = Math.min(...ranked.map(({ priority }) => priority));
  const matches = ranked.filter(({ priority }) => priority === best).map(({ el }) => el);
  const outermost = (within: readonly Element[]): Element[] =>
    within.filter((el) => !within.some((other) => other !== el && other.contains(el)));
  const bodies: Element[] = [];
  for (const body of outermost(matches)) {
    const inner = outermost(matches.filter((el) => el !== body && body.contains(el)));
    const wrapsHeader =
      inner.length > 0 &&
      Array.from(body.querySelectorAll('*')).some((el) => isAuthorOrTime(el) && !inner.some((match) => match.contains(el)));
    bodies.push(...(wrapsHeader ? inner : [body]));
  }
  return bodies;
}

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

const AUTHOR_ATTRIBUTES = ['data-author', 'data-author-name', 'data-sender', 'data-sender-name', 'data-user-name', 'data-from'];

function findAuthor(item: Element, chrome: readonly Element[]): { name: string | null; el: Element | null } {
  for (const el of chrome) {
    for (const attribute of AUTHOR_ATTRIBUTES) {
      const name = cleanName(el.getAttribute(attribute));
      if (name) return { name, el: el === item ? null : el };
    }
  }
  for (const el of chrome) {
    if (el === item) continue;
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

function findTime(item: Element, chrome: readonly Element[]): { at: string | null; el: Element | null } {
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

const BLOCK_TAGS = new Set(['P', 'DIV', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The line holding `el` inside `item` ("Ana posted 2h ago" around the name): climb while the parent adds only a
 * little inline text. A parent with a block of its own text beside the line is the message, and stops the climb.
 */
function lineAround(el: Element, item: Element): Element {
  let line = el;
  const own = (el.textContent ?? '').trim().length;
  for (let parent = el.parentElement; parent && parent !== item; parent = parent.parentElement) {
    if ((parent.textContent ?? '').trim().length > own + 60) break;
    const current = line;
    const holdsText = Array.from(parent.children).some(
      (child) => child !== current && BLOCK_TAGS.has(child.tagName.toUpperCase()) && (child.textContent ?? '').trim().length > 0,
    );
    if (holdsText) break;
    line = parent;
  }
  return line;
}

/** Text when no body element stands out: a copy of the block without its chrome. The page is never touched. */
function strippedText(item: Element, drop: readonly (Element | null)[]): string {
  const dropped = new Set(drop.filter((el): el is Element => !!el && el !== item).map((el) => lineAround(el, item)));
  const text = textWithout(item, dropped);
  // When the "line" around the time was the whole message (text and time in one row), drop just the pieces.
  return text || textWithout(item, new Set(drop.filter((el): el is Element => !!el && el !== item)));
}

function textWithout(item: Element, dropped: ReadonlySet<Element>): string {
  const copy = item.cloneNode(true) as Element;
  const originals = Array.from(item.querySelectorAll('*'));
  const copies = Array.from(copy.querySelectorAll('*'));
  originals.forEach((original, index) => {
    const twin = copies[index];
    if (!twin) return;
    // Chrome pieces are short; a long element with a chrome-ish class ("comment-details") may hold the message.
    const chromeClass =
      (original.textContent ?? '').trim().length <= 80 &&
      classNamesOf(original).some((name) => wordsOf(name).some((word) => CHROME_WORDS.has(word)));
    if (dropped.has(original) || chromeClass || /^(?:TIME|IMG|BUTTON|svg|SVG)$/.test(original.tagName)) twin.remove();
  });
  if (copy.tagName === 'TR') {
    // A table row is columns: the message is the longest cell left once the chrome is gone.
    const cells = Array.from(copy.children).map((cell) => messageText(cell));
    return cells.reduce((longest, text) => (text.length > longest.length ? text : longest), '');
  }
  return messageText(copy);
}

function labelTexts(chrome: readonly Element[]): string[] {
  return chrome
    .filter((el) => el.childElementCount === 0)
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
 * long thread mostly holds unchanged blocks. A block counts as unchanged while its text length, class and number of
 * children stay the same.
 */
const readBefore = new WeakMap<Element, { key: string; facts: ItemFacts }>();

export function readItemCached(item: Element, rtl: boolean, textLength: number): ItemFacts {
  const key = `${rtl ? 'r' : 'l'}|${textLength}|${item.childElementCount}|${item.getAttribute('class') ?? ''}`;
  const known = readBefore.get(item);
  if (known && known.key === key && textLength >= 0) return known.facts;
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
    const empty = !(el.textContent ?? '').trim();
    const picture =
      /^(?:IMG|SVG|I)$/i.test(el.tagName) ||
      (empty && (el.childElementCount === 0 || classWords.some(({ words }) => words.some((word) => PICTURE_WORDS.has(word)))));
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
