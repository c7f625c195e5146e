/**
 * Contenteditable editors. Editors with a document model of their own take text the way a person's paste or typing
 * arrives (a `paste` or `beforeinput` event carrying the text), so their model, undo history and change events all
 * see it; plain contenteditable takes the browser's `insertText` command. Each attempt is checked by reading the
 * editor back, and only an attempt that did nothing is followed by the next, so text never lands twice.
 */

import { delay, ensureSelectionInside, moveCaretBack, selectionFor, selectionSettled, stepsBack } from './caret';
import type { InsertOutcome } from './outcome';
import { type EditorKind, editorKind } from './targets';

type Strategy = 'paste' | 'beforeinput' | 'execCommand' | 'range';

/**
 * The order in which each family is offered the text. Slate reads the DOM selection at most every 100 ms but catches
 * up at the start of a `beforeinput`, so it gets that first; the others take a paste as a person's.
 */
const PLANS: Record<EditorKind, Strategy[]> = {
  ckeditor5: ['paste', 'execCommand'],
  prosemirror: ['paste', 'execCommand'],
  quill: ['paste', 'execCommand'],
  draft: ['paste', 'execCommand'],
  lexical: ['paste', 'beforeinput', 'execCommand'],
  slate: ['beforeinput', 'paste', 'execCommand'],
  contenteditable: ['paste', 'beforeinput', 'execCommand', 'range'],
};

/**
 * The HTML that goes with pasted plain text, if any. CKEditor 5 reads a blank line in plain text as the gap between
 * two paragraphs and drops it (and a single line break as a soft break); ProseMirror drops blank lines too. Both get
 * one paragraph per line instead, as if each line had been typed and ended with Enter (ProseMirror only when there is
 * a blank line: its plain-text paste keeps spaces exactly, its HTML parsing collapses them). Quill, Draft.js, Lexical
 * and Slate keep every line of plain text, so they get only that.
 */
function pastedHtml(kind: EditorKind, text: string): string | null {
  const hasBlankLine = text.includes('\n') && text.split('\n').some((line) => line.trim() === '');
  if (kind === 'ckeditor5' || (kind === 'prosemirror' && hasBlankLine)) return paragraphsHtml(text);
  return null;
}

/** How long an editor that accepted the text may take to show it (React and Lexical render a task later). */
const RENDER_WAIT_MS = 600;
/** Focus handlers of some editors (Zendesk's) move the caret a moment after focus: act after them. */
const FOCUS_SETTLE_MS = 30;

export async function insertIntoRichEditor(host: HTMLElement, text: string, cursor: number | null): Promise<InsertOutcome> {
  const doc = host.ownerDocument;
  const plain = text.replace(/\r\n?/g, '\n');
  const caretAt = cursor === null ? null : text.slice(0, cursor).replace(/\r\n?/g, '\n').length;
  await delay(FOCUS_SETTLE_MS);
  ensureSelectionInside(host);
  const before = readable(host);

  const kind = editorKind(host);
  for (const strategy of PLANS[kind]) {
    const html = strategy === 'paste' ? pastedHtml(kind, plain) : null;
    const watch = watchChanges(host, before);
    const accepted = attempt(strategy, host, plain, html);
    if (!accepted) {
      watch.stop();
      continue;
    }
    if (await watch.shows(plain)) {
      if (caretAt !== null && caretAt < plain.length) {
        moveCaretBack(host, stepsBack(plain, caretAt));
        await selectionSettled(doc);
      }
      return { ok: true, strategy: html === null ? strategy : 'paste-html' };
    }
    // Accepted, and the editor changed without showing every line (only the first line of several, say): trying
    // again would land the text twice. Only an editor still as it was is offered the next way.
    if (watch.changed()) return { ok: false, strategy };
  }
  return { ok: false, strategy: null };
}

/** Runs one strategy; true when the editor (or the browser) took it on. */
function attempt(strategy: Strategy, host: HTMLElement, text: string, html: string | null): boolean {
  try {
    switch (strategy) {
      case 'paste':
        return dispatchPaste(host, text, html);
      case 'beforeinput':
        return dispatchBeforeInput(host, text);
      case 'execCommand':
        return host.ownerDocument.execCommand('insertText', false, text);
      case 'range':
        insertWithRange(host, text);
        return true;
    }
  } catch {
    return false;
  }
}

