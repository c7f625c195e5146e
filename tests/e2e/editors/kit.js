/**
 * Shared by the fixture pages: where the editor goes, the starting text, and reading a contenteditable back as lines
 * for the editors that have no model of their own. Each page sets `window.readEditorModel` (the editor's own model as
 * plain text, one line per block, through its API) and `window.editorReady` once the editor is mounted.
 */

export const START_TEXT = 'Greetings friend';

export function editorSlot() {
  const slot = document.getElementById('editor');
  if (!slot) throw new Error('The shell has no #editor');
  return slot;
}

export function ready(readEditorModel) {
  window.readEditorModel = readEditorModel;
  window.editorReady = true;
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE']);

/**
 * A contenteditable's text as the lines a person sees: every block is a line, a <br> ends a line, a <br> that only
 * holds an empty block or ends one open is not a line of its own. No-break spaces (how contenteditable keeps spaces at
 * the edges) read as spaces; zero-width fillers are dropped.
 */
export function linesOf(root) {
  const lines = [];
  let current = null;
  const endLine = () => {
    if (current !== null) lines.push(current);
    current = null;
  };
  const walk = (node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        current = (current ?? '') + child.data;
      } else if (child.nodeName === 'BR') {
        lines.push(current ?? '');
        current = null;
      } else if (child.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has(child.nodeName)) {
        endLine();
        const before = lines.length;
        walk(child);
        endLine();
        if (lines.length === before) lines.push('');
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child);
      }
    }
  };
  walk(root);
  endLine();
  return lines.map((line) => line.replace(/\u00a0/g, ' ').replace(/[\u200b\ufeff]/g, '')).join('\n');
}
