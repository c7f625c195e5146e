/**
 * One cheap pass over a page: every element's text, link text, times and editors below it, and whether it sits in
 * navigation, a menu or an aside. The thread finder ranks groups of siblings from these numbers alone.
 */

import { SKIPPED_TAGS, classNamesOf, wordsOf } from './vocabulary';

export interface Measure {
  text: number;
  link: number;
  times: number;
  editors: number;
}

export interface Scan {
  /** Every element under the root, in document order. */
  order: Element[];
  /** Text, link text, times and editors below an element (undefined for skipped elements). */
  measure(el: Element): Measure | undefined;
  /** Inside navigation, menus, selects or skipped tags: never a thread container. */
  isExcluded(el: Element): boolean;
  /** Inside an aside or footer: rarely the conversation. */
  isSidelined(el: Element): boolean;
  words: Map<Element, Set<string>>;
  around: Map<Element, { message: boolean; list: boolean }>;
}

const CHROME_ROLES = new Set(['navigation', 'menu', 'menubar', 'tablist', 'search']);
const CHROME_TAGS = new Set(['NAV', 'SELECT', 'DATALIST']);

function addWordsOf(node: Element, words: Set<string>): void {
  for (const name of classNamesOf(node)) for (const word of wordsOf(name)) words.add(word);
  for (const name of node.getAttributeNames()) {
    if (name.startsWith('data-')) for (const word of wordsOf(name.slice(5))) words.add(word);
  }
}

/** Item words: its own class words and data attribute names, and those of its first child (bubble wrappers). */
export function itemWords(el: Element, cache?: Map<Element, Set<string>>): Set<string> {
  const known = cache?.get(el);
  if (known) return known;
  const words = new Set<string>();
  addWordsOf(el, words);
  const first = el.firstElementChild;
  if (first) addWordsOf(first, words);
  cache?.set(el, words);
  return words;
}

/** Textarea, contenteditable or textbox: anything a reply could be typed into (visibility is judged elsewhere). */
export function isEditable(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('role') === 'textbox' && tag !== 'INPUT';
}

const EXCLUDED = 1;
const SKIPPED = 2;
const SIDELINED = 4;

/**
 * One pass in document order gives each element its index, its parent's index and its flags (excluded, skipped,
 * sidelined, inherited from the parent); one pass backwards (children come after their parent) sums text, link
 * text, times and editors into the parent. Typed arrays and one map lookup per element keep a 5,000-element page
 * cheap.
 */
export function scan(root: Element): Scan {
  const order = [root, ...Array.from(root.getElementsByTagName('*'))];
  const count = order.length;
  const indexOf = new Map<Element, number>();
  const parentOf = new Int32Array(count).fill(-1);
  const flags = new Uint8Array(count);
  for (let index = 0; index < count; index += 1) {
    const el = order[index]!;
    indexOf.set(el, index);
    const parent = index === 0 ? undefined : indexOf.get(el.parentElement!);
    let flag = parent === undefined ? 0 : flags[parent]!;
    if (parent !== undefined) parentOf[index] = parent;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) flag |= SKIPPED | EXCLUDED;
    else if (CHROME_TAGS.has(tag) || CHROME_ROLES.has(el.getAttribute('role') ?? '')) flag |= EXCLUDED;
    if (tag === 'ASIDE' || tag === 'FOOTER') flag |= SIDELINED;
    flags[index] = flag;
  }
  const text = new Float64Array(count);
  const link = new Float64Array(count);
  const times = new Int32Array(count);
  const editors = new Int32Array(count);
  for (let index = count - 1; index >= 0; index -= 1) {
    if (flags[index]! & SKIPPED) continue;
    const el = order[index]!;
    let ownText = 0;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) ownText += (node.nodeValue ?? '').trim().length;
    }
    const tag = el.tagName.toUpperCase();
    const total = text[index]! + ownText;
    text[index] = total;
    if (tag === 'A') link[index] = total;
    if (tag === 'TIME' || el.hasAttribute('datetime') || el.hasAttribute('data-timestamp')) times[index] = times[index]! + 1;
    if (isEditable(el)) editors[index] = editors[index]! + 1;
    const parent = parentOf[index]!;
    if (parent >= 0) {
      text[parent] = text[parent]! + total;
      link[parent] = link[parent]! + link[index]!;
      times[parent] = times[parent]! + times[index]!;
      editors[parent] = editors[parent]! + editors[index]!;
    }
  }
  const flagOf = (el: Element): number => {
    const index = indexOf.get(el);
    return index === undefined ? SKIPPED | EXCLUDED : flags[index]!;
  };
  return {
    order,
    measure: (el) => {
      const index = indexOf.get(el);
      if (index === undefined || flags[index]! & SKIPPED) return undefined;
      return { text: text[index]!, link: link[index]!, times: times[index]!, editors: editors[index]! };
    },
    isExcluded: (el) => (flagOf(el) & EXCLUDED) !== 0,
    isSidelined: (el) => (flagOf(el) & SIDELINED) !== 0,
    words: new Map(),
    around: new Map(),
  };
}

function depthOf(el: Element): number {
  let depth = 0;
  for (let node = el.parentElement; node; node = node.parentElement) depth += 1;
  return depth;
}

/** Steps from one element to another through their lowest common ancestor. */
export function treeDistance(a: Element, b: Element): number {
  let x: Element | null = a;
  let y: Element | null = b;
  let dx = depthOf(a);
  let dy = depthOf(b);
  let steps = 0;
  while (x && y && dx > dy) { x = x.parentElement; dx -= 1; steps += 1; }
  while (x && y && dy > dx) { y = y.parentElement; dy -= 1; steps += 1; }
  while (x && y && x !== y) { x = x.parentElement; y = y.parentElement; steps += 2; }
  return steps;
}
