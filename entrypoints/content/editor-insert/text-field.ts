/**
 * `textarea` and text `input`: the browser's own editing command first (it keeps the field's undo stack and fires a
 * real `input` event, which React-controlled fields need to keep the text), `setRangeText` plus an `input` event when
 * the command is refused.
 */

import type { InsertOutcome } from './outcome';

/** A one-line field cannot hold line breaks: each run of them becomes one space. */
function fitToField(field: HTMLTextAreaElement | HTMLInputElement, text: string): string {
  return field.tagName.toUpperCase() === 'INPUT' ? text.replace(/\r?\n+/g, ' ') : text.replace(/\r\n?/g, '\n');
}

export function insertIntoTextField(field: HTMLTextAreaElement | HTMLInputElement, text: string, cursor: number | null): InsertOutcome {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  let insertion = fitToField(field, text);
  const room = field.maxLength > 0 ? field.maxLength - (field.value.length - (end - start)) : Infinity;
  if (insertion.length > room) insertion = insertion.slice(0, Math.max(0, room));
  if (!insertion) return { ok: false, strategy: null };

  const before = field.value;
  const expected = before.slice(0, start) + insertion + before.slice(end);
  let strategy = 'execCommand';
  try {
    field.ownerDocument.execCommand('insertText', false, insertion);
  } catch {
    // Refused: handled below like any other refusal.
  }
  if (field.value === before) {
    strategy = 'setRangeText';
    field.setRangeText(insertion, start, end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insertion }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }
  // A page may reshape text as it arrives (input masks, its own limits): a changed value counts as landed.
  const ok = field.value === expected || field.value !== before;

  const offset = cursor === null ? insertion.length : fitToField(field, text.slice(0, cursor)).length;
  const caret = start + Math.min(offset, insertion.length);
  field.setSelectionRange(caret, caret);
  return { ok, strategy: ok ? strategy : null };
}
