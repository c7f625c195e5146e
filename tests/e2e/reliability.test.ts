import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_PATH, launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';
import { isolatedWorld, workerControl } from './extension-internals';

// The extension surviving itself and leaving the page alone, in real Chromium: the service worker stopped through the
// DevTools protocol at awkward moments, an update with helpdesk tabs open, several tabs and windows at once, a page
// that floods the conversation with 1,000 messages. Nothing here asserts a time: work is counted instead.

/** The extension APIs these tests call inside the service worker and the panel (their global `chrome`). */
interface TestChrome {
  tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  windows: { create(options: object): Promise<{ id?: number; tabs?: Array<{ id?: number }> }> };
  runtime: { reload(): void; getManifest(): { version: string } };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
  storage: { session: { get(key: null): Promise<Record<string, unknown>> } };
}
declare const chrome: TestChrome;

const demoHelpdesk = resolve(import.meta.dirname, '../demo-helpdesk');
const pages = resolve(import.meta.dirname, 'pages');

let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic({ '/': demoHelpdesk, '/pages/': pages });
});
afterAll(async () => {
  await server?.close();
});

const stageOf = (panel: Page) => panel.locator('[data-testid="stage"]').getAttribute('data-stage');
const messageTexts = (panel: Page) => panel.locator('[data-testid="message"]').allTextContents();
const subjectOf = (panel: Page) => panel.locator('[data-testid="conversation"]').getAttribute('data-subject');

/** Appends a message to the demo helpdesk's log, the way its live updates do. */
async function appendMessage(page: Page, text: string, role: 'customer' | 'agent' = 'customer'): Promise<void> {
  await page.evaluate(
    ({ body, author }) => {
      const log = document.querySelector('[data-message-log]')!;
      const entry = log.querySelector(`li[data-author-role="${author}"]`)!.cloneNode(true) as HTMLElement;
      entry.setAttribute('data-message-id', `test-${Math.random().toString(36).slice(2)}`);
      const paragraph = document.createElement('p');
      paragraph.textContent = body;
      entry.querySelector('[data-field="message-body"]')!.replaceChildren(paragraph);
      log.appendChild(entry);
    },
    { body: text, author: role },
  );
}

/** The panel for one tab in its own popup window (the helpdesk tab stays active), opened by whichever worker runs. */
async function openPanel(context: BrowserContext, worker: Worker, extensionId: string, tabId: number): Promise<Page> {
  const url = `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`;
  const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 30_000 });
  await worker.evaluate((panelUrl) => chrome.windows.create({ url: panelUrl, type: 'popup', width: 420, height: 800 }).then(() => undefined), url);
  const panel = await opened;
  await panel.waitForLoadState('domcontentloaded');
  return panel;
}

