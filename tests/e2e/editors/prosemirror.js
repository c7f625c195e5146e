import { PROSEMIRROR_CSS, mountProseMirror } from './prosemirror-setup.js';
import { editorSlot, ready } from './kit.js';

const style = document.createElement('style');
style.textContent = PROSEMIRROR_CSS;
document.head.append(style);
const { view, readModel } = mountProseMirror(editorSlot());
window.fixtureEditor = view;
ready(readModel);
