/**
 * Putting text into the host page's reply editor the way a person typing or pasting would, so the editor's own model
 * (React state, ProseMirror/CKEditor/Quill/Draft/Lexical/Slate documents) has it: line breaks kept, at the caret or
 * over the selection, the caret left after the text or at the template's cursor mark. Each editor family has its own
 * plan (editor-insert/rich-editor.ts); every attempt is verified by reading the editor back.
 */

import { insertIntoRichEditor } from './editor-insert/rich-editor';
import type { InsertOutcome } from './editor-insert/outcome';
import { type EditableElement, isTextField, resolveEditable } from './editor-insert/targets';
import { insertIntoTextField } from './editor-insert/text-field';

export { editableFrom, isTextField, watchFocusedEditables, type EditableElement } from './editor-insert/targets';
export type { InsertOutcome } from './editor-insert/outcome';

/**
 * Inserts `text` into `editor` (as remembered from a focus event: a field, an editing host, or a same-origin frame).
 * `cursor` is the offset in `text` where the caret should end; null puts it after the text.
 */
export async function insertIntoEditor(editor: EditableElement, text: string, cursor: number | null): Promise<InsertOutcome> {
  const target = resolveEditable(editor);
  if (!target) return { ok: false, strategy: null };
  target.focus({ preventScroll: true });
  if (isTextField(target)) return insertIntoTextField(target, text, cursor);
  return insertIntoRichEditor(target, text, cursor);
}
