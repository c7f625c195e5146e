// A bare contenteditable reply box (Zammad, Gmail-like): no editor library, the DOM is the model.
import { START_TEXT, editorSlot, linesOf, ready } from './kit.js';

const box = document.createElement('div');
box.contentEditable = 'true';
box.className = 'reply-body';
box.setAttribute('role', 'textbox');
box.setAttribute('aria-multiline', 'true');
box.textContent = START_TEXT;
editorSlot().append(box);
ready(() => linesOf(box));
