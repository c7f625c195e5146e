/**
 * Telling the conversation the agent is looking at from copies the product keeps out of sight (background tabs,
 * cached views, the inbox list behind an open thread). Only attributes and inline styles are read, so the answer is
 * the same in a parsed fixture as on the live page, where computed styles would also be available but cost layout.
 */

/** Whether the element or an ancestor (up to `stopAt`, exclusive) is hidden by markup. */
export function isHiddenByMarkup(el: Element, stopAt: Element | null = null): boolean {
  for (let node: Element | null = el; node && node !== stopAt; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = (node.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  }
  return false;
}

/** The first match that is not hidden by markup, or null. */
export function firstShown(scope: ParentNode, selector: string): Element | null {
  for (const el of Array.from(scope.querySelectorAll(selector))) {
    if (!isHiddenByMarkup(el)) return el;
  }
  return null;
}

/** The class attribute as a list of tokens; SVG elements and odd nodes give an empty list instead of throwing. */
export function classTokens(el: Element | null): string[] {
  const raw = el?.getAttribute('class') ?? '';
  return raw.split(/\s+/).filter(Boolean);
}

/** Matches only the outermost elements: a selector that also matches inside a match would count a message twice. */
export function outermost(elements: readonly Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) return false;
    }
    return true;
  });
}

/** `querySelectorAll` that returns an empty list for a selector the browser rejects, instead of throwing. */
export function safeQueryAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/**
 * Whether a node is an HTML element the content script can focus. Checked by shape, not `instanceof`, because a
 * parsed fixture and an iframe each have their own `HTMLElement` constructor.
 */
export function isHtmlElement(el: Element | null | undefined): el is HTMLElement {
  return el != null && el.namespaceURI === 'http://www.w3.org/1999/xhtml' && typeof (el as HTMLElement).focus === 'function';
}
