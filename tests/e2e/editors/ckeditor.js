// CKEditor 5 (Zendesk's reply editor): the classic build with the plugins a reply box has.
import { Bold, ClassicEditor, Essentials, Italic, Paragraph } from 'ckeditor5';
import 'ckeditor5/ckeditor5.css';
import { START_TEXT, editorSlot, ready } from './kit.js';

const editor = await ClassicEditor.create(editorSlot(), {
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic],
  toolbar: ['bold', 'italic', 'undo', 'redo'],
  initialData: `<p>${START_TEXT}</p>`,
});

// Read from the model tree rather than getData(): getData() is HTML, and the model is what CKEditor sends.
ready(() =>
  Array.from(editor.model.document.getRoot().getChildren())
    .map((block) =>
      Array.from(block.getChildren())
        .map((node) => (node.is('$text') ? node.data : node.is('element', 'softBreak') ? '\n' : ''))
        .join(''),
    )
    .join('\n'),
);
window.fixtureEditor = editor;
