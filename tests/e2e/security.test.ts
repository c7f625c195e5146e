import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphsHtml } from '../../entrypoints/content/editor-insert/rich-editor';
import { EXTENSION_PATH, launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';
import { isolatedWorld } from './extension-internals';

// Hostile input in real Chromium: a customer who writes markup and script into their name, the subject and their
// messages; a trainer's script and a lead's pack full of the same; another extension and our own content script
// sending messages they should not; code that tries to run in the extension's pages. Every payload pushes to a
// canary (`top.__pwned` in the page) or breaks the extension pages' CSP (a console error), and each test shows its
// canary would have caught a payload that ran.

interface TestChrome {
  tabs: {
    query(filter: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown>;
  };
  windows: { create(options: object): Promise<unknown> };
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> };
  storage: { session: { get(key: null): Promise<Record<string, unknown>> } };
  runtime: {
    sendMessage(...args: unknown[]): Promise<unknown>;
    connect(...args: unknown[]): { onMessage: { addListener(cb: (m: unknown) => void): void }; onDisconnect: { addListener(cb: () => void): void }; postMessage(m: unknown): void };
    getManifest(): { name: string };
    lastError?: { message?: string };
  };
}
declare const chrome: TestChrome;

const pages = resolve(import.meta.dirname, 'pages');

/** The hostile strings exactly as the fixture page shows them (tests/e2e/pages/hostile-helpdesk.html). */
const HOSTILE = {
  customerName: "<img/src/onerror=top.__pwned.push('name')>",
  subject: "Refund <script>top.__pwned.push('subject')</script>",
  messages: [
    `I was charged twice <img src=x onerror="top.__pwned.push('message')"> for order AC-1.`,
    'Sorry to hear that. Let me check the order.',
    `</textarea><svg onload=top.__pwned.push('svg')> <a href="javascript:top.__pwned.push('link')">my receipt</a> {{agent.name}}`,
  ],
};

/** Elements a payload would have created, in any page. */
const PAYLOAD_ELEMENTS = 'img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:"], script:not([src])';

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned);

/**
 * Sets a payload as markup in the page and waits for its canary. Run after the steps under test: an image error
 * takes one request to the server, so a payload those steps had let in would have fired before this one does.
 */
async function proveCanaryFires(page: Page, markup: string, mark: string): Promise<void> {
  await page.evaluate((html) => {
    const probe = document.createElement('div');
    probe.innerHTML = html;
    document.body.appendChild(probe);
  }, markup.replace(/top\.__pwned\.push\('[^']*'\)/g, `top.__pwned.push('${mark}')`));
  await expect.poll(() => pwned(page), { timeout: 10_000 }).toContain(mark);
}

async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1, page.url());
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic({ '/pages/': pages });
});
afterAll(async () => {
  await server?.close();
});

