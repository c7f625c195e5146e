/**
 * Requests to the palette part of the content script, from the palette frame and the side panel. Checked by hand
 * (no schema library): the content script stays small, and only our own extension can send these.
 */
export const PALETTE_MESSAGE = 'agent-assist:palette';

export interface PaletteRequest {
  type: typeof PALETTE_MESSAGE;
  /** `close`: remove the palette and put the caret back; `focus-editor`: put the caret back in the reply editor. */
  action: 'close' | 'focus-editor';
}

export function isPaletteRequest(raw: unknown): raw is PaletteRequest {
  if (typeof raw !== 'object' || raw === null) return false;
  const { type, action } = raw as Record<string, unknown>;
  return type === PALETTE_MESSAGE && (action === 'close' || action === 'focus-editor');
}
