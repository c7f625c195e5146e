/**
 * Which element an insertion goes into. The content script runs in the top frame only, so editors inside same-origin
 * iframes and open shadow roots are reached from there: a focused iframe is remembered as the iframe itself and
 * resolved to its focused editor when the text is inserted (the iframe may hold several editors, and the top
 * document sees no focus events inside it).
 */

export type EditableElement = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/** Editors recognised by their DOM; each has its own way of taking text (see rich-editor.ts). */
export type EditorKind =
  | 'ckeditor5'
  | 'prosemirror'
  | 'quill'
  | 'draft'
  | 'lexical'
  | 'slate'
  | 'contenteditable';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', '']);

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

function isElement(node: unknown): node is HTMLElement {
  return !!node && (node as Node).nodeType === 1;
}

function isFrame(el: Element): el is HTMLIFrameElement | HTMLFrameElement {
  const tag = el.tagName.toUpperCase();
  return tag === 'IFRAME' || tag === 'FRAME';
}

/** A frame's document when the page may script it (same origin), else null. */
export function frameDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null;
  }
}

/** The outermost contenteditable element around `el`: editors listen on the editing host, not inner paragraphs. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

function usableTextField(el: HTMLTextAreaElement | HTMLInputElement): boolean {
  return !el.readOnly && !el.disabled;
}

/**
 * The editable element a focus or click landed in, or null (buttons, links, read-only fields). Looks through open
 * shadow roots to the focused element inside; a same-origin frame is returned as is, for `resolveEditable`.
 */
export function editableFrom(target: EventTarget | null): EditableElement | null {
  let el: Element | null = isElement(target) ? target : null;
  // A focus inside an open shadow root reaches the document retargeted to the host.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!isElement(el)) return null;
  if (isTextField(el)) return usableTextField(el) ? el : null;
  if (el.isContentEditable) return editingHost(el);
  if (isFrame(el)) return frameDocument(el) ? el : null;
  return null;
}

/**
 * The editor to type into now: the element itself, or for a remembered frame the editor focused inside it (else the
 * only or first editable there: leaving the frame for the page moves the frame's own focus to its body).
 */
export function resolveEditable(remembered: EditableElement): EditableElement | null {
  if (!isFrame(remembered)) return remembered.isConnected ? remembered : null;
  const doc = frameDocument(remembered);
  if (!doc?.body) return null;
  const focused = editableFrom(doc.activeElement);
  if (focused) return isFrame(focused) ? resolveEditable(focused) : focused;
  if (doc.body.isContentEditable) return doc.body;
  const candidate = doc.querySelector('[contenteditable]:not([contenteditable="false"]), textarea, iframe');
  const editable = editableFrom(candidate);
  return editable ? resolveEditable(editable) : null;
}

export function editorKind(host: HTMLElement): EditorKind {
  const classes = host.classList;
  if (classes.contains('ck-editor__editable') || classes.contains('ck-content')) return 'ckeditor5';
  if (classes.contains('ProseMirror')) return 'prosemirror';
  if (classes.contains('ql-editor')) return 'quill';
  if (classes.contains('public-DraftEditor-content') || host.closest('.DraftEditor-root')) return 'draft';
  if (host.hasAttribute('data-lexical-editor')) return 'lexical';
  if (host.hasAttribute('data-slate-editor')) return 'slate';
  return 'contenteditable';
}

/**
 * Calls `remember` with every editable the agent focuses in `win`'s document: fields and editing hosts, editors in
 * open shadow roots, and same-origin frames (focus moving into a frame shows in this document only as this window
 * losing focus, with the frame as the active element). Returns a function that stops watching.
 */
export function watchFocusedEditables(win: Window, remember: (editable: EditableElement) => void): () => void {
  const onFocusIn = (event: FocusEvent) => {
    const editable = editableFrom(event.composedPath()[0] ?? event.target);
    if (editable) remember(editable);
  };
  const onBlur = () => {
    const editable = editableFrom(win.document.activeElement);
    if (editable) remember(editable);
  };
  win.document.addEventListener('focusin', onFocusIn, { capture: true });
  win.addEventListener('blur', onBlur);
  return () => {
    win.document.removeEventListener('focusin', onFocusIn, { capture: true });
    win.removeEventListener('blur', onBlur);
  };
}
