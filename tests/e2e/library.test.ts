import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';

// The trainer's path in real Chromium, with the browser's own IndexedDB: write a Tamil script in the library page,
// see a phrasing warning, fix it, find both versions in history with a word diff, revert, and watch an open side
// panel follow every change without a reload.

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveStatic({ '/': resolve(import.meta.dirname, '../demo-helpdesk') });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const V1 = 'மன்னிக்கவும் {{customer.firstName|நண்பரே}}, ஆனால் தாமதம் எங்கள் கையில் இல்லை.';
const V2 = 'உங்கள் சிரமம் புரிகிறது {{customer.firstName|நண்பரே}}, தாமதத்துக்கு மன்னிக்கவும். இன்றே கூரியரிடம் பேசி உங்களுக்குத் தெரிவிக்கிறேன்.';

describe('script library, end to end', () => {
  it('creates, checks, fixes, diffs and reverts a Tamil script while the side panel follows live', async () => {
    // The Tamil demo ticket, with its panel open in its own window; the trainer pins Recovery to watch apologies.
    const helpdesk = await browser.context.newPage();
    await helpdesk.goto(`${server.origin}/?ticket=1007`);
    const panel = await browser.openPanelFor(helpdesk);
    const panelErrors = collectErrors(panel);
    await panel.locator('[data-testid="suggestion"]').first().waitFor();
    await panel.locator('.stage__pin select').selectOption('recovery');
    await expect.poll(() => panel.locator('[data-testid="stage"]').getAttribute('data-stage')).toBe('recovery');
    await expect.poll(() => panel.locator('[data-testid="suggestion"]').first().getAttribute('data-lang')).toBe('ta');
    expect(await panel.locator('[data-testid="open-library"]').count()).toBe(1);

    // The library page (the extension's options page).
    const library = await browser.context.newPage();
    const libraryErrors = collectErrors(library);
    await library.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await library.locator('[data-testid="script-row"]').first().waitFor();
    await library.locator('[data-testid="trainer-name"]').fill('Meena');

    await library.locator('[data-testid="new-script"]').click();
    await library.locator('[data-testid="editor-title"]').fill('தாமதத்துக்கு மன்னிப்பு');
    await library.locator('[data-testid="editor-lang"]').selectOption('ta');
    await library.locator('[data-testid="editor-stage"]').selectOption('recovery');
    await library.locator('[data-testid="editor-kind"]').selectOption('apology');
    await library.locator('[data-testid="editor-text"]').fill(V1);

    // The phrasing check warns, and explains why.
    const but = library.locator('[data-testid="phrasing-finding"][data-check="but-after-apology"]');
    await but.waitFor();
    expect(await but.textContent()).toContain('ஆனால்');
    await library.locator('[data-testid="save-script"]').click();
    const editor = library.locator('[data-testid="editor"]');
    await expect.poll(() => editor.getAttribute('data-version')).toBe('1');
    const id = (await editor.getAttribute('data-script-id'))!;
    expect(id).toMatch(/^my\.recovery\..+\.ta$/);

    // The open panel shows the new script, filled in with the customer's name, without a reload.
    const card = panel.locator(`[data-testid="suggestion"][data-script-id="${id}"]`);
    const cardText = card.locator('[data-testid="suggestion-text"]');
    await expect.poll(() => cardText.textContent(), { timeout: 15_000 }).toBe('மன்னிக்கவும் Karthik, ஆனால் தாமதம் எங்கள் கையில் இல்லை.');

    // Fix it: empathy first, no "but", a next step. The warning goes; version 2 is saved.
    await library.locator('[data-testid="editor-text"]').fill(V2);
    await expect.poll(() => but.count()).toBe(0);
    await library.locator('[data-testid="phrasing-clear"]').waitFor();
    await library.locator('[data-testid="save-script"]').click();
    await expect.poll(() => editor.getAttribute('data-version')).toBe('2');
    await expect
      .poll(() => cardText.textContent(), { timeout: 15_000 })
      .toBe('உங்கள் சிரமம் புரிகிறது Karthik, தாமதத்துக்கு மன்னிக்கவும். இன்றே கூரியரிடம் பேசி உங்களுக்குத் தெரிவிக்கிறேன்.');

    // History: both versions, by whom, and a word diff between them.
    const versions = library.locator('[data-testid="history-version"]');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('Meena');
    const diff = library.locator('[data-testid="diff"]');
    await expect.poll(() => diff.locator('[data-testid="diff-delete"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('ஆனால்')]));
    expect((await diff.locator('[data-testid="diff-insert"]').allTextContents()).join(' ')).toContain('இன்றே');

    // Revert to version 1: saved as version 3, and the panel follows again.
    await library.locator('[data-testid="revert"][data-version="1"]').click();
    await expect.poll(() => editor.getAttribute('data-version')).toBe('3');
    await expect.poll(() => versions.count()).toBe(3);
    expect(await library.locator('[data-testid="editor-text"]').inputValue()).toBe(V1);
    await expect.poll(() => cardText.textContent(), { timeout: 15_000 }).toBe('மன்னிக்கவும் Karthik, ஆனால் தாமதம் எங்கள் கையில் இல்லை.');

    // Stored in the browser's real IndexedDB, read without the extension's code.
    const stored = await library.evaluate(async (scriptId) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('agent-assist');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const read = <T,>(store: string, run: (s: IDBObjectStore) => IDBRequest) =>
        new Promise<T>((done) => {
          const request = run(db.transaction(store).objectStore(store));
          request.onsuccess = () => done(request.result as T);
        });
      const script = await read<{ text: string; version: number }>('scripts', (s) => s.get(scriptId));
      const history = await read<Array<{ action: string }>>('scriptVersions', (s) => s.index('scriptId').getAll(scriptId));
      db.close();
      return { text: script.text, version: script.version, actions: history.map((h) => h.action) };
    }, id);
    expect(stored).toEqual({ text: V1, version: 3, actions: ['create', 'edit', 'revert'] });

    expect(libraryErrors).toEqual([]);
    expect(panelErrors).toEqual([]);
    await library.close();
    await panel.close();
    await helpdesk.close();
  });

  it('shows a malformed template inline and renders hostile text as plain text', async () => {
    const library = await browser.context.newPage();
    const errors = collectErrors(library);
    await library.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await library.locator('[data-testid="new-script"]').click();
    await library.locator('[data-testid="editor-text"]').fill('Hi {{customer.firstName|there}} <img src=x onerror="document.title=\'hacked\'"> {{__proto__}} {{field:');
    const problems = library.locator('[data-testid="template-error"]');
    await expect.poll(() => problems.count()).toBe(2);
    expect(await problems.first().getAttribute('data-line')).toBe('1');
    expect(await library.locator('[data-testid="preview-text"] img').count()).toBe(0);
    expect(await library.locator('[data-testid="preview-text"]').textContent()).toContain('<img src=x');
    expect(await library.title()).not.toBe('hacked');
    expect(errors).toEqual([]);
    await library.close();
  });
});