async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const id = await worker.evaluate(async (pageUrl) => (await chrome.tabs.query({})).find((tab) => tab.url === pageUrl)?.id ?? -1, page.url());
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the service worker stopped at any moment', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leaves the panel following its page, with the agent’s choices kept and nothing lost', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?ticket=1002`);
    const panel = await browser.openPanelFor(page);
    const panelErrors = collectErrors(panel);
    await panel.locator('[data-testid="suggestion"]').first().waitFor();
    await expect.poll(() => stageOf(panel)).toBe('recovery');
    const workers = await workerControl(browser.context, page, browser.extensionId);

    // The agent's own choices live in the panel; the worker's death must not reset them.
    await panel.locator('[data-testid="stage-pin"]').selectOption('solution');
    await panel.locator('[data-testid="reply-language"]').selectOption('es');
    await expect.poll(() => stageOf(panel)).toBe('solution');

    // Each round stops the worker at a different point of a message's trip: before the page changes, between the
    // change and the content script's read (it waits a frame), and after the panel already showed it. The agent's
    // own replies keep the pin (only a new customer turn releases it, by design).
    const rounds: Array<{ text: string; stopAt: 'before-change' | 'right-after-change' | 'after-shown' }> = [
      { text: 'I am checking with the courier now.', stopAt: 'before-change' },
      { text: 'The parcel is at the Leeds depot.', stopAt: 'right-after-change' },
      { text: 'I have asked them to deliver it tomorrow.', stopAt: 'after-shown' },
      { text: 'I have also refunded the delivery charge.', stopAt: 'right-after-change' },
    ];
    const world = await isolatedWorld(page);
    let restarts = 0;
    for (const round of rounds) {
      const worker = await workers.current();
      await worker.evaluate(() => {
        (globalThis as { stateOnlyInMemory?: string }).stateOnlyInMemory = 'lost when the worker stops';
      });
      const readsBefore = (await world.stats()).reads;
      let stopped: string | null = null;
      if (round.stopAt === 'before-change') stopped = await workers.stop();
      await appendMessage(page, round.text, 'agent');
      if (round.stopAt === 'right-after-change') stopped = await workers.stop();
      await expect.poll(async () => (await messageTexts(panel)).at(-1), { timeout: 15_000 }).toBe(round.text);
      if (round.stopAt === 'after-shown') stopped = await workers.stop();
      const fresh = await workers.waitForRestart(stopped!);
      // A fresh worker: what only its memory held is gone, so whatever the panel shows came from storage or the page.
      expect(await fresh.evaluate(() => (globalThis as { stateOnlyInMemory?: string }).stateOnlyInMemory ?? null)).toBeNull();
      // The panel reconnected and the new worker asked the page again (a read beyond the one for the message).
      await expect.poll(async () => (await world.stats()).reads - readsBefore, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(await stageOf(panel)).toBe('solution');
      expect(await panel.locator('[data-testid="stage"]').getAttribute('data-pinned')).toBe('true');
      expect(await panel.locator('[data-testid="reply-language"]').getAttribute('data-lang')).toBe('es');
      restarts++;
    }
    expect(restarts).toBe(rounds.length);

    // Every message arrived once, in order.
    const texts = await messageTexts(panel);
    expect(texts.slice(-rounds.length)).toEqual(rounds.map((r) => r.text));
    expect(new Set(texts).size).toBe(texts.length);
    await expect.poll(() => panel.locator('[data-testid="suggestion"]').first().getAttribute('data-lang')).toBe('es');

    // The stage detector still works on what arrives after the restarts: a customer's thanks releases the pin.
    await appendMessage(page, 'Thank you so much, that is all I needed. Bye!');
    await expect.poll(() => stageOf(panel), { timeout: 15_000 }).toBe('closing');
    expect(await panel.locator('[data-testid="reply-language"]').getAttribute('data-lang')).toBe('es');
    await world.detach();

    // Insert still reaches the page after all those restarts.
    const first = panel.locator('[data-testid="suggestion"]').first();
    const text = await first.locator('[data-testid="suggestion-text"]').textContent();
    await first.locator('[data-testid="insert"]').click();
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(text);

    // A panel opened while no worker runs (the only panel closed, nothing to wake it) gets the conversation at once,
    // from storage.session and the page.
    const tabId = await tabIdOf(await workers.current(), page);
    expect(panelErrors).toEqual([]);
    await panel.close();
    const stopped = await workers.stop();
    expect(await workers.runningTarget()).toBeNull();
    const late = await browser.context.newPage();
    await late.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await workers.waitForRestart(stopped);
    await expect.poll(async () => (await messageTexts(late)).at(-1), { timeout: 15_000 }).toBe('Thank you so much, that is all I needed. Bye!');
    expect(await stageOf(late)).toBe('closing');

    await workers.detach();
    await late.close();
    await page.close();
  });
});

describe('an extension update with helpdesk tabs open', () => {
  let browser: ExtensionBrowser;
  let copy: string;
  beforeAll(async () => {
    // A copy of the built extension, so the test can ship it a new version. It also lists http://localhost/* as a
    // host the agent granted: Chromium shows no permission prompt in a test, and a host granted at install is
    // recorded the same way as one granted from the panel (permissions.getAll lists it), which is what the worker
    // rebuilds its "enabled sites" from.
    copy = mkdtempSync(join(tmpdir(), 'agent-assist-update-'));
    cpSync(EXTENSION_PATH, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
    manifest.host_permissions.push('http://localhost/*');
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    browser = await launchWithExtension({ extensionPath: copy });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('quiets the old content scripts, starts the new ones in open tabs, and keeps enabled sites enabled', async () => {
    const workers = await workerControl(browser.context, await browser.context.newPage(), browser.extensionId);
    const siteId = 'site:http://localhost';
    // On install the worker registered the reader for the granted host.
    await expect
      .poll(async () => (await (await workers.current()).evaluate(() => chrome.scripting.getRegisteredContentScripts())).map((s) => s.id))
      .toContain(siteId);

    // A helpdesk tab from the manifest's hosts, and one on the enabled self-hosted site, both open before the update.
    const page = await browser.context.newPage();
    const pageErrors = collectErrors(page);
    await page.goto(`${server.origin}/?ticket=1003`);
    const selfHosted = await browser.context.newPage();
    await selfHosted.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/?ticket=1005`);
    const world = await isolatedWorld(page);
    await expect.poll(() => world.stats().then((s) => s.reads)).toBeGreaterThan(0);
    const selfHostedWorld = await isolatedWorld(selfHosted);
    await expect.poll(() => selfHostedWorld.stats().then((s) => s.reads)).toBeGreaterThan(0);
    expect(world.worlds()).toHaveLength(1);
    const [oldWorld] = world.worlds();
    const oldPanel = await browser.openPanelFor(page);
    await oldPanel.locator('[data-testid="suggestion"]').first().waitFor();

    // The update: a new version on disk, then the reload Chrome does when it installs it.
    const manifestPath = join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '0.1.1' }));
    const oldWorker = await workers.current();
    await oldWorker.evaluate(() => {
      (globalThis as Record<string, unknown>)['__agentAssistTestRealm'] = 'before the update';
      setTimeout(() => chrome.runtime.reload(), 50);
    });
    await workers.waitForRestart('before the update');
    // The old version's pages went with it.
    await expect.poll(() => oldPanel.evaluate(() => location.href).catch(() => 'gone')).not.toContain('sidepanel.html');

    // A new copy runs in a world of its own; the old copy noticed it was cut off and let go of its observer and
    // listeners.
    await expect.poll(() => world.worlds().length, { timeout: 15_000 }).toBe(2);
    const newWorld = world.worlds().at(-1)!;
    await expect.poll(() => world.stats(oldWorld).then((s) => s.detached), { timeout: 15_000 }).toBe(true);
    expect((await world.stats(newWorld)).detached).toBe(false);
    const oldStats = await world.stats(oldWorld);
    const newStatsBefore = await world.stats(newWorld);

    // Messages after the update: the new copy reads them and the panel shows them; the old one does no work at all.
    const worker = await workers.current();
    const panel = await openPanel(browser.context, worker, browser.extensionId, await tabIdOf(worker, page));
    for (const text of ['Hello again, any news on my order?', 'The tracking page still says pending.']) {
      await appendMessage(page, text);
      await expect.poll(async () => (await messageTexts(panel)).at(-1), { timeout: 15_000 }).toBe(text);
    }
    expect(await world.stats(oldWorld)).toEqual(oldStats);
    const newStatsAfter = await world.stats(newWorld);
    expect(newStatsAfter.mutationCallbacks).toBeGreaterThan(newStatsBefore.mutationCallbacks);
    expect(newStatsAfter.reads).toBeGreaterThan(newStatsBefore.reads);

    // Insert goes through the new copy's listener, once.
    const first = panel.locator('[data-testid="suggestion"]').first();
    const text = await first.locator('[data-testid="suggestion-text"]').textContent();
    await first.locator('[data-testid="insert"]').click();
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(text);

    // The enabled self-hosted site: Chrome dropped its registration with the update; it is back, and the open tab
    // has a working reader again.
    expect((await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).map((s) => s.id)).toContain(siteId);
    const selfHostedPanel = await openPanel(browser.context, worker, browser.extensionId, await tabIdOf(worker, selfHosted));
    await expect.poll(() => subjectOf(selfHostedPanel), { timeout: 15_000 }).toBeTruthy();
    await appendMessage(selfHosted, 'Still there? Any update on the refund?');
    await expect.poll(async () => (await messageTexts(selfHostedPanel)).at(-1), { timeout: 15_000 }).toBe('Still there? Any update on the refund?');

    // There too the old copy went quiet and a new one took over.
    expect(selfHostedWorld.worlds()).toHaveLength(2);
    expect((await selfHostedWorld.stats(selfHostedWorld.worlds()[0])).detached).toBe(true);

    expect(pageErrors).toEqual([]);
    await Promise.all([world.detach(), selfHostedWorld.detach(), workers.detach()]);
  });
});

