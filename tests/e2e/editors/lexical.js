// Lexical (WhatsApp Web, Messenger) in plain-text mode, with history.
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { START_TEXT, editorSlot, ready } from './kit.js';

const slot = editorSlot();
slot.contentEditable = 'true';
const editor = createEditor({ namespace: 'reply', onError: (error) => console.error(error) });
editor.setRootElement(slot);
registerPlainText(editor);
editor.update(
  () => {
    const paragraph = $createParagraphNode();
    paragraph.append($createTextNode(START_TEXT));
    $getRoot().clear().append(paragraph);
  },
  { discrete: true },
);
window.fixtureEditor = editor;
ready(() => editor.getEditorState().read(() => $getRoot().getTextContent()));
