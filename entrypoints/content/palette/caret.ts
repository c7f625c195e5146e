import { isTextField, type EditableElement } from '../editor-insert';

export interface CaretBox {
  left: number;
  top: number;
  bottom: number;
}

/**
 * Where the caret is on screen, to open the palette next to it. Rich editors have a selection range to measure. A
 * textarea has none; its caret line is counted instead (wrapped lines are not, so the palette may sit a line high
 * in a long wrapped paragraph: close enough for a popup, and far smaller than a measuring copy of the field).
 */
export function caretBox(editor: EditableElement, doc: Document): CaretBox {
  const box = editor.getBoundingClientRect();
  if (isTextField(editor)) {
    const style = getComputedStyle(editor);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2 || 18;
    const lines = editor.value.slice(0, editor.selectionEnd ?? editor.value.length).split('\n').length;
    const top = Math.min(box.bottom - line, box.top + parseFloat(style.paddingTop) + (lines - 1) * line - editor.scrollTop);
    return { left: box.left + parseFloat(style.paddingLeft), top, bottom: top + line };
  }
  const selection = doc.getSelection();
  const rect = selection?.rangeCount && editor.contains(selection.anchorNode) ? selection.getRangeAt(0).getBoundingClientRect() : null;
  // A collapsed range at the start of an empty line measures as zero everywhere: fall back to the editor's corner.
  if (!rect || (rect.top === 0 && rect.left === 0)) return { left: box.left + 8, top: box.top, bottom: Math.min(box.bottom, box.top + 24) };
  return { left: rect.right, top: rect.top, bottom: rect.bottom };
}
