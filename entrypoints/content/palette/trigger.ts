/**
 * The in-page palette's trigger: a key chord pressed in the reply editor. Kept in `storage.local` so the agent's
 * choice reaches every helpdesk tab. No single key: Zendesk and many chat tools give `/` and `#` their own menus,
 * and a chord typed by accident inserts nothing.
 */
export const PALETTE_TRIGGER_KEY = 'paletteTrigger';
export const PALETTE_TRIGGER_OFF = 'off';
export const DEFAULT_PALETTE_TRIGGER = 'Ctrl+Shift+Space';
/** Chords are written modifiers first, in the order Ctrl, Alt, Shift, Meta, then the key (see `chordOf`). */
export const PALETTE_TRIGGER_CHOICES = ['Ctrl+Shift+Space', 'Alt+Shift+Space', 'Ctrl+Shift+K', 'Alt+J', PALETTE_TRIGGER_OFF] as const;

/**
 * A key press written the way triggers are stored. Uses `code` (the physical key), so the chord works with any
 * keyboard layout or input method.
 */
export function chordOf(event: Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey' | 'code'>): string {
  return (
    (event.ctrlKey ? 'Ctrl+' : '') +
    (event.altKey ? 'Alt+' : '') +
    (event.shiftKey ? 'Shift+' : '') +
    (event.metaKey ? 'Meta+' : '') +
    event.code.replace(/^(Key|Digit)/, '')
  );
}
