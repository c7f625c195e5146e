// A React 19 controlled textarea: React keeps the value in state and ignores changes that no input event announces.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { START_TEXT, editorSlot, ready } from './kit.js';

let latest = START_TEXT;

function Reply() {
  const [value, setValue] = useState(START_TEXT);
  return (
    <textarea
      name="reply"
      rows={6}
      placeholder="Write your reply"
      value={value}
      onChange={(event) => {
        latest = event.target.value;
        setValue(event.target.value);
      }}
    />
  );
}

createRoot(editorSlot()).render(<Reply />);
const waitForEditor = () => (document.querySelector('textarea') ? Promise.resolve() : new Promise((r) => setTimeout(r, 10)).then(waitForEditor));
await waitForEditor();
ready(() => latest);
