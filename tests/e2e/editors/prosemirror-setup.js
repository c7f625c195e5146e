// ProseMirror (Intercom, HubSpot, Chatwoot) with the basic schema, history and the base keymap.
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { DOMParser as ProseMirrorParser } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { START_TEXT } from './kit.js';

export function mountProseMirror(slot) {
  const start = document.createElement('div');
  start.innerHTML = `<p>${START_TEXT}</p>`;
  const view = new EditorView(slot, {
    state: EditorState.create({
      doc: ProseMirrorParser.fromSchema(schema).parse(start),
      plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo }), keymap(baseKeymap)],
    }),
  });
  const readModel = () => {
    const { doc } = view.state;
    return doc.textBetween(0, doc.content.size, '\n', '\n');
  };
  return { view, readModel };
}

/** What prosemirror-view/style/prosemirror.css asks for; inlined so the same rules reach into a shadow root. */
export const PROSEMIRROR_CSS = '.ProseMirror { white-space: pre-wrap; word-wrap: break-word; font-variant-ligatures: none; }';