describe('several helpdesk tabs and windows', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives each tab, in either window, a panel with its own conversation', async () => {
    const worker = browser.serviceWorker;
    const first = await browser.context.newPage();
    await first.goto(`${server.origin}/?ticket=1002`);
    const second = await browser.context.newPage();
    await second.goto(`${server.origin}/?ticket=1005`);
    // A second browser window with its own helpdesk tab.
    const thirdUrl = `${server.origin}/?ticket=1007`;
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url() === thirdUrl });
    await worker.evaluate((url) => chrome.windows.create({ url, type: 'normal' }).then(() => undefined), thirdUrl);
    const third = await opened;
    await third.waitForLoadState('load');

    const tabs = [
      { page: first, ticket: '1002' },
      { page: second, ticket: '1005' },
      { page: third, ticket: '1007' },
    ];
    const tabIds = await Promise.all(tabs.map((t) => tabIdOf(worker, t.page)));
    expect(new Set(tabIds).size).toBe(3);
    const windowIds = await worker.evaluate(
      async (ids) => Promise.all(ids.map(async (id) => (await (chrome.tabs as unknown as { get(id: number): Promise<{ windowId: number }> }).get(id)).windowId)),
      tabIds,
    );
    expect(windowIds[0]).toBe(windowIds[1]);
    expect(windowIds[2]).not.toBe(windowIds[0]);

    const panels: Page[] = [];
    for (const tabId of tabIds) panels.push(await openPanel(browser.context, worker, browser.extensionId, tabId));
    const subjects = await Promise.all(tabs.map((t) => t.page.locator('[data-field="subject"]').textContent()));
    for (const [i, panel] of panels.entries()) {
      await expect.poll(() => subjectOf(panel), { timeout: 15_000 }).toBe(subjects[i]);
    }

    // A message in one tab reaches its own panel only. Each other panel then gets a message of its own, so a stray
    // copy of the first one would have arrived before it.
    const marks = ['Only for the first tab.', 'Only for the second tab.', 'Only for the window’s tab.'];
    for (const [i, tab] of tabs.entries()) {
      await appendMessage(tab.page, marks[i]!);
      await expect.poll(async () => (await messageTexts(panels[i]!)).at(-1), { timeout: 15_000 }).toBe(marks[i]);
    }
    for (const [i, panel] of panels.entries()) {
      const texts = await messageTexts(panel);
      expect(texts.filter((t) => marks.includes(t))).toEqual([marks[i]]);
      expect(await subjectOf(panel)).toBe(subjects[i]);
    }
    // The background keeps one state per tab.
    const stored = await worker.evaluate(() => chrome.storage.session.get(null));
    for (const id of tabIds) expect(Object.keys(stored)).toContain(`tab-state:${id}`);
  });
});