describe('hostile content is shown and inserted as text', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps a customer’s markup in name, subject and messages as text, in the panel and in the reply editors', async () => {
    const page = await browser.context.newPage();
    const pageErrors = collectErrors(page);
    await page.goto(`${server.origin}/pages/hostile-helpdesk.html`);
    const panel = await browser.openPanelFor(page);
    const panelErrors = collectErrors(panel);
    const conversation = panel.locator('[data-testid="conversation"]');
    await expect.poll(() => conversation.getAttribute('data-customer-name'), { timeout: 15_000 }).toBe(HOSTILE.customerName);
    expect(await conversation.getAttribute('data-subject')).toBe(HOSTILE.subject);
    expect(await panel.locator('[data-testid="message"]').allTextContents()).toEqual(HOSTILE.messages);
    // Shown in the facts list too, as text.
    expect(await conversation.locator('dd').allTextContents()).toEqual(
      expect.arrayContaining([HOSTILE.customerName, expect.stringContaining(HOSTILE.subject)]),
    );

    // A trainer's script that is itself markup and script, written in the library page like any other.
    const scriptText = `Hello {{customer.firstName|there}}! <img src=x onerror="top.__pwned.push('script')"> About “{{ticket.subject}}”: <b>we</b> are on it.\n<script>top.__pwned.push('script-tag')</script>`;
    const scriptTitle = `<img src=x onerror="top.__pwned.push('title')">Greeting`;
    const library = await browser.context.newPage();
    const libraryErrors = collectErrors(library);
    await library.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await library.locator('[data-testid="script-row"]').first().waitFor();
    await library.locator('[data-testid="new-script"]').click();
    await library.locator('[data-testid="editor-title"]').fill(scriptTitle);
    await library.locator('[data-testid="editor-lang"]').selectOption('en');
    await library.locator('[data-testid="editor-stage"]').selectOption('greeting');
    await library.locator('[data-testid="editor-kind"]').selectOption('greeting');
    await library.locator('[data-testid="editor-text"]').fill(scriptText);
    await expect.poll(() => library.locator('[data-testid="preview-text"]').textContent()).toContain(`<img src=x onerror="top.__pwned.push('script')">`);
    await library.locator('[data-testid="save-script"]').click();
    await expect.poll(() => library.locator('[data-testid="editor"]').getAttribute('data-version')).toBe('1');
    const scriptId = (await library.locator('[data-testid="editor"]').getAttribute('data-script-id'))!;
    expect(await library.locator(PAYLOAD_ELEMENTS).count()).toBe(0);

    // Only the trainer's script greets in English from now on, so the panel surely shows it whatever the ranking.
    await panel.evaluate(async (keep) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('agent-assist');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const store = db.transaction('scripts', 'readwrite').objectStore('scripts');
      const all = await new Promise<Array<{ id: string; stage: string; lang: string }>>((done) => {
        const request = store.getAll();
        request.onsuccess = () => done(request.result as Array<{ id: string; stage: string; lang: string }>);
      });
      for (const script of all) if (script.stage === 'greeting' && script.lang === 'en' && script.id !== keep) store.delete(script.id);
      await new Promise((done) => (store.transaction.oncomplete = done));
      db.close();
    }, scriptId);
    await panel.reload();
    await panel.locator('[data-testid="stage-pin"]').selectOption('greeting');
    await panel.locator('[data-testid="reply-language"]').selectOption('en');
    const card = panel.locator(`[data-testid="suggestion"][data-script-id="${scriptId}"]`);
    const expected = scriptText.replace('{{customer.firstName|there}}', HOSTILE.customerName).replace('{{ticket.subject}}', HOSTILE.subject);
    await expect.poll(() => card.locator('[data-testid="suggestion-text"]').textContent(), { timeout: 15_000 }).toBe(expected);
    expect(await card.textContent()).toContain(scriptTitle);

    // Insert into the plain reply box, then into a rich (contenteditable) one the agent clicked into.
    await card.locator('[data-testid="insert"]').click();
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(expected);
    await page.locator('#rich-reply').click();
    await card.locator('[data-testid="insert"]').click();
    await expect.poll(() => page.locator('#rich-reply').evaluate((el) => (el as HTMLElement).innerText.replace(/\n+/g, '\n'))).toBe(expected);
    expect(await page.locator('#rich-reply').locator('img, script, svg, b, a').count()).toBe(0);

    // The canary: nothing ran in the page, and it would have seen a payload that did.
    await proveCanaryFires(page, HOSTILE.customerName, 'canary-check');
    expect(await pwned(page)).toEqual(['canary-check']);
    expect(await panel.locator(PAYLOAD_ELEMENTS).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pageErrors: string[] }).__pageErrors)).toEqual([]);
    expect(pageErrors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
    // In the extension's pages a payload that slipped into the markup would be refused by the CSP, which logs it.
    expect(panelErrors).toEqual([]);
    expect(libraryErrors).toEqual([]);
    await panel.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = `<img src="x" onerror="document.title = 'ran'">`;
      document.body.appendChild(probe);
    });
    await expect.poll(() => panelErrors.join('\n'), { timeout: 10_000 }).toMatch(/Content Security Policy/);
    expect(await panel.title()).not.toBe('ran');
    await Promise.all([library.close(), panel.close(), page.close()]);
  });

  it('shows a lead’s pack as text: name, publisher, description, titles and wording', async () => {
    const mark = (where: string) => `<img src=x onerror="top.__pwned.push('${where}')"><script>top.__pwned.push('${where}')</script>`;
    const pack = {
      id: 'hostile-pack',
      name: `Team pack ${mark('pack-name')}`,
      version: '1.0.0',
      publisher: `Lead ${mark('publisher')}`,
      description: `Wording ${mark('description')}`,
      languages: ['en'],
      scripts: [
        { id: 'hostile-pack.greeting.en', stage: 'greeting', kind: 'greeting', lang: 'en', title: `Hi ${mark('pack-title')}`, text: `Hello {{customer.firstName|there}} ${mark('pack-text')}` },
      ],
    };
    const packsPage = await browser.context.newPage();
    const errors = collectErrors(packsPage);
    await packsPage.goto(`chrome-extension://${browser.extensionId}/packs.html`);
    await packsPage.locator('[data-testid="packs-section"]').waitFor();
    await packsPage.locator('[data-testid="pack-file-input"]').setInputFiles({
      name: `${mark('file-name')}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    const preview = packsPage.locator('[data-testid="pack-preview"]');
    await expect.poll(() => preview.getAttribute('data-pack-id')).toBe('hostile-pack');
    const previewText = (await preview.textContent()) ?? '';
    for (const shown of [pack.name, pack.publisher, pack.description, pack.scripts[0]!.title, pack.scripts[0]!.text]) expect(previewText).toContain(shown);
    await packsPage.locator('[data-testid="pack-install"]').click();
    const installed = packsPage.locator('[data-testid="installed-pack"][data-pack-id="hostile-pack"]');
    await installed.waitFor();
    expect(await installed.textContent()).toContain(pack.name);
    expect(await installed.textContent()).toContain(pack.publisher);
    await installed.locator('[data-testid="show-scripts"]').click();
    const shownScript = installed.locator('[data-testid="pack-script"]');
    await shownScript.waitFor();
    expect(await shownScript.textContent()).toContain(pack.scripts[0]!.title);
    expect(await shownScript.locator('[data-testid="pack-script-text"]').inputValue()).toBe(pack.scripts[0]!.text);
    expect(await packsPage.locator(PAYLOAD_ELEMENTS).count()).toBe(0);
    expect(errors).toEqual([]);
    await packsPage.close();
  });

  it('builds only inert HTML for editors that take pasted HTML', async () => {
    // CKEditor 5 and ProseMirror get the text as paragraphs of HTML (editor-insert/rich-editor.ts): the one place
    // the extension writes markup. Parsed by the browser, it must hold the payloads as text.
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/pages/hostile-helpdesk.html`);
    const text = [HOSTILE.customerName, '', HOSTILE.messages[0]!, HOSTILE.messages[2]!, HOSTILE.subject].join('\n');
    const shown = await page.evaluate((html) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      document.body.appendChild(holder);
      return { paragraphs: holder.querySelectorAll('p').length, other: holder.querySelectorAll(':not(p)').length, text: [...holder.querySelectorAll('p')].map((p) => p.textContent) };
    }, paragraphsHtml(text));
    expect(shown.other).toBe(0);
    expect(shown.paragraphs).toBe(5);
    expect(shown.text.map((line) => line?.replace(/\u00a0/g, ' '))).toEqual(text.split('\n').map((line) => line.trim() === '' ? '' : line));
    await proveCanaryFires(page, HOSTILE.customerName, 'canary-check');
    expect(await pwned(page)).toEqual(['canary-check']);
    await page.close();
  });
});

