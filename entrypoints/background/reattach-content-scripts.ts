import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { restoreEnabledSites } from './site-access';

/**
 * Agents keep the helpdesk open all day. When the extension is installed or updated, the browser puts the new content
 * scripts only into pages loaded afterwards, and the copies already running in open tabs are cut off from the
 * extension (they notice and go quiet: run-content-script.ts). So after an install or update the enabled sites are
 * registered again and the new content script is started in every open tab it would have run in, without a reload.
 */
export function startContentScriptReattach(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    reattachContentScripts().catch((error: unknown) => console.warn('Agent Assist: could not restart the page readers', error));
  });
  // Registrations are meant to survive a browser restart; making sure costs one permissions lookup.
  browser.runtime.onStartup.addListener(() => {
    restoreEnabledSites().catch((error: unknown) => console.warn('Agent Assist: could not restore enabled sites', error));
  });
}

interface ScriptPlan {
  matches: string[];
  files: string[];
}

/** Starts the content scripts in the open tabs they match; returns how many tabs got one. */
export async function reattachContentScripts(): Promise<number> {
  await restoreEnabledSites();
  const plans: ScriptPlan[] = [
    ...(browser.runtime.getManifest().content_scripts ?? []).map((script) => ({ matches: script.matches ?? [], files: script.js ?? [] })),
    ...(await browser.scripting.getRegisteredContentScripts()).map((script) => ({ matches: script.matches ?? [], files: script.js ?? [] })),
  ];
  let started = 0;
  for (const { matches, files } of plans) {
    if (matches.length === 0 || files.length === 0) continue;
    // Needs host access to the pattern (the manifest's hosts and the agent's grants); tabs without it are not listed.
    const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      try {
        // The manifest and the registrations name the built files, which WXT's typed paths cannot know in advance.
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: files as ScriptPublicPath[] });
        started++;
      } catch {
        // A tab that is closing, or an error page at a matching address: nothing to read there.
      }
    }
  }
  return started;
}
