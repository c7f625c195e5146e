/**
 * The reply box of an unknown page: the focused editable if there is one, else the visible editable that looks most
 * like a reply box (named like one, large, close to the conversation). Search fields, subject lines and hidden
 * textareas that sit under rich editors are passed over.
 */

import { treeDistance } from './page-scan';
import { classNamesOf, selectors, wordsOf } from './vocabulary';

const REPLY_WORDS = new Set([
  'reply', 'message', 'comment', 'response', 'respond', 'compose', 'composer', 'body', 'answer', 'editor', 'chat',
  'write', 'text', 'mensaje', 'respuesta', 'responder', 'escribe', 'escribir', 'comentario', 'उत्तर', 'संदेश', 'பதில்', 'செய்தி',
]);
const NOT_REPLY_WORDS = new Set([
  'search', 'buscar', 'busqueda', 'filter', 'query', 'find', 'subject', 'asunto', 'title', 'titulo', 'tags', 'tag', 'cc',
  'bcc', 'url', 'address', 'password', 'login', 'coupon', 'zip',
]);
const NOTE_WORDS = new Set(['note', 'internal', 'private', 'nota', 'interna']);
/** Utility classes that hide an element (Bootstrap, Tailwind, common CSS kits). */
const HIDDEN_CLASS = /^(?:(?:is-|u-)?hidden|hide|invisible|d-none|sr-only|visually-hidden|screen-reader-text)$/i;

function isHtml(el: Element | null): el is HTMLElement {
  return !!el && typeof (el as HTMLElement).focus === 'function';
}

/** Words an editable is known by: attributes a person or product uses to name a field. */
function namingWords(el: Element): Set<string> {
  const words = new Set<string>();
  for (const attribute of ['name', 'id', 'placeholder', 'aria-label', 'data-placeholder', 'title']) {
    wordsOf(el.getAttribute(attribute) ?? '').forEach((word) => words.add(word));
  }
  for (let node: Element | null = el, level = 0; node && level < 3; node = node.parentElement, level += 1) {
    classNamesOf(node).flatMap(wordsOf).forEach((word) => words.add(word));
  }
  return words;
}

function isHidden(el: Element): boolean {
  if (el.tagName === 'INPUT' && el.getAttribute('type') === 'hidden') return true;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
    if (classNamesOf(node).some((name) => HIDDEN_CLASS.test(name))) return true;
  }
  return false;
}

/** The element an insertion should target: the outermost contenteditable host, or the field itself. */
function editorHost(el: Element): Element {
  let host = el;
  for (let node = el.parentElement; node; node = node.parentElement) {
    const editable = node.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') host = node;
  }
  return host;
}

function isEditableCandidate(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return !el.hasAttribute('disabled') && !el.hasAttribute('readonly');
  if (tag === 'INPUT') {
    // A one-line field is a reply box only when it says so (chat widgets): never a search or login field.
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type !== 'text' || el.hasAttribute('disabled') || el.hasAttribute('readonly')) return false;
    const words = namingWords(el);
    return [...words].some((word) => REPLY_WORDS.has(word)) && ![...words].some((word) => NOT_REPLY_WORDS.has(word));
  }
  const editable = el.getAttribute('contenteditable');
  if (editable !== null) return editable !== 'false';
  return el.getAttribute('role') === 'textbox' && el.getAttribute('aria-readonly') !== 'true' && el.getAttribute('aria-disabled') !== 'true';
}

function layoutAvailable(doc: Document): boolean {
  const root = doc.body ?? doc.documentElement;
  if (!root) return false;
  const rect = root.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

function score(el: Element, thread: Element | null, withLayout: boolean): number {
  const words = namingWords(el);
  let total = 0;
  if ([...words].some((word) => REPLY_WORDS.has(word))) total += 3;
  if ([...words].some((word) => NOTE_WORDS.has(word))) total -= 2;
  if ([...words].some((word) => NOT_REPLY_WORDS.has(word))) total -= 6;
  if (el.closest(selectors.chrome)) total -= 6;
  if (thread) total -= 0.5 * treeDistance(thread, el);
  if (withLayout) {
    const rect = el.getBoundingClientRect();
    total += Math.log2(1 + rect.width * rect.height) / 2;
  } else if (el.tagName === 'TEXTAREA') {
    total += Math.min(Number(el.getAttribute('rows') ?? '2') || 2, 10) / 5;
  } else {
    total += 1;
  }
  return total;
}

/**
 * `thread` is the conversation container and `items` its blocks: an editable inside a message (editing an earlier
 * message) is not the reply box.
 */
export function findReplyEditor(doc: Document, thread: Element | null, items: readonly Element[] = []): HTMLElement | null {
  const withLayout = layoutAvailable(doc);
  const usable = (el: Element): boolean =>
    isEditableCandidate(el) && !isHidden(el) && !items.some((item) => item.contains(el)) &&
    (!withLayout || el.getBoundingClientRect().width > 0);

  const active = doc.activeElement;
  if (active && active !== doc.body) {
    const host = editorHost(active);
    if (usable(host) && score(host, null, false) > -3 && isHtml(host)) return host;
  }

  const hosts = new Set<Element>();
  for (const el of Array.from(doc.querySelectorAll(selectors.editables))) {
    const host = editorHost(el);
    if (usable(host)) hosts.add(host);
  }
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const host of hosts) {
    const value = score(host, thread, withLayout);
    if (value > bestScore) {
      best = host;
      bestScore = value;
    }
  }
  return isHtml(best) ? best : null;
}