describe('messages between contexts', () => {
  let browser: ExtensionBrowser;
  let hostileExtension: string;
  let ours: Worker;
  let hostile: Worker;
  let ourId: string;
  beforeAll(async () => {
    // Another extension installed next to ours, which tries to feed the panel, enable sites and listen in.
    hostileExtension = mkdtempSync(join(tmpdir(), 'agent-assist-hostile-'));
    writeFileSync(
      join(hostileExtension, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'Hostile neighbour', version: '1.0', background: { service_worker: 'background.js' } }),
    );
    writeFileSync(join(hostileExtension, 'background.js'), '// Driven from the test through the DevTools protocol.\n');
    const both = `${EXTENSION_PATH},${hostileExtension}`;
    browser = await launchWithExtension({ extraArgs: [`--disable-extensions-except=${both}`, `--load-extension=${both}`] });
    const workers = async () => {
      for (let i = 0; i < 100 && browser.context.serviceWorkers().length < 2; i++) await new Promise((done) => setTimeout(done, 100));
      return browser.context.serviceWorkers();
    };
    for (const worker of await workers()) {
      const name = await worker.evaluate(() => chrome.runtime.getManifest().name);
      if (name === 'Hostile neighbour') hostile = worker;
      else ours = worker;
    }
    ourId = new URL(ours.url()).host;
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(hostileExtension, { recursive: true, force: true });
  });

  async function openPanel(tabId: number): Promise<Page> {
    const url = `chrome-extension://${ourId}/sidepanel.html?tabId=${tabId}`;
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url() === url });
    await ours.evaluate((panelUrl) => chrome.windows.create({ url: panelUrl, type: 'popup', width: 420, height: 800 }).then(() => undefined), url);
    const panel = await opened;
    await panel.waitForLoadState('domcontentloaded');
    return panel;
  }

  it('ignores other extensions, web pages and malformed messages from its own parts', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/pages/hostile-helpdesk.html`);
    const tabId = await tabIdOf(ours, page);
    const panel = await openPanel(tabId);
    const conversation = panel.locator('[data-testid="conversation"]');
    await expect.poll(() => conversation.getAttribute('data-customer-name'), { timeout: 15_000 }).toBe(HOSTILE.customerName);
    const forged = {
      type: 'snapshot',
      snapshot: { site: 'demo', url: page.url(), customerName: 'Forged Name', subject: 'Forged', messages: [{ speaker: 'customer', text: 'forged', at: null }] },
    };

    // The neighbour: every message and connection is refused, and it learns nothing of the conversation.
    const attempts = await hostile.evaluate(
      async ({ target, tab, message, origin }) => {
        const outcome = (promise: Promise<unknown>) => promise.then((answer) => `answered ${JSON.stringify(answer)}`, (error: Error) => `refused: ${error.message}`);
        const listen = () =>
          new Promise<string>((done) => {
            const received: unknown[] = [];
            const port = chrome.runtime.connect(target, { name: 'agent-assist-panel' });
            port.onMessage.addListener((m) => received.push(m));
            port.onDisconnect.addListener(() => done(`disconnected, received ${received.length}`));
            port.postMessage({ type: 'watch-tab', tabId: tab });
            setTimeout(() => done(`still open, received ${received.length}`), 1500);
          });
        return {
          snapshot: await outcome(chrome.runtime.sendMessage(target, message)),
          enableSite: await outcome(chrome.runtime.sendMessage(target, { type: 'enable-site', origin, tabId: tab })),
          watch: await listen(),
        };
      },
      { target: ourId, tab: tabId, message: forged, origin: server.origin },
    );
    expect(attempts.snapshot).toMatch(/^refused/);
    expect(attempts.enableSite).toMatch(/^refused/);
    expect(attempts.watch).toMatch(/received 0$/);

    // A web page cannot reach the extension at all (no externally_connectable).
    expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');

    // Our own content script's world (as a compromised or buggy copy would): a snapshot that does not parse, and an
    // enable-site request, which only extension pages may make, for an origin the extension could register.
    const world = await isolatedWorld(page);
    const sentFromContentScript = [
      `{ type: 'snapshot', snapshot: { site: 'demo', url: 1, customerName: 'Forged', messages: 'forged' } }`,
      `{ type: 'enable-site', origin: ${JSON.stringify(server.origin)}, tabId: ${tabId} }`,
    ];
    for (const message of sentFromContentScript) {
      const answer = await world.evaluate<string>(`chrome.runtime.sendMessage(${message}).then((reply) => 'answered ' + JSON.stringify(reply), (error) => 'no answer: ' + error.message)`);
      expect(answer).toMatch(/^(no answer|answered undefined)/);
    }

    // Requests to the content script that do not parse are ignored: nothing is inserted.
    const replies = await panel.evaluate(
      async ({ tab }) => {
        const send = (message: unknown) => chrome.tabs.sendMessage(tab, message, { frameId: 0 }).then((r) => JSON.stringify(r ?? null), (e: Error) => `no answer: ${e.message}`);
        return [
          await send({ type: 'insert', text: 42, cursor: null }),
          await send({ type: 'insert', text: 'x'.repeat(40_001), cursor: null }),
          await send({ type: 'insert', text: 'ok', cursor: -1 }),
          await send({ type: 'run', code: 'top.__pwned.push("request")' }),
          await send('read-now'),
        ];
      },
      { tab: tabId },
    );
    for (const reply of replies) expect(reply).toMatch(/^(no answer|null)/);
    expect(await page.locator('#reply-box').inputValue()).toBe('');

    // Control: a well-formed request from the panel does insert, so the refusals above were the validation's doing.
    const control = await panel.evaluate(({ tab }) => chrome.tabs.sendMessage(tab, { type: 'insert', text: 'Checked.', cursor: null }, { frameId: 0 }), { tab: tabId });
    expect(control).toMatchObject({ ok: true });
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe('Checked.');

    // After all that, the panel still shows the page's own reading, nothing was registered, and no forged state kept.
    await page.evaluate(() => {
      const log = document.querySelector('[data-message-log]')!;
      const entry = log.lastElementChild!.cloneNode(true) as HTMLElement;
      entry.querySelector('p')!.textContent = 'One more real message.';
      log.appendChild(entry);
    });
    await expect.poll(async () => (await panel.locator('[data-testid="message"]').allTextContents()).at(-1), { timeout: 15_000 }).toBe('One more real message.');
    expect(await conversation.getAttribute('data-customer-name')).toBe(HOSTILE.customerName);
    expect(await panel.locator('[data-testid="message"]').allTextContents()).not.toContain('forged');
    expect((await ours.evaluate(() => chrome.scripting.getRegisteredContentScripts())).map((s) => s.id)).toEqual([]);
    const stored = await ours.evaluate(() => chrome.storage.session.get(null));
    expect(JSON.stringify(stored)).not.toContain('Forged');
    expect(await pwned(page)).toEqual([]);
    await world.detach();
    await Promise.all([panel.close(), page.close()]);
  });
});

describe('no code but the extension’s own', () => {
  let browser: ExtensionBrowser;
  let remote: StaticServer;
  let remoteDir: string;
  beforeAll(async () => {
    remoteDir = mkdtempSync(join(tmpdir(), 'agent-assist-remote-'));
    writeFileSync(join(remoteDir, 'remote.js'), 'globalThis.remoteCodeRan = true;\n');
    remote = await serveStatic({ '/': remoteDir });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    await remote?.close();
    rmSync(remoteDir, { recursive: true, force: true });
  });

  it('refuses eval, inline script and remote script in every extension page and the worker', async () => {
    for (const path of ['sidepanel.html?tabId=1', 'options.html', 'packs.html']) {
      const page = await browser.context.newPage();
      const errors = collectErrors(page);
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.waitForLoadState('load');
      // A string, not a function: the test runner would rewrite `import()` in a function body. The attempts wait for a
      // task of their own because the DevTools protocol lifts the eval ban for the code it evaluates directly.
      const outcome = await page.evaluate(`(async () => {
        await new Promise((done) => setTimeout(done, 0));
        const attempt = async (body) => {
          try {
            await body();
            return 'ran';
          } catch (error) {
            return error.name;
          }
        };
        const results = {
          eval: await attempt(() => (0, eval)('1')),
          functionConstructor: await attempt(() => new Function('return 1')()),
          stringTimer: await new Promise((done) => {
            globalThis.stringTimerRan = false;
            setTimeout('globalThis.stringTimerRan = true', 0);
            setTimeout(() => done(globalThis.stringTimerRan ? 'ran' : 'blocked'), 50);
          }),
          remoteImport: await attempt(() => import(${JSON.stringify(`${remote.origin}/remote.js`)})),
          dataImport: await attempt(() => import('data:text/javascript,globalThis.dataCodeRan=true')),
        };
        const inline = document.createElement('script');
        inline.textContent = 'globalThis.inlineCodeRan = true';
        document.head.appendChild(inline);
        results.inline = globalThis.inlineCodeRan ? 'ran' : 'blocked';
        const external = document.createElement('script');
        external.src = ${JSON.stringify(`${remote.origin}/remote.js`)};
        results.remoteScript = await new Promise((done) => {
          external.onload = () => done('loaded');
          external.onerror = () => done('blocked');
          document.head.appendChild(external);
        });
        results.anyRan = Boolean(globalThis.remoteCodeRan || globalThis.dataCodeRan || globalThis.inlineCodeRan);
        return results;
      })()`);
      expect(outcome).toEqual({
        eval: 'EvalError',
        functionConstructor: 'EvalError',
        stringTimer: 'blocked',
        remoteImport: 'TypeError',
        dataImport: 'TypeError',
        inline: 'blocked',
        remoteScript: 'blocked',
        anyRan: false,
      });
      // Each refusal is the CSP's: Chromium logs the directive it enforced.
      expect(errors.join('\n')).toMatch(/Content Security Policy/);
      await page.close();
    }
    const worker = browser.serviceWorker;
    const inWorker = await worker.evaluate(`(async () => {
      await new Promise((done) => setTimeout(done, 0));
      try {
        (0, eval)('1');
        return 'ran';
      } catch (error) {
        return error.name;
      }
    })()`);
    expect(inWorker).toBe('EvalError');
  });

  it('ships pages that load only the extension’s own script files', () => {
    const htmlFiles = readdirSync(EXTENSION_PATH).filter((file) => file.endsWith('.html'));
    expect(htmlFiles.length).toBeGreaterThanOrEqual(3);
    for (const file of htmlFiles) {
      const html = readFileSync(join(EXTENSION_PATH, file), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body!.trim(), `${file}: inline script`).toBe('');
        const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1] ?? '';
        expect(src, `${file}: script source`).toMatch(/^\/(?!\/)[\w./-]+\.js$/);
      }
      expect(html, `${file}: remote resources`).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    }
  });
});
