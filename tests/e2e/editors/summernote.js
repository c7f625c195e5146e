// Summernote-style (FreeScout): `.note-editable` over a hidden `textarea#body` that is filled from input events;
// what the form would send is the textarea, so that is the model.
import { START_TEXT, editorSlot, linesOf, ready } from './kit.js';

const slot = editorSlot();
slot.innerHTML = `
  <textarea id="body" name="body" style="display:none"></textarea>
  <div class="note-editor note-frame">
    <div class="note-toolbar" role="toolbar"><button type="button" class="note-btn">B</button></div>
    <div class="note-editing-area"><div class="note-editable" contenteditable="true" role="textbox" aria-multiline="true"><p>${START_TEXT}</p></div></div>
  </div>`;
const editable = slot.querySelector('.note-editable');
const textarea = slot.querySelector('textarea#body');
const sync = () => {
  textarea.value = editable.innerHTML;
};
sync();
editable.addEventListener('input', sync);
ready(() => {
  const copy = document.createElement('div');
  copy.innerHTML = textarea.value;
  return linesOf(copy);
});
