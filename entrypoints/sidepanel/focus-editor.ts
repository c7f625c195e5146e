import { PALETTE_MESSAGE, type PaletteRequest } from '@/entrypoints/content/palette/messages';

/**
 * Esc in the panel: back to the helpdesk's reply editor. The content script puts the caret back in the editor the
 * agent last used; when the panel is a window of its own (popped out), that window of the helpdesk is focused too.
 * A side panel cannot take keyboard focus away from itself in every browser, so this is best effort.
 */
export async function focusHelpdeskEditor(tabId: number): Promise<boolean> {
  const request: PaletteRequest = { type: PALETTE_MESSAGE, action: 'focus-editor' };
  try {
    const tab = await browser.tabs.get(tabId);
    const own = await browser.windows.getCurrent().catch(() => null);
    if (tab.windowId !== undefined && own?.id !== tab.windowId) await browser.windows.update(tab.windowId, { focused: true });
    await browser.tabs.sendMessage(tabId, request, { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}