describe('the host page', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** What a page can see of the extension: its globals, markup, styles and messages posted to it. */
  async function pageFacts(page: Page) {
    return page.evaluate(() => {
      const shadowHosts = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).length;
      return {
        globals: Object.keys(window).sort(),
        html: document.documentElement.outerHTML,
        styleSheets: document.styleSheets.length,
        adoptedStyleSheets: document.adoptedStyleSheets.length,
        shadowHosts,
        computedStyles: [document.documentElement, document.body, document.querySelector('[data-message-log]')!].map((el) => {
          const style = getComputedStyle(el);
          return [...style].map((property) => `${property}:${style.getPropertyValue(property)}`).join(';');
        }),
        messages: (window as unknown as { recordedMessages: string[] }).recordedMessages,
      };
    });
  }

  it('gets no globals, markup, styles, messages or errors from the extension while it reads and inserts', async () => {
    // Messages posted to the page are recorded from its first script on, in this page and in the bare one.
    await browser.context.addInitScript(() => {
      const recorded: string[] = [];
      Object.defineProperty(window, 'recordedMessages', { value: recorded, enumerable: true });
      window.addEventListener('message', (event) => recorded.push(JSON.stringify(event.data)));
    });
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.origin}/pages/rapid-messages.html`);
    const panel = await browser.openPanelFor(page);
    await panel.locator('[data-testid="suggestion"]').first().waitFor();
    await page.evaluate(() => (window as unknown as { addMessagesRapidly(n: number): Promise<unknown> }).addMessagesRapidly(3));
    await expect.poll(async () => (await messageTexts(panel)).length, { timeout: 15_000 }).toBe(4);
    const first = panel.locator('[data-testid="suggestion"]').first();
    const inserted = await first.locator('[data-testid="suggestion-text"]').textContent();
    await first.locator('[data-testid="insert"]').click();
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(inserted);
    const world = await isolatedWorld(page);
    expect((await world.stats()).reads).toBeGreaterThan(0); // the extension really ran here

    // The same page and the same steps where the extension does not run (another hostname).
    const bare = await browser.context.newPage();
    await bare.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/pages/rapid-messages.html`);
    await bare.evaluate(() => (window as unknown as { addMessagesRapidly(n: number): Promise<unknown> }).addMessagesRapidly(3));
    await bare.locator('#reply-box').fill(inserted ?? '');
    await expect(isolatedWorld(bare).then((w) => w.stats())).rejects.toThrow(/not running/);

    // Focus moved to the panel's window on insert; the textarea's value is a property, not markup.
    const withExtension = await pageFacts(page);
    const without = await pageFacts(bare);
    expect(withExtension.globals).toEqual(without.globals);
    expect(withExtension.html).toBe(without.html);
    expect(withExtension.styleSheets).toBe(without.styleSheets);
    expect(withExtension.adoptedStyleSheets).toBe(without.adoptedStyleSheets);
    expect(withExtension.shadowHosts).toBe(without.shadowHosts);
    expect(withExtension.computedStyles).toEqual(without.computedStyles);
    expect(withExtension.messages).toEqual([]);
    expect(without.messages).toEqual([]);
    expect(errors).toEqual([]);
    await world.detach();
    await Promise.all([panel.close(), page.close(), bare.close()]);
  });

  it('keeps in-page UI in a closed shadow root that page styles cannot reach and whose styles stay inside', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.origin}/pages/rapid-messages.html`);
    // A page with aggressive styles of its own: it tries to hide or shrink any frame and any element of ours.
    await page.addStyleTag({
      content: 'iframe, agent-assist-palette, [class*="agent"] { display: none !important; width: 1px !important; height: 1px !important; } * { box-shadow: none; }',
    });
    await page.evaluate(() => {
      const own = document.createElement('iframe');
      own.id = 'page-own-frame';
      own.style.display = 'block';
      document.body.appendChild(own);
    });
    const world = await isolatedWorld(page);
    await expect.poll(() => world.stats().then((s) => s.reads)).toBeGreaterThan(0);
    const pageStyleFacts = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.getElementById('page-own-frame')!);
        return {
          styleSheets: document.styleSheets.length,
          headChildren: document.head.children.length,
          ownFrame: [...style].map((property) => `${property}:${style.getPropertyValue(property)}`).join(';'),
        };
      });
    const before = await pageStyleFacts();

    await page.locator('#reply-box').click();
    await page.keyboard.press('Control+Shift+Space');
    await expect.poll(() => page.frames().some((f) => f.url().endsWith('/palette.html')), { timeout: 10_000 }).toBe(true);
    const frame = page.frames().find((f) => f.url().endsWith('/palette.html'))!;
    const added = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.tagName.includes('-') || el.id === 'page-own-frame')
        .map((el) => ({ tag: el.tagName.toLowerCase(), openShadow: el.shadowRoot !== null, lightChildren: el.childElementCount })),
    );
    // One element of ours, with nothing in the light DOM and a shadow root the page cannot open.
    expect(added.filter((el) => el.tag !== 'iframe')).toEqual([{ tag: 'agent-assist-palette', openShadow: false, lightChildren: 0 }]);
    // The page's rules did not reach inside: the palette's frame has its size and is shown.
    const box = await (await frame.frameElement()).boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    // ...and the palette's own rules did not leak out onto the page's frame, head or style sheets.
    const during = await pageStyleFacts();
    expect(during).toEqual(before);

    // Escape once the palette is drawn and listening (under load its page can take a moment to start).
    await frame.locator('[data-testid="palette"][data-state="ready"]').waitFor({ timeout: 15_000 });
    await frame.locator('body').press('Escape');
    await expect.poll(() => page.locator('agent-assist-palette').count()).toBe(0);
    expect(errors).toEqual([]);
    await world.detach();
    await page.close();
  });

  it('does bounded work when 1,000 messages arrive as fast as the page can add them', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${server.origin}/pages/rapid-messages.html`);
    const panel = await browser.openPanelFor(page);
    const panelErrors = collectErrors(panel);
    await panel.locator('[data-testid="suggestion"]').first().waitFor();
    const world = await isolatedWorld(page);
    const before = await world.stats();

    const burst = await page.evaluate(() =>
      (window as unknown as { addMessagesRapidly(n: number): Promise<{ added: number; mutationCallbacks: number; elapsedMs: number }> }).addMessagesRapidly(1000),
    );
    // Nothing is lost: the panel ends with every message, the last one last.
    await expect.poll(async () => (await messageTexts(panel)).length, { timeout: 30_000 }).toBe(1001);
    expect((await messageTexts(panel)).at(-1)).toBe('Message 1000 of 1000: still waiting for order AC-2000.');
    const after = await world.stats();

    const reads = after.reads - before.reads;
    const sent = after.snapshotsSent - before.snapshotsSent;
    const observed = after.mutationCallbacks - before.mutationCallbacks;
    // The burst really was a thousand separate changes (a naive reader would have read the page this many times)...
    expect(burst.mutationCallbacks).toBeGreaterThanOrEqual(900);
    expect(observed).toBeGreaterThanOrEqual(900);
    // ...and the content script folded them: at most one read per 150 ms interval of the burst, plus the read at
    // its start and the one after it; and never more than a tenth of the naive count.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(Math.ceil(burst.elapsedMs / 150) + 3);
    expect(reads * 10).toBeLessThanOrEqual(burst.mutationCallbacks);
    // Only changed readings cross to the background.
    expect(sent).toBeLessThanOrEqual(reads);
    expect(errors).toEqual([]);
    expect(panelErrors).toEqual([]);
    await world.detach();
    await Promise.all([panel.close(), page.close()]);
  });
});
