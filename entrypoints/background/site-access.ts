import { EnableSiteMessage } from '@/scripts-library/messages';

/**
 * Self-hosted helpdesks on the agent's own domains: once the agent grants an origin from the panel, the self-hosted
 * content script is registered there (kept across browser restarts) and started in the open tab at once. Revoking
 * the permission in the browser's settings unregisters it.
 */
const SELF_HOSTED_SCRIPT = '/content-scripts/content.js';
const scriptId = (origin: string) => `site:${origin}`;

export function startSiteAccess(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab) return false; // only extension pages, never content scripts
    const parsed = EnableSiteMessage.safeParse(raw);
    if (!parsed.success) return false;
    enableSite(parsed.data.origin, parsed.data.tabId).then(
      () => sendResponse({ ok: true }),
      (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  browser.permissions.onRemoved.addListener(({ origins = [] }) => {
    const ids = origins.map((pattern) => scriptId(pattern.replace(/\/\*$/, '')));
    if (ids.length) browser.scripting.unregisterContentScripts({ ids }).catch(() => {});
  });
}

async function enableSite(origin: string, tabId: number): Promise<void> {
  const pattern = `${origin}/*`;
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new Error(`Access to ${origin} was not granted`);
  }
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: [pattern], js: [SELF_HOSTED_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  await browser.scripting.executeScript({ target: { tabId }, files: [SELF_HOSTED_SCRIPT] });
}
