/**
 * Finding the conversation on a page nobody described: the repeated block of sibling elements that looks most like
 * messages. One pass over the document measures every element (text, link text, times, editors below it), then each
 * parent's children are grouped by tag and shared class words and the groups are scored. No layout is used.
 */

import { isSideWord, sideWordsIn } from './cues';
import { type Measure, type Scan, isEditable, itemWords, scan, treeDistance } from './page-scan';
import { ITEM_TAGS, LIST_WORDS, MESSAGE_WORDS, WEAK_ITEM_TAGS, classNamesOf, wordsOf } from './vocabulary';

export interface Thread {
  /** The element whose children (or grandchildren, for day groups) are the message blocks. */
  container: Element;
  /** Message-like blocks in document order, notes and system lines included. */
  items: Element[];
  score: number;
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
function dominantMembers(members: Element[], { measure, words: cache }: Scan): { items: Element[]; key: string } {
  const withText = members.filter((el) => (measure(el)?.text ?? 0) >= 2);
  const counts = new Map<string, number>();
  const wordsByMember = new Map<Element, Set<string>>();
  for (const el of members) {
    const words = itemWords(el, cache);
    wordsByMember.set(el, words);
    if ((measure(el)?.text ?? 0) < 2) continue;
    // Side words name variants of one kind of block (`msg--in`, `left`), never the kind itself.
    for (const word of words) if (!isSideWord(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const dominant = [...counts].filter(([, count]) => count * 2 >= withText.length && count >= 2).map(([word]) => word);
  if (dominant.length === 0) return { items: members, key: '' };
  const items = members.filter((el) => dominant.some((word) => wordsByMember.get(el)?.has(word)));
  return { items, key: dominant.sort().join(' ') };
}

function scoreGroup(container: Element, items: Element[], page: Scan, editors: readonly Element[]): number {
  const { measure: measureOf, words: cache } = page;
  const measured = items.map(measureOf);
  const texts = measured.filter((m): m is Measure => !!m && m.text >= 2);
  const count = texts.length;
  if (count < 2) return 0;
  const totalText = texts.reduce((sum, m) => sum + m.text, 0);
  const average = texts.reduce((sum, m) => sum + Math.min(m.text, 600), 0) / count;
  const linkRatio = texts.reduce((sum, m) => sum + m.link, 0) / Math.max(1, totalText);

  let messageLike = 0;
  let sided = 0;
  let timed = 0;
  let holdsEditor = false;
  items.forEach((el, index) => {
    const words = itemWords(el, cache);
    if ([...words].some((word) => MESSAGE_WORDS.has(word))) messageLike += 1;
    if (sideWordsIn(words)) sided += 1;
    const measure = measured[index];
    if (measure && measure.times >= 1 && measure.times <= 3) timed += 1;
    if (measure && measure.editors > 0) holdsEditor = true;
  });
  let around = page.around.get(container);
  if (!around) {
    around = containerWords(container);
    page.around.set(container, around);
  }
  const tag = items[0]?.tagName.toUpperCase() ?? '';

  let score = 1 + Math.log2(count);
  score *= Math.min(1, average / 40);
  score *= (1 - linkRatio) ** 2;
  if (WEAK_ITEM_TAGS.has(tag) && messageLike === 0) score *= 0.2;
  score *= 1 + (2 * messageLike) / items.length + (around.message ? 1 : 0);
  score *= 1 + timed / items.length;
  score *= 1 + sided / items.length;
  if (around.list) score *= 0.3;
  if (page.isSidelined(container)) score *= 0.4;
  if (holdsEditor) score *= 0.15;
  if (editors.length > 0) {
    let distance = Infinity;
    for (const editor of editors) distance = Math.min(distance, treeDistance(container, editor));
    score /= 1 + 0.15 * Math.max(0, distance - 3);
  }
  return score;
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
  const shapeOf = (el: Element): string => `${el.tagName}.${[...classNamesOf(el)].sort().join('.')}`;
  // (outer group, inner shape) → outer items holding such an inner group
  const holders = new Map<Candidate, Map<string, Set<Element>>>();
  const enclosing = new Map<Candidate, Array<{ outer: Candidate; shape: string }>>();
  for (const candidate of candidates) {
    const shape = shapeOf(candidate.container);
    const outers: Array<{ outer: Candidate; shape: string }> = [];
    // Pieces of a message sit a few levels inside it; looking further up costs time and finds page layout.
    let level = 0;
    for (let node = candidate.container as Element | null; node && level < 8; node = node.parentElement, level += 1) {
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
  const page = scan(body);
  const editors = page.order.filter((el) => !page.isExcluded(el) && (page.measure(el)?.editors ?? 0) > 0 && isEditable(el));
  const candidates: Candidate[] = [];

  for (const container of page.order) {
    // Two blocks with text need at least four characters between them.
    if (container.childElementCount < 2 || page.isExcluded(container) || (page.measure(container)?.text ?? 0) < 4) continue;
    // Children by tag; a container rarely mixes more than two tags, so a short list beats a map.
    const byTag: Array<{ tag: string; members: Element[] }> = [];
    for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName.toUpperCase();
      if (!ITEM_TAGS.has(tag) && !tag.includes('-')) continue;
      const group = byTag.find((entry) => entry.tag === tag);
      if (group) group.members.push(child);
      else byTag.push({ tag, members: [child] });
    }
    for (const { members } of byTag) {
      if (members.length < 2) continue;
      const { items, key } = dominantMembers(members, page);
      const score = scoreGroup(container, items, page, editors);
      if (score > 0) candidates.push({ container, items, score, key });
    }
  }
  demoteInnerGroups(candidates);
  let best: Candidate | null = null;
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
  if (!best) return null;
  return widenOverSiblingWrappers(best);
}
