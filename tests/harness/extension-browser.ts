import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The few extension APIs the harness calls inside the service worker (its global `chrome`). */
interface WorkerChrome {
  tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  windows: { create(options: object): Promise<unknown> };
}
declare const chrome: WorkerChrome;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens `sidepanel.html?tabId=N` for `page` in its own popup window, so the helpdesk tab stays active. */
  openPanelFor(page: Page): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  extensionPath?: string;
  extraArgs?: string[];
  viewport?: { width: number; height: number } | null;
}

/**
 * Real Chromium with the built extension loaded, as design.md describes: a fresh profile each time, and the flags
 * that keep it from reaching for the network this machine does not have.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  const profile = mkdtempSync(join(tmpdir(), 'agent-assist-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: options.headless ?? true,
    executablePath: CHROMIUM_PATH,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;

  const tabIdOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const url = page.url();
    const id = await serviceWorker.evaluate(async (pageUrl: string) => {
      const tabs = await chrome.tabs.query({});
      const match = tabs.find((tab) => tab.url === pageUrl) ?? (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
      return match?.id ?? -1;
    }, url);
    if (id < 0) throw new Error(`No tab found for ${url}`);
    return id;
  };

  const openPanelFor = async (page: Page): Promise<Page> => {
    const tabId = await tabIdOf(page);
    const panelUrl = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
    const opened = context.waitForEvent('page', { predicate: (p) => p.url() === panelUrl, timeout: 30_000 });
    await serviceWorker.evaluate(
      (url: string) => chrome.windows.create({ url, type: 'popup', width: 420, height: 800 }).then(() => undefined),
      panelUrl,
    );
    const panel = await opened;
    await panel.waitForLoadState('domcontentloaded');
    return panel;
  };

  return {
    context,
    extensionId,
    serviceWorker,
    openPanelFor,
    tabIdOf,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
