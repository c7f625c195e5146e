// Draft.js on React 18 (Draft calls findDOMNode, which React 19 removed); the build aliases react to the React 18 copy.
import { ContentState, Editor, EditorState } from 'draft-js';
import 'draft-js/dist/Draft.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { START_TEXT, editorSlot, ready } from './kit.js';

let latest = EditorState.createWithContent(ContentState.createFromText(START_TEXT));

function Reply() {
  const [editorState, setEditorState] = useState(latest);
  const onChange = (next) => {
    latest = next;
    setEditorState(next);
  };
  return <Editor editorState={editorState} onChange={onChange} placeholder="Write your reply" />;
}

createRoot(editorSlot()).render(<Reply />);
const waitForEditor = () => (document.querySelector('.public-DraftEditor-content') ? Promise.resolve() : new Promise((r) => setTimeout(r, 10)).then(waitForEditor));
await waitForEditor();
ready(() => latest.getCurrentContent().getPlainText('\n'));
