import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPack } from '../../scripts-library/default-pack';
import { launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';

// A whole library, out of one Chromium profile's real IndexedDB through the "Backup and restore" section of the
// library page, and into a brand-new profile: the side panel there suggests exactly the same scripts, a pack script
// deleted in the first profile stays deleted, and the second profile's own backup has the same content byte for byte.

const MY_GREETING = 'Vanakkam {{customer.firstName|there}}, this is the backup desk. What can I sort out for you today?';
const MY_GREETING_RENDERED = /^Vanakkam \S+, this is the backup desk\. What can I sort out for you today\?$/;

let server: StaticServer;
let first: ExtensionBrowser | null = null;
let second: ExtensionBrowser | null = null;
const downloads = mkdtempSync(join(tmpdir(), 'agent-assist-backups-'));

beforeAll(async () => {
  server = await serveStatic({ '/': resolve(import.meta.dirname, '../demo-helpdesk') });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await server?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function openLibrary(browser: ExtensionBrowser): Promise<Page> {
  const library = await browser.context.newPage();
  await library.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await library.locator('[data-testid="script-row"]').first().waitFor({ timeout: 30_000 });
  return library;
}

/** The greeting ticket's panel: which scripts it suggests, in order, with their rendered text. */
async function greetingSuggestions(browser: ExtensionBrowser): Promise<Array<{ id: string | null; text: string | null }>> {
  const ticket = await browser.context.newPage();
  await ticket.goto(`${server.origin}/?ticket=1001`);
  const panel = await browser.openPanelFor(ticket);
  await expect.poll(() => panel.locator('[data-testid="stage"]').getAttribute('data-stage'), { timeout: 20_000 }).toBe('greeting');
  await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 20_000 });
  const cards = panel.locator('[data-testid="suggestion"]');
  // Let live queries settle: the list is read twice, a moment apart, until it stops changing.
  let previous = '';
  let current: Array<{ id: string | null; text: string | null }> = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    current = await cards.evaluateAll((nodes) =>
      nodes.map((node) => ({ id: node.getAttribute('data-script-id'), text: node.querySelector('[data-testid="suggestion-text"]')?.textContent ?? null })),
    );
    if (JSON.stringify(current) === previous) break;
    previous = JSON.stringify(current);
    await panel.waitForTimeout(300);
  }
  await panel.close();
  await ticket.close();
  return current;
}

/** The section sits behind a button in the library page's header; clicking that button again would close it. */
async function openBackupMenu(library: Page): Promise<void> {
  const menu = library.locator('[data-testid="backup-menu"]');
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await library.locator('[data-testid="backup-menu-open"]').click();
  await library.locator('[data-testid="backup-section"]').waitFor();
}

async function downloadBackup(library: Page, name: string): Promise<string> {
  await openBackupMenu(library);
  const download = library.waitForEvent('download');
  await library.locator('[data-testid="backup-export"]').click();
  const file = join(downloads, name);
  await (await download).saveAs(file);
  await expect.poll(() => library.locator('[data-testid="backup-notice"]').getAttribute('data-kind')).toBe('success');
  return file;
}

/** Script ids straight from the profile's IndexedDB, not through any of our code. */
function storedScriptIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const request = indexedDB.open('agent-assist');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const keys = request.result.transaction('scripts').objectStore('scripts').getAllKeys();
          keys.onsuccess = () => {
            request.result.close();
            done((keys.result as string[]).sort());
          };
        };
      }),
  );
}

const withoutExportTime = (text: string) => text.replace(/^ {2}"exportedAt": .*$/m, '');

