// TinyMCE-style inline editing host: paragraphs inside `.mce-content-body`; the host page keeps its own copy of the
// content and refreshes it from input events, as TinyMCE's change tracking does.
import { START_TEXT, editorSlot, linesOf, ready } from './kit.js';

const body = document.createElement('div');
body.id = 'tinymce';
body.className = 'mce-content-body';
body.contentEditable = 'true';
body.setAttribute('role', 'textbox');
body.innerHTML = `<p>${START_TEXT}</p>`;
editorSlot().append(body);
let saved = body.innerHTML;
body.addEventListener('input', () => {
  // TinyMCE keeps at least one paragraph: an emptied body gets its placeholder block back.
  if (!body.firstElementChild) body.innerHTML = '<p><br data-mce-bogus="1"></p>';
  saved = body.innerHTML;
});
ready(() => {
  const copy = document.createElement('div');
  copy.innerHTML = saved;
  return linesOf(copy);
});
