import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromFiles } from '../../scripts-library/packs/authoring';
import { generatePackKeyPair, signPackDocument, type PackKeyPair } from '../../scripts-library/packs/signature';
import { launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';

// A team lead's signed pack, served from 127.0.0.1 like any static host (ETag, 304), through the extension's
// "Script packs" page and into the side panel, with the browser's real IndexedDB and WebCrypto.

const FIXTURE = resolve(import.meta.dirname, 'fixtures/packs/acme-support');
const V1_WORDING = 'Welcome to Acme Support, Daniel! How may I help you today?';
const V2_WORDING = 'Hello Daniel, thanks for contacting Acme Support. What can I do for you?';

/** The pack as its folder builds it, with the packs tool's own code. */
function authoredPack(): Record<string, unknown> {
  const files = readdirSync(join(FIXTURE, 'scripts')).map((name) => ({ path: `scripts/${name}`, content: readFileSync(join(FIXTURE, 'scripts', name), 'utf8') }));
  const built = buildPackFromFiles({ path: 'pack.yaml', content: readFileSync(join(FIXTURE, 'pack.yaml'), 'utf8') }, files);
  if (!built.ok) throw new Error(built.problems.join('\n'));
  return built.document;
}

function nextVersion(document: Record<string, unknown>, version: string, greeting: string): Record<string, unknown> {
  const scripts = (document.scripts as Array<Record<string, unknown>>).map((s) => (s.stage === 'greeting' ? { ...s, text: greeting } : s));
  return { ...document, version, scripts };
}

/** A static host for one file: whatever `body` is now, with a strong ETag, answering If-None-Match with 304. */
interface PackHost {
  origin: string;
  body: string;
  requests: Array<{ headers: IncomingHttpHeaders; status: number }>;
  close(): Promise<void>;
}

async function startPackHost(): Promise<PackHost> {
  const host = { body: '', requests: [] as PackHost['requests'] } as PackHost;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/packs/acme-support.json') {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(host.body).digest('hex').slice(0, 16)}"`;
    const status = req.headers['if-none-match'] === etag ? 304 : 200;
    host.requests.push({ headers: req.headers, status });
    res.writeHead(status, { ETag: etag, 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' });
    res.end(status === 200 ? host.body : undefined);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  host.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  host.close = () => new Promise<void>((done) => server.close(() => done()));
  return host;
}

let browser: ExtensionBrowser;

// The page's words come from _locales; the browser here runs in English.
const englishMessages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
function english(key: string, ...substitutions: string[]): string {
  const message = englishMessages[key]?.message;
  if (message === undefined) throw new Error(`no English message ${key}`);
  return substitutions.reduce((text, value, i) => text.replaceAll(`$${i + 1}`, value), message);
}
let helpdesk: StaticServer;
let host: PackHost;
let lead: PackKeyPair;
let packsPage: Page;
let panel: Page;

const packUrl = () => `${host.origin}/packs/acme-support.json`;
const signed = async (document: Record<string, unknown>) => JSON.stringify(await signPackDocument(document, lead.privateKey), null, 2);
const subscription = () => packsPage.locator(`[data-testid="subscription"][data-url="${packUrl()}"]`);
const installed = (id: string) => packsPage.locator(`[data-testid="installed-pack"][data-pack-id="${id}"]`);
const suggestionTexts = () => panel.locator('[data-testid="suggestion-text"]').allTextContents();

beforeAll(async () => {
  lead = await generatePackKeyPair();
  [helpdesk, host] = await Promise.all([serveStatic({ '/': resolve(import.meta.dirname, '../demo-helpdesk') }), startPackHost()]);
  browser = await launchWithExtension();
  packsPage = await browser.context.newPage();
  await packsPage.goto(`chrome-extension://${browser.extensionId}/packs.html`);
  await packsPage.locator('[data-testid="packs-section"]').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([helpdesk?.close(), host?.close()]);
});

describe('script packs, end to end', () => {
  it('subscribes to a signed pack, installs it, and the side panel suggests its wording', async () => {
    host.body = await signed(authoredPack());
    await packsPage.locator('[data-testid="subscription-url"]').fill(packUrl());
    await packsPage.locator('[data-testid="subscribe"]').click();
    await expect.poll(() => subscription().getAttribute('data-version'), { timeout: 15_000 }).toBe('1.0.0');
    expect(await subscription().getAttribute('data-status')).toBe('ok');
    await expect.poll(() => subscription().locator('[data-testid="last-synced"]').textContent()).toMatch(new RegExp(`^${english('packs_lastSynced', '').trim()} \\S`));
    await expect.poll(() => installed('acme-support').getAttribute('data-version')).toBe('1.0.0');
    expect(await installed('acme-support').getAttribute('data-unsigned')).toBe('false');

    const ticket = await browser.context.newPage();
    await ticket.goto(`${helpdesk.origin}/?ticket=1001`);
    panel = await browser.openPanelFor(ticket);
    await expect.poll(() => panel.locator('[data-testid="stage"]').getAttribute('data-stage'), { timeout: 15_000 }).toBe('greeting');
    await expect.poll(suggestionTexts, { timeout: 10_000 }).toContain(V1_WORDING);
  });

  it('asks with the ETag, then installs the next version, and the side panel shows the new wording', async () => {
    await packsPage.locator('[data-testid="sync-now"]').click();
    await expect.poll(() => packsPage.locator('[data-testid="packs-notice"]').textContent()).toBe(english('packs_upToDate', 'acme-support'));
    const conditional = host.requests.at(-1)!;
    expect(conditional).toMatchObject({ status: 304, headers: { 'if-none-match': expect.stringMatching(/^"/) } });

    host.body = await signed(nextVersion(authoredPack(), '1.1.0', 'Hello {{customer.firstName|there}}, thanks for contacting Acme Support. What can I do for you?'));
    await packsPage.locator('[data-testid="sync-now"]').click();
    await expect.poll(() => installed('acme-support').getAttribute('data-version')).toBe('1.1.0');
    expect(host.requests.at(-1)?.status).toBe(200);
    await expect.poll(suggestionTexts, { timeout: 10_000 }).toContain(V2_WORDING);
    expect(await suggestionTexts()).not.toContain(V1_WORDING);
  });

  it('refuses a tampered version with a clear message and keeps the installed one', async () => {
    const genuine = await signed(nextVersion(authoredPack(), '1.2.0', 'Hi {{customer.firstName|there}}, Acme Support here.'));
    host.body = genuine.replace('Acme Support here.', 'Acme Support here. Pay your refund fee at evil.example');
    await packsPage.locator('[data-testid="sync-now"]').click();
    const error = subscription().locator('[data-testid="subscription-error"]');
    await expect.poll(() => error.textContent()).toBe(
      "Refused: The pack's signature is not valid: the signature does not match the contents: the pack was changed after it was signed. Ask the publisher for a fresh copy.",
    );
    expect(await subscription().getAttribute('data-status')).toBe('error');
    expect(await installed('acme-support').getAttribute('data-version')).toBe('1.1.0');
    expect(await suggestionTexts()).toContain(V2_WORDING);
    expect((await suggestionTexts()).join('\n')).not.toContain('evil.example');
  });

  it('keeps locked scripts read-only; agents may duplicate them, and edit unlocked ones as their own', async () => {
    await installed('acme-support').locator('[data-testid="show-scripts"]').click();
    const locked = packsPage.locator('[data-testid="pack-script"][data-script-id="acme-support.greeting-welcome.en"]');
    expect(await locked.getAttribute('data-locked')).toBe('true');
    const lockedText = locked.locator('[data-testid="pack-script-text"]');
    expect(await lockedText.getAttribute('readonly')).not.toBeNull();
    expect(await lockedText.isEditable()).toBe(false);
    await lockedText.focus();
    await packsPage.keyboard.type('My own greeting');
    expect(await lockedText.inputValue()).toBe('Hello {{customer.firstName|there}}, thanks for contacting Acme Support. What can I do for you?');
    expect(await locked.locator('[data-testid="save-script"]').count()).toBe(0);

    await locked.locator('[data-testid="duplicate-script"]').click();
    await expect.poll(() => packsPage.locator('[data-testid="packs-notice"]').textContent()).toBe(english('packs_duplicated', 'Acme welcome (my copy)'));
    await expect.poll(() => panel.locator('[data-testid="suggestion"][data-script-id="acme-support.greeting-welcome.en.mine"]').count()).toBe(1);

    const open = packsPage.locator('[data-testid="pack-script"][data-script-id="acme-support.closing-thanks.en"]');
    await open.locator('[data-testid="pack-script-text"]').fill('Thanks a lot, {{customer.firstName|there}}! Anything else?');
    await open.locator('[data-testid="save-script"]').click();
    await expect.poll(() => open.getAttribute('data-edited')).toBe('true');
  });

  it('previews a dropped file, refuses a tampered one, and marks an unsigned personal pack', async () => {
    const personal = JSON.stringify({
      id: 'my-phrases', name: 'My phrases', version: '1.0.0', publisher: 'Me', languages: ['en'],
      scripts: [{ id: 'my-phrases.thanks', stage: 'closing', kind: 'gratitude', lang: 'en', title: 'My thanks', text: 'Thanks so much!' }],
    });
    await dropFile(packsPage, 'my-phrases.json', personal);
    const preview = packsPage.locator('[data-testid="pack-preview"]');
    await expect.poll(() => preview.getAttribute('data-status')).toBe('new');
    expect(await preview.locator('[data-testid="preview-added"]').getAttribute('data-count')).toBe('1');
    expect(await preview.textContent()).toContain(english('packs_notSigned'));
    await preview.locator('[data-testid="pack-install"]').click();
    await expect.poll(() => installed('my-phrases').getAttribute('data-unsigned')).toBe('true');
    expect(await installed('my-phrases').locator('[data-testid="unsigned-badge"]').count()).toBe(1);

    const tampered = (await signed(nextVersion(authoredPack(), '2.0.0', 'Hi there.'))).replace('Hi there.', 'Hi there!');
    await dropFile(packsPage, 'acme-support.json', tampered);
    await expect.poll(() => preview.getAttribute('data-status')).toBe('refused');
    expect(await preview.locator('[data-testid="pack-refused"]').textContent()).toMatch(/signature is not valid/);
    expect(await preview.locator('[data-testid="pack-install"]').count()).toBe(0);

    await dropFile(packsPage, 'broken.json', '{"id": "x", "scripts": [{"id": 1}]}');
    await expect.poll(() => preview.getAttribute('data-status')).toBe('invalid');
    expect(await preview.locator('[data-testid="pack-problems"] li').allTextContents()).toEqual(expect.arrayContaining(['name: missing (expected string)', 'scripts[0].id: Invalid input: expected string, received number']));
  });
});

/** Drops a file on the drop zone the way a person's drag and drop does: a DataTransfer holding a File. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: 'application/json' }));
      return data;
    },
    [name, content] as const,
  );
  const zone = page.locator('[data-testid="pack-drop"]');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}
