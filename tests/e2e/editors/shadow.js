// ProseMirror inside an open shadow root, as web-component helpdesks (Salesforce Lightning, widget SDKs) render it.
import { PROSEMIRROR_CSS, mountProseMirror } from './prosemirror-setup.js';
import { editorSlot, ready } from './kit.js';

const host = document.createElement('reply-box');
editorSlot().append(host);
const root = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = `${PROSEMIRROR_CSS} .ProseMirror { min-height: 140px; outline: none; } p { margin: 0; }`;
const slot = document.createElement('div');
root.append(style, slot);
const { view, readModel } = mountProseMirror(slot);
window.fixtureEditor = view;
ready(readModel);
