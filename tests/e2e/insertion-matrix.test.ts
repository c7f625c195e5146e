import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsertResult } from '../../scripts-library/content-requests';
import { type ExtensionBrowser, launchWithExtension } from '../harness/extension-browser';
import { type StaticServer, serveStatic } from '../harness/static-server';
import { FIXTURES, type FixtureName, buildEditorFixtures } from './editors/build';

/**
 * Insertion into real reply editors (the libraries from npm, bundled into tests/e2e/editors/.built), through the
 * built extension: the content script remembers the editor the agent focused and inserts on the same `insert`
 * message the side panel sends. What each editor holds is read back through its own API (`readEditorModel`).
 */

/** The extension API the test calls inside the service worker (its global `chrome`). */
declare const chrome: { tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> } };

const START = 'Greetings friend';
const TWO_PARAGRAPHS = 'Hello Asha,\n\nYour refund is on its way.';

/** The element a person clicks to type in each fixture (Playwright's CSS reaches into open shadow roots). */
const EDITABLE: Record<FixtureName, string> = {
  ckeditor: '.ck-editor__editable',
  prosemirror: '.ProseMirror',
  quill: '.ql-editor',
  draft: '.public-DraftEditor-content',
  lexical: '[data-lexical-editor]',
  slate: '[data-slate-editor]',
  tinymce: '.mce-content-body',
  summernote: '.note-editable',
  contenteditable: '.reply-body',
  textarea: 'textarea',
  iframe: '.ck-editor__editable',
  shadow: 'reply-box .ProseMirror',
};

/** The editor's own way in: a model editor must take the text through its paste handling, not behind its back. */
const EXPECTED_STRATEGY: Record<FixtureName, string> = {
  ckeditor: 'paste-html',
  prosemirror: 'paste-html',
  quill: 'paste',
  draft: 'paste',
  lexical: 'paste',
  slate: 'beforeinput',
  tinymce: 'execCommand',
  summernote: 'execCommand',
  contenteditable: 'execCommand',
  textarea: 'execCommand',
  iframe: 'paste-html',
  shadow: 'paste-html',
};

let browser: ExtensionBrowser;
let server: StaticServer;
let page: Page;
let tabId: number;
const strategiesSeen = new Map<FixtureName, string[]>();

beforeAll(async () => {
  const built = await buildEditorFixtures();
  server = await serveStatic({ '/': built });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  for (const other of browser.context.pages()) if (other !== page) await other.close();
  await page.goto(`${server.origin}/contenteditable.html`);
  tabId = await browser.tabIdOf(page);
});

afterAll(async () => {
  if (strategiesSeen.size > 0) {
    console.log(
      'Insertion strategies by editor:\n' +
        [...strategiesSeen].map(([name, used]) => `  ${FIXTURES[name].title}: ${[...new Set(used)].join(', ')}`).join('\n'),
    );
  }
  await browser?.close();
  await server?.close();
});

async function openFixture(name: FixtureName): Promise<void> {
  await page.goto(`${server.origin}/${name}.html`);
  await page.waitForFunction(() => (window as { editorReady?: boolean }).editorReady === true, null, { timeout: 20_000 });
  // The content script runs at document_idle; it answers `read-now` once it listens.
  await expect
    .poll(
      () =>
        browser.serviceWorker.evaluate(async (id: number) => {
          try {
            await chrome.tabs.sendMessage(id, { type: 'read-now' }, { frameId: 0 });
            return true;
          } catch {
            return false;
          }
        }, tabId),
      { timeout: 15_000 },
    )
    .toBe(true);
}

function editable(name: FixtureName): Locator {
  const scope: Page | FrameLocator = name === 'iframe' ? page.frameLocator('iframe') : page;
  return scope.locator(EDITABLE[name]).first();
}

/** What the panel's Insert button sends, sent from the service worker to the page's top frame. */
async function sendInsert(text: string, cursor: number | null): Promise<InsertResult> {
  const reply = await browser.serviceWorker.evaluate(
    ({ id, text, cursor }) => chrome.tabs.sendMessage(id, { type: 'insert', text, cursor }, { frameId: 0 }),
    { id: tabId, text, cursor },
  );
  return InsertResult.parse(reply);
}

const readModel = (): Promise<string> =>
  page.evaluate(() => (window as unknown as { readEditorModel(): string }).readEditorModel());