/** Constructors from the editor's own window, so a page in a frame sees its own kind of event. */
function viewOf(host: HTMLElement): typeof globalThis {
  return (host.ownerDocument.defaultView as unknown as typeof globalThis | null) ?? globalThis;
}

function transfer(host: HTMLElement, text: string, html: string | null): DataTransfer {
  const data = new (viewOf(host).DataTransfer)();
  data.setData('text/plain', text);
  if (html !== null) data.setData('text/html', html);
  return data;
}

/** An untrusted paste has no default action: only an editor that handled it (and cancelled it) took the text. */
function dispatchPaste(host: HTMLElement, text: string, html: string | null): boolean {
  const event = new (viewOf(host).ClipboardEvent)('paste', {
    clipboardData: transfer(host, text, html),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  eventTarget(host).dispatchEvent(event);
  return event.defaultPrevented;
}

function dispatchBeforeInput(host: HTMLElement, text: string): boolean {
  const event = new (viewOf(host).InputEvent)('beforeinput', {
    inputType: 'insertFromPaste',
    dataTransfer: transfer(host, text, null),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  eventTarget(host).dispatchEvent(event);
  return event.defaultPrevented;
}

/** Where the browser would send the event: the element holding the caret, which bubbles up to the host. */
function eventTarget(host: HTMLElement): Node {
  const node = selectionFor(host)?.focusNode;
  const element = node && node.nodeType === 1 ? node : node?.parentElement;
  return element && host.contains(element) ? element : host;
}

/** One paragraph per line, an empty paragraph for a blank line; spaces that HTML would collapse are kept. */
export function paragraphsHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${keepSpaces(escapeHtml(line))}</p>`)
    .join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function keepSpaces(html: string): string {
  return html
    .replace(/\t/g, '    ')
    .replace(/ {2}/g, ' \u00a0')
    .replace(/^ /, '\u00a0')
    .replace(/ $/, '\u00a0');
}

function insertWithRange(host: HTMLElement, text: string): void {
  const doc = host.ownerDocument;
  const selection = selectionFor(host);
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : doc.createRange();
  if (!host.contains(range.commonAncestorContainer)) {
    range.selectNodeContents(host);
    range.collapse(false);
  }
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) fragment.appendChild(doc.createElement('br'));
    if (line) fragment.appendChild(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last && selection) {
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  host.dispatchEvent(new (viewOf(host).InputEvent)('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** The editor's text with whitespace and editors' invisible filler characters evened out, for comparison. */
function readable(host: HTMLElement): string {
  return normalise(host.innerText ?? host.textContent ?? '');
}

function normalise(text: string): string {
  return text.replace(/[\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

interface ChangeWatch {
  /** Resolves true once the editor changed and shows every line of `text`; false after RENDER_WAIT_MS without. */
  shows(text: string): Promise<boolean>;
  /** Whether anything in the editor changed since the watch began. */
  changed(): boolean;
  stop(): void;
}

/**
 * Watches the editor from just before an attempt. A change is any mutation inside it (replacing a selection with the
 * same words changes no text) or a different text.
 */
function watchChanges(host: HTMLElement, before: string): ChangeWatch {
  let mutated = false;
  let onMutation: (() => void) | null = null;
  const observer = new MutationObserver(() => {
    mutated = true;
    onMutation?.();
  });
  observer.observe(host, { childList: true, subtree: true, characterData: true });
  const changed = () => mutated || readable(host) !== before;
  const showsLines = (text: string) => {
    if (!changed()) return false;
    const now = readable(host);
    return text
      .split('\n')
      .map(normalise)
      .filter(Boolean)
      .every((line) => now.includes(line));
  };
  const stop = () => observer.disconnect();
  return {
    changed,
    stop,
    shows(text) {
      if (showsLines(text)) {
        stop();
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const finish = (result: boolean) => {
          stop();
          clearTimeout(timer);
          resolve(result);
        };
        onMutation = () => {
          if (showsLines(text)) finish(true);
        };
        const timer = setTimeout(() => finish(showsLines(text)), RENDER_WAIT_MS);
      });
    },
  };
}
