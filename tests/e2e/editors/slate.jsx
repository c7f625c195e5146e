// Slate with slate-react and history, React 19.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Node, createEditor } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { START_TEXT, editorSlot, ready } from './kit.js';

const editor = withHistory(withReact(createEditor()));
const initialValue = [{ type: 'paragraph', children: [{ text: START_TEXT }] }];

function Reply() {
  const [value] = useState(initialValue);
  return (
    <Slate editor={editor} initialValue={value}>
      <Editable placeholder="Write your reply" style={{ minHeight: 140, outline: 'none' }} />
    </Slate>
  );
}

createRoot(editorSlot()).render(<Reply />);
const waitForEditor = () => (document.querySelector('[data-slate-editor]') ? Promise.resolve() : new Promise((r) => setTimeout(r, 10)).then(waitForEditor));
await waitForEditor();
window.fixtureEditor = editor;
ready(() => editor.children.map((block) => Node.string(block)).join('\n'));