async function pressTimes(key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

function recordStrategy(name: FixtureName, result: InsertResult): void {
  strategiesSeen.set(name, [...(strategiesSeen.get(name) ?? []), result.strategy ?? 'none']);
}

describe('inserting into each real editor through the extension', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])('%s', async (name) => {
    await openFixture(name);
    expect(await readModel()).toBe(START);

    // 1. Two paragraphs with a blank line between, at a caret in the middle of the existing text.
    await editable(name).click();
    await page.keyboard.press('Control+End');
    await pressTimes('ArrowLeft', 'friend'.length);
    const first = await sendInsert(TWO_PARAGRAPHS, null);
    recordStrategy(name, first);
    expect(first).toEqual({ ok: true, strategy: EXPECTED_STRATEGY[name], reason: null });
    await expect.poll(() => readModel()).toBe(`Greetings ${TWO_PARAGRAPHS}friend`);
    // The caret is right after the inserted text: the next key the agent types lands there.
    await page.keyboard.type('X');
    await expect.poll(() => readModel()).toBe(`Greetings ${TWO_PARAGRAPHS}Xfriend`);

    // 2. A selection is replaced, and the template's cursor mark ("Thanks,{{cursor}} Asha!") places the caret.
    await page.keyboard.press('Control+End');
    await pressTimes('Shift+ArrowLeft', 'friend'.length);
    const second = await sendInsert('Thanks, Asha!\nPriya', 'Thanks,'.length);
    recordStrategy(name, second);
    expect(second.ok).toBe(true);
    await page.keyboard.type('Y');
    await expect.poll(() => readModel()).toBe(`Greetings ${TWO_PARAGRAPHS}XThanks,Y Asha!\nPriya`);

    // 3. The cursor mark counts letters as the caret moves over them: a Devanagari conjunct is one step, not three.
    await page.keyboard.press('Control+End');
    const hindi = ' नमस्ते आशा';
    const third = await sendInsert(hindi, ' नमस्ते'.length);
    recordStrategy(name, third);
    expect(third.ok).toBe(true);
    await page.keyboard.type('Z');
    await expect.poll(() => readModel()).toBe(`Greetings ${TWO_PARAGRAPHS}XThanks,Y Asha!\nPriya नमस्तेZ आशा`);
  });

  it('reports editor-gone when the editor the agent used was removed, and inserts nothing elsewhere', async () => {
    await openFixture('contenteditable');
    await editable('contenteditable').click();
    await page.evaluate(() => document.querySelector('.reply-composer')?.remove());
    const result = await sendInsert(TWO_PARAGRAPHS, null);
    expect(result).toEqual({ ok: false, strategy: null, reason: 'editor-gone' });
  });

  it('reports editor-gone when the frame holding the editor was removed', async () => {
    await openFixture('iframe');
    await editable('iframe').click();
    await page.evaluate(() => document.querySelector('iframe')?.remove());
    const result = await sendInsert(TWO_PARAGRAPHS, null);
    expect(result).toEqual({ ok: false, strategy: null, reason: 'editor-gone' });
  });
});

describe('inserting from the side panel', () => {
  let panel: Page;

  /** The fixture with the side panel in its own window; the panel reads the fixture's little conversation. */
  async function openWithPanel(name: FixtureName): Promise<void> {
    await openFixture(name);
    panel = await browser.openPanelFor(page);
    await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 20_000 });
  }

  afterAll(async () => {
    await panel?.close();
  });

  it.each(['ckeditor', 'draft', 'textarea'] as FixtureName[])('Insert in the panel puts the suggestion into %s', async (name) => {
    await openWithPanel(name);
    await page.bringToFront();
    await editable(name).click();
    await page.keyboard.press('Control+End');
    const suggestionText = (await panel.locator('[data-testid="suggestion-text"]').first().textContent()) ?? '';
    expect(suggestionText.length).toBeGreaterThan(0);

    await panel.locator('[data-testid="insert"]').first().click();
    await expect.poll(() => panel.locator('[data-testid="notice"]').getAttribute('data-kind')).toBe('success');
    await expect.poll(() => readModel()).toBe(`${START}${suggestionText}`);
    await panel.close();
  });

  it('says the reply box is gone and copies the text instead', async () => {
    await openWithPanel('quill');
    await page.bringToFront();
    await editable('quill').click();
    await page.evaluate(() => document.querySelector('.reply-composer')?.remove());
    const suggestionText = (await panel.locator('[data-testid="suggestion-text"]').first().textContent()) ?? '';

    await panel.locator('[data-testid="insert"]').first().click();
    const notice = panel.locator('[data-testid="notice"]');
    await expect.poll(() => notice.getAttribute('data-kind')).toBe('warning');
    expect(await notice.textContent()).toMatch(/gone/i);
    // A warning (not an error) means the copy went through; read the clipboard back from the page to be sure.
    await browser.context.grantPermissions(['clipboard-read'], { origin: server.origin });
    await page.bringToFront();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(suggestionText);
  });
});