describe('backup and restore, end to end', () => {
  it('restores a library exported from one profile into a fresh one, and the side panel suggests the same scripts', async () => {
    first = await launchWithExtension();
    const library = await openLibrary(first);

    // A script of the agent's own, written in the library page, and a pack greeting the agent deleted.
    await library.locator('[data-testid="new-script"]').click();
    await library.locator('[data-testid="editor-title"]').fill('Backup desk welcome');
    await library.locator('[data-testid="editor-lang"]').selectOption('en');
    await library.locator('[data-testid="editor-stage"]').selectOption('greeting');
    await library.locator('[data-testid="editor-kind"]').selectOption('greeting');
    await library.locator('[data-testid="editor-text"]').fill(MY_GREETING);
    await library.locator('[data-testid="save-script"]').click();
    await expect.poll(() => library.locator('[data-testid="editor"]').getAttribute('data-version')).toBe('1');

    const before = await greetingSuggestions(first);
    expect(before.some((s) => MY_GREETING_RENDERED.test(s.text ?? ''))).toBe(true);
    const deleted = defaultPack.scripts.find((script) => before.some((s) => s.id === script.id) && !script.locked)!;
    const deletedId = deleted.id;
    await library.locator('[data-testid="library-search"]').fill(deleted.title);
    await library.locator(`[data-testid="script-row"][data-script-id="${deletedId}"]`).click();
    await expect.poll(() => library.locator('[data-testid="editor"]').getAttribute('data-script-id')).toBe(deletedId);
    await library.locator('[data-testid="delete-script"]').click();
    await expect.poll(async () => (await storedScriptIds(library)).includes(deletedId)).toBe(false);

    const suggestedInFirst = await greetingSuggestions(first);
    expect(suggestedInFirst.map((s) => s.id)).not.toContain(deletedId);
    const idsInFirst = await storedScriptIds(library);
    const exported = await downloadBackup(library, 'first-profile.json');
    await first.close();
    first = null;

    // A brand-new profile: the default pack only, so it starts out different.
    second = await launchWithExtension();
    const fresh = await openLibrary(second);
    await expect.poll(async () => (await storedScriptIds(fresh)).includes(deletedId)).toBe(true);
    expect(await storedScriptIds(fresh)).not.toEqual(idsInFirst);

    await openBackupMenu(fresh);
    await fresh.locator('[data-testid="backup-file-input"]').setInputFiles(exported);
    const preview = fresh.locator('[data-testid="backup-preview"]');
    await expect.poll(() => preview.getAttribute('data-status')).toBe('valid');
    expect(await preview.getAttribute('data-scripts')).toBe(String(idsInFirst.length));
    await fresh.locator('[data-testid="backup-restore"]').click();
    await expect.poll(() => fresh.locator('[data-testid="backup-notice"]').getAttribute('data-kind')).toBe('success');
    expect(await storedScriptIds(fresh)).toEqual(idsInFirst);

    const suggestedInSecond = await greetingSuggestions(second);
    expect(suggestedInSecond).toEqual(suggestedInFirst);
    expect(suggestedInSecond.map((s) => s.id)).not.toContain(deletedId);

    const reExported = await downloadBackup(fresh, 'second-profile.json');
    expect(withoutExportTime(readFileSync(reExported, 'utf8'))).toBe(withoutExportTime(readFileSync(exported, 'utf8')));
  });

  it('refuses a damaged backup with its reasons and leaves the library as it was', async () => {
    const library = await openLibrary(second!);
    const idsBefore = await storedScriptIds(library);
    const damaged = join(downloads, 'damaged.json');
    const text = readFileSync(join(downloads, 'second-profile.json'), 'utf8');
    writeFileSync(damaged, text.slice(0, Math.floor(text.length * 0.6)));

    await openBackupMenu(library);
    await library.locator('[data-testid="backup-file-input"]').setInputFiles(damaged);
    const preview = library.locator('[data-testid="backup-preview"]');
    await expect.poll(() => preview.getAttribute('data-status')).toBe('invalid');
    expect(await preview.locator('[data-testid="backup-problems"]').textContent()).toMatch(/not complete JSON/);
    expect(await library.locator('[data-testid="backup-restore"]').count()).toBe(0);
    expect(await storedScriptIds(library)).toEqual(idsBefore);
  });
});
