/**
 * Where a block's own text is: the descendants whose class (or test id) names a body, or, when none stands out, the
 * block without its chrome (name, time, meta lines, attachment lists), read from a copy so the page is never touched.
 */

import { messageText } from '../message-text';
import { AUTHOR_WORDS, BODY_CLASS, CHROME_WORDS, UTILITY_CLASS, classNamesOf, selectors, wordsOf } from './vocabulary';

/** Attributes whose values name parts of a message like class names do (`data-test-id="message-content"`). */
const NAMING_ATTRIBUTES = new Set(['data-test-id', 'data-testid', 'data-test-conversation', 'data-qa', 'data-role', 'data-name', 'data-part']);

/** Body priority of one class name or naming value; names repeat on every message, so results are remembered. */
function namePriority(name: string): number {
  const known = priorityCache.get(name);
  if (known !== undefined) return known;
  let best = Infinity;
  // `is-text`, `msg--text` say what kind of message the block is; they do not mark the body element.
  const lower = name.toLowerCase().replace(/--.*$/, '');
  if (wordsOf(name).some((word) => CHROME_WORDS.has(word) || AUTHOR_WORDS.has(word))) {
    best = EXCLUDED;
  } else if (!UTILITY_CLASS.test(lower) && !/^(?:is|has)-/.test(lower)) {
    BODY_CLASS.forEach((pattern, index) => {
      if (index < best && pattern.test(lower)) best = index;
    });
  }
  if (priorityCache.size >= 5000) priorityCache.clear();
  priorityCache.set(name, best);
  return best;
}
const priorityCache = new Map<string, number>();
/** Priority of names that mark chrome (meta, author, time): the element is never a body. */
const EXCLUDED = -1;

/** Values of test-id style attributes, which name parts of a message the way class names do. */
export function namingValuesOf(el: Element): string[] {
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
  const names = [...classNamesOf(el), ...namingValuesOf(el)];
  for (const name of names) {
    const priority = namePriority(name);
    // One chrome name makes the element chrome: `article-meta-value contain-text` is a header value.
    if (priority === EXCLUDED) return Infinity;
    best = Math.min(best, priority);
  }
  return best;
}

/** Author, time, meta line, attachment list: what a body wrapper may hold besides the text itself. */
function isChromePiece(el: Element): boolean {
  return (
    el.matches(selectors.times) ||
    el.getAttribute('itemprop') === 'author' ||
    classNamesOf(el).some((name) => wordsOf(name).some((word) => AUTHOR_WORDS.has(word) || CHROME_WORDS.has(word)))
  );
}

/**
 * The descendants with the best body class, outermost first; several (split bubbles) are read in order. A match that
 * also wraps chrome (an `item-body` around name, time and `message-content`; a `thread-body` around the text and a
 * "viewed" line) gives way to the matches inside it.
 */
export function findBodies(item: Element): Element[] {
  const ranked = Array.from(item.querySelectorAll(selectors.all))
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
      Array.from(body.querySelectorAll(selectors.all)).some((el) => isChromePiece(el) && !inner.some((match) => match.contains(el)));
    bodies.push(...(wrapsHeader ? inner : [body]));
  }
  return bodies;
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
export function strippedText(item: Element, drop: readonly (Element | null)[]): string {
  const dropped = new Set(drop.filter((el): el is Element => !!el && el !== item).map((el) => lineAround(el, item)));
  const text = textWithout(item, dropped);
  // When the "line" around the time was the whole message (text and time in one row), drop just the pieces.
  return text || textWithout(item, new Set(drop.filter((el): el is Element => !!el && el !== item)));
}

function textWithout(item: Element, dropped: ReadonlySet<Element>): string {
  const copy = item.cloneNode(true) as Element;
  const originals = Array.from(item.querySelectorAll(selectors.all));
  const copies = Array.from(copy.querySelectorAll(selectors.all));
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
