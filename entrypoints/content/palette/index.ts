import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { editableFrom, type EditableElement } from '../editor-insert';
import { caretBox } from './caret';
import { isPaletteRequest } from './messages';
import { DEFAULT_PALETTE_TRIGGER, PALETTE_TRIGGER_KEY, chordOf } from './trigger';

const WIDTH = 380;
const HEIGHT = 320;
const GAP = 6;

/**
 * The in-page palette: the agent presses the trigger chord in the reply editor and a small list of scripts opens at
 * the caret. Only the frame lives in the page, inside a closed shadow root (the page can neither style nor reach
 * it); the list itself is an extension page (palette.html) with the same ranking as the side panel, and it inserts
 * through the content script's usual insert request. Everything is tied to `ctx`.
 *
 * `lastEditor` gives the reply editor the agent last used, for Esc in the side panel ("back to the reply").
 */
export function startPalette(ctx: ContentScriptContext, lastEditor: () => EditableElement | null): void {
  let trigger = DEFAULT_PALETTE_TRIGGER;
  let open: { host: HTMLElement; editor: EditableElement } | null = null;

  const applyTrigger = (value: unknown) => {
    trigger = typeof value === 'string' ? value : DEFAULT_PALETTE_TRIGGER;
  };
  browser.storage.local
    .get(PALETTE_TRIGGER_KEY)
    .then((stored) => applyTrigger(stored[PALETTE_TRIGGER_KEY]))
    .catch(() => {});
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && PALETTE_TRIGGER_KEY in changes) applyTrigger(changes[PALETTE_TRIGGER_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onStorage);

  function close(refocus: boolean): void {
    if (!open) return;
    const { host, editor } = open;
    open = null;
    host.remove();
    if (refocus && editor.isConnected) editor.focus({ preventScroll: true });
  }

  function show(editor: EditableElement): void {
    close(false);
    const caret = caretBox(editor, document);
    const left = Math.max(GAP, Math.min(caret.left, innerWidth - WIDTH - GAP));
    const below = caret.bottom + GAP;
    const top = below + HEIGHT <= innerHeight ? below : Math.max(GAP, caret.top - HEIGHT - GAP);

    const host = document.createElement('agent-assist-palette');
    // Inline and important: the page's own style sheets cannot move or hide the host.
    host.style.cssText = `position:fixed!important;left:${left}px!important;top:${top}px!important;z-index:2147483647!important;display:block!important`;
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `iframe{width:${WIDTH}px;height:${HEIGHT}px;border:0;border-radius:8px;box-shadow:0 8px 28px #0006}`;
    const frame = document.createElement('iframe');
    frame.src = browser.runtime.getURL('/palette.html');
    frame.title = browser.i18n.getMessage('paletteTitle') || 'Agent Assist';
    frame.addEventListener('load', () => frame.focus());
    shadow.append(style, frame);
    document.documentElement.append(host);
    open = { host, editor };
  }

  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      // `off` never equals a chord.
      if (chordOf(event) !== trigger) return;
      const editor = editableFrom(event.composedPath()[0] ?? event.target);
      if (!editor) return;
      event.preventDefault();
      event.stopPropagation();
      show(editor);
    },
    { capture: true },
  );
  // A click anywhere else in the page closes it, like any popup.
  ctx.addEventListener(document, 'mousedown', (event) => {
    if (open && !event.composedPath().includes(open.host)) close(false);
  });

  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (ctx.isInvalid || sender.id !== browser.runtime.id || !isPaletteRequest(raw)) return;
    if (raw.action === 'close') {
      close(true);
      return;
    }
    close(false);
    const editor = lastEditor();
    window.focus();
    if (editor?.isConnected) editor.focus({ preventScroll: true });
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    close(false);
    // After an update the old runtime may be gone already, and with it anything to remove the listeners from.
    try {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
    } catch {
      // Cut off from the extension: the listeners can never fire again.
    }
  });
}
