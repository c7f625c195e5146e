/**
 * Finding the conversation on a page nobody described: the repeated block of sibling elements that looks most like
 * messages. One pass over the document measures every element (text, link text, times, editors below it), then each
 * parent's children are grouped by tag and shared class words and the groups are scored. No layout is used.
 */

import {
  ITEM_TAGS, LIST_WORDS, MESSAGE_WORDS, SKIPPED_TAGS, WEAK_ITEM_TAGS, classNamesOf, selectors, wordsOf,
} from './vocabulary';
import { isSideWord, sideWordsIn } from './cues';

export interface Thread {
  /** The element whose children (or grandchildren, for day groups) are the message blocks. */
  container: Element;
  /** Message-like blocks in document order, notes and system lines included. */
  items: Element[];
  score: number;
}

interface Measure {
  text: number;
  link: number;
  times: number;
  editors: number;
}

/** Item words: its own class words and data attribute names, and those of its first child (bubble wrappers). */
export function itemWords(el: Element): Set<string> {
  const words = new Set<string>();
  const add = (node: Element): void => {
    for (const name of classNamesOf(node)) for (const word of wordsOf(name)) words.add(word);
    for (const attr of Array.from(node.attributes)) {
      if (attr.name.startsWith('data-')) for (const word of wordsOf(attr.name.slice(5))) words.add(word);
    }
  };
  add(el);
  const first = el.firstElementChild;
  if (first) add(first);
  return words;
}

function isEditable(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return el.getAttribute('role') === 'textbox' && tag !== 'INPUT';
}

/** Post-order walk (iterative: deep pages must not overflow the stack) measuring every element once. */
function measureAll(root: Element): Map<Element, Measure> {
  const measures = new Map<Element, Measure>();
  const stack: Array<{ el: Element; done: boolean }> = [{ el: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const { el } = top;
    if (!top.done) {
      stack.push({ el, done: true });
      for (const child of Array.from(el.children)) {
        if (!SKIPPED_TAGS.has(child.tagName.toUpperCase())) stack.push({ el: child, done: false });
      }
      continue;
    }
    const measure: Measure = { text: 0, link: 0, times: 0, editors: 0 };
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) {
        measure.text += (node.nodeValue ?? '').trim().length;
      } else if (node.nodeType === 1) {
        const child = measures.get(node as Element);
        if (!child) continue;
        measure.text += child.text;
        measure.link += child.link;
        measure.times += child.times;
        measure.editors += child.editors;
      }
    }
    if (el.tagName === 'A') measure.link = measure.text;
    if (el.tagName === 'TIME' || el.hasAttribute('datetime') || el.hasAttribute('data-timestamp')) measure.times += 1;
    if (isEditable(el)) measure.editors += 1;
    measures.set(el, measure);
  }
  return measures;
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

/**
 * Words on a container and its two nearest ancestors, as two sets: message words anywhere, and list words on
 * nodes that do not also name messages (a "messages-and-sidebar" wrapper is about messages).
 */
function containerWords(container: Element): { message: boolean; list: boolean } {
  let message = false;
  let list = false;
  let node: Element | null = container;
  for (let level = 0; node && level < 3; level += 1, node = node.parentElement) {
    const words = [...classNamesOf(node), node.getAttribute('id') ?? ''].flatMap(wordsOf);
    const names = words.some((word) => MESSAGE_WORDS.has(word));
    if (names) message = true;
    else if (words.some((word) => LIST_WORDS.has(word))) list = true;
  }
  return { message, list };
}

