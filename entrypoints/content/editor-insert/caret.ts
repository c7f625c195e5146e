/** The selection around a rich editor: shadow-root aware, put back after focus moved away, moved by whole letters. */

type ModifiableSelection = Selection & { modify?: (alter: string, direction: string, granularity: string) => void };

/**
 * The selection that holds the editor's caret. Inside a shadow root Chromium's document selection is retargeted to
 * the host; the shadow root's own `getSelection()` (Chromium only) gives the nodes inside.
 */
export function selectionFor(host: HTMLElement): ModifiableSelection | null {
  const root = host.getRootNode() as (ShadowRoot & { getSelection?: () => Selection | null }) | Document;
  if (root.nodeType === 11 && typeof (root as { getSelection?: unknown }).getSelection === 'function') {
    return (root as { getSelection: () => Selection | null }).getSelection();
  }
  return host.ownerDocument.getSelection();
}

export function selectionInside(host: HTMLElement): boolean {
  const selection = selectionFor(host);
  return !!selection && selection.rangeCount > 0 && host.contains(selection.getRangeAt(0).commonAncestorContainer);
}

/** After the side panel took focus the page's selection may be gone: put the caret at the end of the editor. */
export function ensureSelectionInside(host: HTMLElement): void {
  if (selectionInside(host)) return;
  const selection = selectionFor(host);
  const range = host.ownerDocument.createRange();
  range.selectNodeContents(host);
  range.collapse(false);
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * How many caret steps back from the end of `text` its offset `cursor` is. A caret step is a grapheme (an Indic
 * conjunct or an emoji is one step but several UTF-16 units), and a line break between blocks is one step.
 */
export function stepsBack(text: string, cursor: number): number {
  const tail = text.slice(cursor);
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return Array.from(tail).length;
  let steps = 0;
  for (const _ of new Segmenter(undefined, { granularity: 'grapheme' }).segment(tail)) steps += 1;
  return steps;
}

/** Moves the caret back the way the Left arrow would, so the editor picks it up from its selectionchange handler. */
export function moveCaretBack(host: HTMLElement, steps: number): boolean {
  const selection = selectionFor(host);
  if (!selection?.modify || !selectionInside(host)) return false;
  selection.collapseToEnd();
  for (let i = 0; i < steps; i++) selection.modify('move', 'backward', 'character');
  return true;
}

/** Editors read the DOM selection on `selectionchange`, which fires a task later: wait for it (briefly). */
export function selectionSettled(doc: Document, timeoutMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      // One more task so handlers that defer (Quill updates on a timeout) have run.
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, timeoutMs);
    doc.addEventListener('selectionchange', done);
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
