// The CKEditor fixture inside a same-origin iframe (Salesforce and classic TinyMCE keep their editors in frames).
import { editorSlot, ready } from './kit.js';

const frame = document.createElement('iframe');
frame.src = 'ckeditor.html?framed=1';
frame.title = 'Reply editor';
frame.style.cssText = 'width: 100%; height: 320px; border: 0;';
editorSlot().append(frame);
await new Promise((resolve) => {
  const check = () => (frame.contentWindow?.editorReady ? resolve() : setTimeout(check, 20));
  check();
});
ready(() => frame.contentWindow.readEditorModel());
