import { EnableSiteMessage } from '@/scripts-library/messages';

/**
 * Self-hosted helpdesks on the agent's own domains: once the agent grants an origin from the panel, the self-hosted
 * content script is registered there (kept across browser restarts) and started in the open tab at once. Revoking
 * the permission in the browser's settings unregisters it.
 */
export const SELF_HOSTED_SCRIPT = '/content-scripts/content.js';
const scriptId = (origin: string) => `site:${origin}`;
/** What EnableSite asks for: one origin, no wildcard host. */
const SITE_PATTERN = /^https?:\/\/[^/*\s]+\/\*$/;

export function startSiteAccess(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (response: unknown) => void) => {
    // Only the side panel asks, docked or popped out into its own window (where it is a tab of its own);
    // content scripts, other pages and other extensions are ignored.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/sidepanel.html'))) return false;
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
  await registerSite(pattern);
  await browser.scripting.executeScript({ target: { tabId }, files: [SELF_HOSTED_SCRIPT] });
}

async function registerSite(pattern: string): Promise<void> {
  const id = scriptId(pattern.replace(/\/\*$/, ''));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [pattern], js: [SELF_HOSTED_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * The browser drops registered content scripts when the extension updates (Chrome 156 does on every update and
 * reload), but keeps the host permissions the agent granted. The grants are the record of which sites the agent
 * enabled, so the registrations are rebuilt from them: every single-origin grant that no manifest content script
 * already covers.
 */
export async function restoreEnabledSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const fromManifest = new Set((browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []));
  const sites = origins.filter((pattern) => SITE_PATTERN.test(pattern) && !fromManifest.has(pattern));
  for (const pattern of sites) {
    await registerSite(pattern).catch((error: unknown) => console.warn('Agent Assist: could not re-enable', pattern, error));
  }
  return sites;
}