/** Children sharing the group's dominant class words: keeps messages, drops the header or composer beside them. */
function dominantMembers(members: Element[], measures: Map<Element, Measure>): { items: Element[]; key: string } {
  const withText = members.filter((el) => (measures.get(el)?.text ?? 0) >= 2);
  const counts = new Map<string, number>();
  const wordsByMember = new Map<Element, Set<string>>();
  for (const el of members) {
    const words = itemWords(el);
    wordsByMember.set(el, words);
    if ((measures.get(el)?.text ?? 0) < 2) continue;
    // Side words name variants of one kind of block (`msg--in`, `left`), never the kind itself.
    for (const word of words) if (!isSideWord(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const dominant = [...counts].filter(([, count]) => count * 2 >= withText.length && count >= 2).map(([word]) => word);
  if (dominant.length === 0) return { items: members, key: '' };
  const items = members.filter((el) => dominant.some((word) => wordsByMember.get(el)?.has(word)));
  return { items, key: dominant.sort().join(' ') };
}

function scoreGroup(
  container: Element,
  items: Element[],
  measures: Map<Element, Measure>,
  editors: readonly Element[],
): number {
  const texts = items.map((el) => measures.get(el)).filter((m): m is Measure => !!m && m.text >= 2);
  const count = texts.length;
  if (count < 2) return 0;
  const totalText = texts.reduce((sum, m) => sum + m.text, 0);
  const average = texts.reduce((sum, m) => sum + Math.min(m.text, 600), 0) / count;
  const linkRatio = texts.reduce((sum, m) => sum + m.link, 0) / Math.max(1, totalText);

  let messageLike = 0;
  let sided = 0;
  let timed = 0;
  let holdsEditor = false;
  for (const el of items) {
    const words = itemWords(el);
    if ([...words].some((word) => MESSAGE_WORDS.has(word))) messageLike += 1;
    if (sideWordsIn(words)) sided += 1;
    const measure = measures.get(el);
    if (measure && measure.times >= 1 && measure.times <= 3) timed += 1;
    if (measure && measure.editors > 0) holdsEditor = true;
  }
  const around = containerWords(container);
  const tag = items[0]?.tagName.toUpperCase() ?? '';

  let score = 1 + Math.log2(count);
  score *= Math.min(1, average / 40);
  score *= (1 - linkRatio) ** 2;
  if (WEAK_ITEM_TAGS.has(tag) && messageLike === 0) score *= 0.2;
  score *= 1 + (2 * messageLike) / items.length + (around.message ? 1 : 0);
  score *= 1 + timed / items.length;
  score *= 1 + sided / items.length;
  if (around.list) score *= 0.3;
  if (container.closest('aside, footer')) score *= 0.4;
  if (holdsEditor) score *= 0.15;
  if (editors.length > 0) {
    const distance = Math.min(...editors.map((editor) => treeDistance(container, editor)));
    score /= 1 + 0.15 * Math.max(0, distance - 3);
  }
  return score;
}

/** Editables that could be a reply box (visibility is checked later, by the editor finder). */
function editableCandidates(body: Element): Element[] {
  return Array.from(body.querySelectorAll(selectors.editables)).filter(isEditable);
}

/**
 * Day groups: the same kind of block split over sibling wrappers (one per day, one per sender run) reads as one
 * thread under their parent. Wrappers count when they share the container's tag and first class name.
 */
function widenOverSiblingWrappers(best: Thread & { key: string }): Thread {
  const { container, key } = best;
  const parent = container.parentElement;
  const kind = classNamesOf(container)[0];
  if (!key || !parent || !kind) return best;
  const dominant = key.split(' ');
  const wrappers = Array.from(parent.children).filter(
    (sibling) => sibling === container || (sibling.tagName === container.tagName && classNamesOf(sibling)[0] === kind),
  );
  if (wrappers.length < 2) return best;
  const items = wrappers.flatMap((wrapper) =>
    wrapper === container
      ? best.items
      : Array.from(wrapper.children).filter((child) => {
          const words = itemWords(child);
          return child.tagName === best.items[0]?.tagName && dominant.some((word) => words.has(word));
        }),
  );
  return items.length > best.items.length ? { container: parent, items, score: best.score } : best;
}

/**
 * Groups that are pieces of a bigger group's items (the text and time row inside every bubble) are demoted: when
 * most items of an enclosing group hold a group of the same shape, the enclosing group is the list, unless the inner
 * groups are much longer (messages inside day wrappers).
 */
function demoteInnerGroups(candidates: Candidate[]): void {
  const groupOfItem = new Map<Element, Candidate>();
  for (const candidate of candidates) for (const item of candidate.items) groupOfItem.set(item, candidate);
  const shapeOf = (el: Element): string => `${el.tagName}.${classNamesOf(el).sort().join('.')}`;
  // (outer group, inner shape) → outer items holding such an inner group
  const holders = new Map<Candidate, Map<string, Set<Element>>>();
  const enclosing = new Map<Candidate, Array<{ outer: Candidate; shape: string }>>();
  for (const candidate of candidates) {
    const shape = shapeOf(candidate.container);
    const outers: Array<{ outer: Candidate; shape: string }> = [];
    for (let node = candidate.container as Element | null; node; node = node.parentElement) {
      const outer = groupOfItem.get(node);
      if (!outer || outer === candidate) continue;
      const byShape = holders.get(outer) ?? new Map<string, Set<Element>>();
      const items = byShape.get(shape) ?? new Set<Element>();
      items.add(node);
      byShape.set(shape, items);
      holders.set(outer, byShape);
      outers.push({ outer, shape });
    }
    enclosing.set(candidate, outers);
  }
  for (const candidate of candidates) {
    for (const { outer, shape } of enclosing.get(candidate) ?? []) {
      const held = holders.get(outer)?.get(shape)?.size ?? 0;
      if (held >= 2 && held * 2 >= outer.items.length && candidate.items.length < 2 * outer.items.length) {
        candidate.score *= 0.3;
        break;
      }
    }
  }
}

type Candidate = Thread & { key: string };

/** The best-scoring repeated block of message-like siblings, or null when the page has none. */
export function findThread(doc: Document): Thread | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const measures = measureAll(body);
  const editors = editableCandidates(body);
  const candidates: Candidate[] = [];

  for (const container of measures.keys()) {
    if (container.childElementCount < 2) continue;
    if (container.closest(selectors.chrome)) continue;
    const byTag = new Map<string, Element[]>();
    for (const child of Array.from(container.children)) {
      const tag = child.tagName.toUpperCase();
      if (!ITEM_TAGS.has(tag) && !tag.includes('-')) continue;
      const list = byTag.get(tag) ?? [];
      list.push(child);
      byTag.set(tag, list);
    }
    for (const members of byTag.values()) {
      if (members.length < 2) continue;
      const { items, key } = dominantMembers(members, measures);
      const score = scoreGroup(container, items, measures, editors);
      if (score > 0) candidates.push({ container, items, score, key });
    }
  }
  demoteInnerGroups(candidates);
  let best: Candidate | null = null;
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
  return best ? widenOverSiblingWrappers(best) : null;
}
