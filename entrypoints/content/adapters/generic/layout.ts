/**
 * Side from layout, for pages whose markup says nothing (hashed CSS-in-JS classes): a bubble pushed to the right of
 * the thread is the agent's. Only rectangles are read (no computed styles), and only for a sample of messages.
 */

import type { Speaker } from '@/scripts-library/schemas';

interface Span {
  left: number;
  right: number;
}

/** Share of the thread's width a block must leave free on one side to count as aligned. */
const MIN_GAP_SHARE = 0.1;
const FULL_WIDTH_SHARE = 0.85;

/** Horizontal extent of what a block shows: rows span the thread, so look at their children, a few levels down. */
function contentSpan(el: Element, threadWidth: number): Span | null {
  let node: Element = el;
  for (let depth = 0; depth < 4; depth += 1) {
    const rect = node.getBoundingClientRect();
    if (rect.width <= 0) return null;
    if (rect.width < FULL_WIDTH_SHARE * threadWidth) return { left: rect.left, right: rect.right };
    const children = Array.from(node.children)
      .slice(0, 8)
      .map((child) => ({ child, rect: child.getBoundingClientRect() }))
      .filter(({ rect: box }) => box.width > 0);
    if (children.length === 0) return { left: rect.left, right: rect.right };
    const left = Math.min(...children.map(({ rect: box }) => box.left));
    const right = Math.max(...children.map(({ rect: box }) => box.right));
    if (right - left < FULL_WIDTH_SHARE * threadWidth) return { left, right };
    node = children.reduce((wide, next) => (next.rect.width > wide.rect.width ? next : wide)).child;
  }
  return null;
}

/** A measuring function for the thread, or undefined when the page has no layout (tests, hidden tabs). */
export function layoutMeasure(thread: Element, rtl: boolean): ((el: Element) => Speaker | null) | undefined {
  const box = thread.getBoundingClientRect();
  if (box.width <= 0) return undefined;
  return (el) => {
    const span = contentSpan(el, box.width);
    if (!span) return null;
    const leftGap = span.left - box.left;
    const rightGap = box.right - span.right;
    const margin = MIN_GAP_SHARE * box.width;
    if (leftGap - rightGap > margin) return rtl ? 'customer' : 'agent';
    if (rightGap - leftGap > margin) return rtl ? 'agent' : 'customer';
    return null;
  };
}
