// Quill 2 with the snow theme.
import Quill from 'quill';
import 'quill/dist/quill.snow.css';
import { START_TEXT, editorSlot, ready } from './kit.js';

const quill = new Quill(editorSlot(), { theme: 'snow', modules: { toolbar: [['bold', 'italic']] } });
quill.setText(`${START_TEXT}\n`);
window.fixtureEditor = quill;
// getText() ends with the newline Quill keeps after the last line.
ready(() => quill.getText().replace(/\n$/, ''));
