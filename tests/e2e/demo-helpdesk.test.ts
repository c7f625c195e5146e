import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../demo-helpdesk/conversations.js';
import { launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';

// The whole path on the bundled demo helpdesk: page → content script → background → side panel (scripts from the
// browser's real IndexedDB) → Insert → the page's reply box.

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveStatic({ '/': resolve(import.meta.dirname, '../demo-helpdesk'), '/pages/': resolve(import.meta.dirname, 'pages') });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTicket(id: string): Promise<{ page: Page; panel: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/?ticket=${id}`);
  const panel = await browser.openPanelFor(page);
  return { page, panel, errors };
}

const stageOf = (panel: Page) => panel.locator('[data-testid="stage"]').getAttribute('data-stage');
const suggestions = (panel: Page) => panel.locator('[data-testid="suggestion"]');

async function waitForStage(panel: Page, expected: string[]): Promise<string | null> {
  await panel.locator('[data-testid="suggestion"]').first().waitFor();
  await expect.poll(() => stageOf(panel), { timeout: 10_000 }).toSatisfy((s: string | null) => expected.includes(s ?? ''));
  return stageOf(panel);
}

function demoTicket(id: string) {
  const ticket = tickets.find((t) => t.id === id);
  if (!ticket) throw new Error(`no demo ticket ${id}`);
  return ticket;
}

describe('demo helpdesk, end to end', () => {
  it('suggests apology scripts in English for the upset customer, and Insert fills the reply box', async () => {
    const { page, panel, errors } = await openTicket('1002');
    expect(await waitForStage(panel, ['recovery'])).toBe('recovery');
    const first = suggestions(panel).first();
    expect(await first.getAttribute('data-stage')).toBe('recovery');
    expect(await first.getAttribute('data-lang')).toBe('en');
    expect(['apology', 'empathy']).toContain(await first.getAttribute('data-kind'));
    for (const stage of await suggestions(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))) {
      expect(stage).toBe('recovery');
    }

    // The conversation as read from the page, message by message: notes and system lines are not messages.
    const ticket = demoTicket('1002');
    const conversation = panel.locator('[data-testid="conversation"]');
    expect(await conversation.getAttribute('data-site')).toBe('demo');
    expect(await conversation.getAttribute('data-customer-name')).toBe(ticket.customer.name);
    expect(await conversation.getAttribute('data-subject')).toBe(ticket.subject);
    const read = await panel.locator('[data-testid="message"]').evaluateAll((els) =>
      els.map((e) => ({ speaker: e.getAttribute('data-speaker'), text: e.textContent })),
    );
    const expected = ticket.messages.filter((m) => m.from === 'customer' || m.from === 'agent');
    expect(read.map((m) => m.speaker)).toEqual(expected.map((m) => m.from));
    read.forEach((m, i) => expect(m.text).toBe(expected[i]!.text));

    const text = await first.locator('[data-testid="suggestion-text"]').textContent();
    await first.locator('[data-testid="insert"]').click();
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(text);
    await expect.poll(() => panel.locator('[data-testid="notice"]').getAttribute('data-kind')).toBe('success');
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('greets a brand-new conversation', async () => {
    const { page, panel } = await openTicket('1001');
    expect(await waitForStage(panel, ['greeting'])).toBe('greeting');
    expect(await suggestions(panel).first().getAttribute('data-lang')).toBe('en');
    await panel.close();
    await page.close();
  });

  it('lets the agent pin another stage, and fills in the customer’s first name', async () => {
    const { page, panel } = await openTicket('1002');
    await waitForStage(panel, ['recovery']);
    await panel.locator('[data-testid="stage-pin"]').selectOption('greeting');
    await expect.poll(() => stageOf(panel)).toBe('greeting');
    expect(await panel.locator('[data-testid="stage"]').getAttribute('data-pinned')).toBe('true');
    const firstName = demoTicket('1002').customer.name.split(' ')[0]!;
    const texts = await panel.locator('[data-testid="suggestion-text"]').allTextContents();
    expect(texts.filter((t) => t.includes(firstName)).length).toBeGreaterThan(texts.length / 2);
    expect(texts.every((t) => !t.includes('{{'))).toBe(true);
    await panel.locator('[data-testid="stage-pin"]').selectOption('');
    await expect.poll(() => stageOf(panel)).toBe('recovery');
    await panel.close();
    await page.close();
  });

  it('answers a Hindi conversation with Hindi scripts', async () => {
    const { page, panel } = await openTicket('1005');
    await waitForStage(panel, demoTicket('1005').expectedStages);
    const langs = await suggestions(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['hi']));
    const text = (await suggestions(panel).first().locator('[data-testid="suggestion-text"]').textContent()) ?? '';
    expect(text).toMatch(/[\u0900-\u097F]/);
    await panel.close();
    await page.close();
  });

  it('follows in-page navigation to another ticket and new messages as they arrive', async () => {
    const { page, panel } = await openTicket('1003');
    await waitForStage(panel, demoTicket('1003').expectedStages);
    // In-page navigation: the Tamil ticket, picked from the ticket list.
    await page.locator('a[data-ticket-id="1007"]').click();
    await expect.poll(() => panel.locator('[data-testid="conversation"]').getAttribute('data-subject')).toBe(demoTicket('1007').subject);
    await expect.poll(() => suggestions(panel).first().getAttribute('data-lang')).toBe('ta');
    // A customer message arrives while the agent watches: thanks and goodbye → closing.
    const simulate = page.locator('[data-action="simulate-customer-reply"]');
    const canned = demoTicket('1007').cannedReplies;
    for (const reply of canned) {
      await simulate.click();
      await expect.poll(() => panel.locator('[data-testid="message"]').last().textContent(), { timeout: 15_000 }).toBe(reply.text);
      await expect.poll(() => stageOf(panel), { timeout: 10_000 }).toSatisfy((s: string | null) => reply.expectedStages.includes(s as never));
    }
    expect(canned.at(-1)?.expectedStages).toContain('closing');
    await panel.close();
    await page.close();
  });

  it('takes its scripts from the browser’s IndexedDB', async () => {
    const { page, panel } = await openTicket('1001');
    await waitForStage(panel, ['greeting']);
    const id = await suggestions(panel).first().getAttribute('data-script-id');
    // Change the stored script with the raw IndexedDB API (not through the extension's code), then reload the panel.
    await panel.evaluate(async (scriptId) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('agent-assist');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const store = db.transaction('scripts', 'readwrite').objectStore('scripts');
      const script = await new Promise<Record<string, unknown>>((done) => {
        const get = store.get(scriptId!);
        get.onsuccess = () => done(get.result as Record<string, unknown>);
      });
      await new Promise((done) => {
        store.put({ ...script, text: 'Changed in IndexedDB, {{customer.firstName|friend}}!' }).onsuccess = done;
      });
      db.close();
    }, id);
    await panel.reload();
    const first = panel.locator(`[data-testid="suggestion"][data-script-id="${id}"] [data-testid="suggestion-text"]`);
    await expect.poll(() => first.textContent()).toMatch(/^Changed in IndexedDB, \S+!$/);
    await panel.close();
    await page.close();
  });

  it('shows an honest empty state on a page that is not a helpdesk, and leaves the page alone', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/pages/not-a-helpdesk.html`);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const panel = await browser.openPanelFor(page);
    await panel.locator('[data-testid="empty-state"]').waitFor();
    expect(await panel.locator('[data-testid="empty-state"]').getAttribute('data-kind')).toBe('no-conversation');
    expect(await panel.locator('[data-testid="suggestion"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    // No globals added: the same page where the extension does not run (another hostname) has the same ones.
    const globals = () => Object.keys(window).sort();
    const bare = await browser.context.newPage();
    await bare.goto(server.origin.replace('127.0.0.1', 'localhost') + '/pages/not-a-helpdesk.html');
    expect(await page.evaluate(globals)).toEqual(await bare.evaluate(globals));
    await bare.close();
    expect(await page.evaluate(() => (window as unknown as { pageErrors: string[] }).pageErrors)).toEqual([]);
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('says so when the extension does not run on the page at all', async () => {
    const page = await browser.context.newPage();
    // Same server, another hostname: not in AGENT_ASSIST_HOSTS, so no content script answers there.
    await page.goto(server.origin.replace('127.0.0.1', 'localhost') + '/pages/not-a-helpdesk.html');
    const panel = await browser.openPanelFor(page);
    await panel.locator('[data-testid="empty-state"]').waitFor();
    expect(await panel.locator('[data-testid="empty-state"]').getAttribute('data-kind')).toBe('unsupported');
    await panel.close();
    await page.close();
  });
});
