import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../demo-helpdesk/conversations.js';
import { EXTENSION_PATH, launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';

// The agent's minute, end to end in Chromium on the demo helpdesk: an upset customer gets an apology in their own
// language as the first suggestion, the key 1 inserts it, the HEAL checklist ticks "Empathise and apologise", the
// timeline shows the recovery turn; the reply is sent and the customer answers, and the library page's "What worked"
// exports that insert as CSV. axe-core scans the side panel and the library page.

const extensionPath = process.env.AGENT_ASSIST_EXTENSION ?? EXTENSION_PATH;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const locales = Object.fromEntries(
  ['en', 'hi', 'ta', 'te', 'es'].map((lang) => [
    lang,
    JSON.parse(readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>,
  ]),
);

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await serveStatic({ '/': resolve(import.meta.dirname, '../demo-helpdesk') });
  browser = await launchWithExtension({ extensionPath });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function demoTicket(id: string) {
  const ticket = tickets.find((t) => t.id === id);
  if (!ticket) throw new Error(`no demo ticket ${id}`);
  return ticket;
}

async function openTicket(id: string): Promise<{ page: Page; panel: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.goto(`${server.origin}/?ticket=${id}`);
  const panel = await browser.openPanelFor(page);
  panel.on('pageerror', (error) => errors.push(`panel: ${error.message}`));
  panel.on('console', (message) => message.type() === 'error' && errors.push(`panel console: ${message.text()}`));
  await panel.locator('[data-testid="suggestion"]').first().waitFor();
  return { page, panel, errors };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core in the page (evaluated through the DevTools protocol, which the extension pages' CSP does not block). */
async function axeScan(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
}

const stageOf = (panel: Page) => panel.locator('[data-testid="stage"]').getAttribute('data-stage');

describe.each([
  { id: '1002', lang: 'en' },
  { id: '1011', lang: 'hi' },
  { id: '1012', lang: 'ta' },
])('an upset customer, ticket $id ($lang)', ({ id, lang }) => {
  it('apology first in their language, 1 inserts it, HEAL ticks, the timeline shows the recovery turn, and the insert is exported', async () => {
    const ticket = demoTicket(id);
    const { page, panel, errors } = await openTicket(id);
    await expect.poll(() => stageOf(panel), { timeout: 10_000 }).toBe('recovery');

    const first = panel.locator('[data-testid="suggestion"]').first();
    expect(await first.getAttribute('data-stage')).toBe('recovery');
    expect(await first.getAttribute('data-lang')).toBe(lang);
    expect(await first.getAttribute('data-kind')).toBe('apology');
    const scriptId = (await first.getAttribute('data-script-id'))!;
    const text = (await first.locator('[data-testid="suggestion-text"]').textContent())!;

    // Why it is first, on hover: the stage and the customer's language among the reasons.
    await first.locator('[data-testid="why-button"]').hover();
    const why = first.locator('[data-testid="why"]');
    await expect.poll(() => why.isVisible()).toBe(true);
    const factors = await why.locator('[data-testid="why-factor"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-factor')));
    expect(factors).toEqual(expect.arrayContaining(['stage', 'language', 'kind']));

    // HEAL before: nothing said yet that empathises or apologises.
    const empathise = panel.locator('[data-testid="heal-step"][data-step="empathise"]');
    expect(await empathise.getAttribute('data-done')).toBe('false');

    // The key 1 inserts the first suggestion into the helpdesk's reply box.
    await panel.locator('#suggestions-heading').click();
    await panel.keyboard.press('1');
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(text);
    await expect.poll(() => empathise.getAttribute('data-done')).toBe('true');
    expect(await empathise.getAttribute('data-source')).toBe('draft');
    // Inserted in this conversation: it is no longer offered first.
    await expect.poll(() => panel.locator('[data-testid="suggestion"]').first().getAttribute('data-script-id')).not.toBe(scriptId);

    // The timeline: the customer's angry turn is a recovery turn; clicking it shows that turn.
    const angry = ticket.messages.filter((m) => m.from === 'customer').at(-1)!;
    const turns = panel.locator('[data-testid="timeline-turn"]');
    expect(await turns.count()).toBe(ticket.messages.filter((m) => m.from === 'customer' || m.from === 'agent').length);
    const recoveryTurn = panel.locator('[data-testid="timeline-turn"][data-stage="recovery"][data-speaker="customer"]').last();
    await recoveryTurn.click();
    const detail = panel.locator('[data-testid="timeline-detail"]');
    expect(await detail.getAttribute('data-stage')).toBe('recovery');
    expect(await detail.textContent()).toContain(angry.text.slice(0, 20));

    // The reply goes out unchanged and the customer answers: the insert's outcome is recorded.
    await page.locator('[data-action="send"]').click();
    await expect.poll(() => empathise.getAttribute('data-source'), { timeout: 10_000 }).toBe('sent');
    await page.locator('[data-action="simulate-customer-reply"]').click();
    const reply = ticket.cannedReplies[0]!.text;
    await expect.poll(() => panel.locator('[data-testid="message"]').last().textContent(), { timeout: 15_000 }).toBe(reply);

    // The library page's "What worked": the insert is there, and in the CSV export, without customer text.
    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/options.html#insights`);
    await library.locator('[data-testid="insights-total"]').waitFor();
    await expect.poll(() => library.locator('[data-testid="chart-top"] [data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), { timeout: 10_000 }).toContain(scriptId);
    const download = library.waitForEvent('download');
    await library.locator('[data-testid="export-csv"]').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const header = csv.replace(/^\ufeff/, '').split('\r\n')[0]!.split(',');
    const rows = csv.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(','));
    const row = rows.find((r) => r[header.indexOf('script_id')] === scriptId);
    expect(row, csv).toBeDefined();
    expect(row![header.indexOf('stage')]).toBe('recovery');
    expect(row![header.indexOf('kind')]).toBe('apology');
    expect(row![header.indexOf('language')]).toBe(lang);
    expect(row![header.indexOf('site')]).toBe('demo');
    expect(row![header.indexOf('method')]).toBe('inserted');
    expect(row![header.indexOf('sent')]).toBe('true');
    expect(row![header.indexOf('edited_before_sending')]).toBe('false');
    await expect.poll(async () => Number((await exportedRow(library, scriptId))?.[header.indexOf('next_customer_dissatisfaction')] ?? NaN), { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
    expect(csv).not.toContain(ticket.customer.name.split(' ')[0]!);
    expect(csv).not.toContain(angry.text.slice(0, 12));

    expect(errors).toEqual([]);
    await library.close();
    await panel.close();
    await page.close();
  });
});

/** Exports again and returns the row for a script (the customer's mood arrives a moment after the reply). */
async function exportedRow(library: Page, scriptId: string): Promise<string[] | undefined> {
  const download = library.waitForEvent('download');
  await library.locator('[data-testid="export-csv"]').click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  return csv
    .split('\r\n')
    .map((line) => line.split(','))
    .find((r) => r[1] === scriptId);
}

describe('the panel without the mouse', () => {
  it('/ searches every script, arrows and Enter insert, Esc goes back to the reply box', async () => {
    const { page, panel } = await openTicket('1002');
    await panel.locator('#suggestions-heading').click();
    await panel.keyboard.press('/');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('script-search');
    await panel.keyboard.type('password');
    const results = panel.locator('[data-testid="search-result"]');
    await results.first().waitFor();
    // Search spans every stage: a password answer is a solution script, not a recovery one.
    expect(await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toContain('solution');
    expect(await panel.locator('[data-testid="suggestion"]').count()).toBe(0);
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-position'))).toBe('2');
    const second = (await results.nth(1).locator('[data-testid="suggestion-text"]').textContent())!;
    await panel.keyboard.press('Enter');
    await expect.poll(() => page.locator('#reply-box').inputValue()).toBe(second);
    await panel.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reply-box');
    // Esc in the search box clears it first; the suggestions come back.
    await panel.locator('[data-testid="script-search"]').focus();
    await panel.keyboard.press('Escape');
    await panel.locator('[data-testid="suggestion"]').first().waitFor();
    await panel.close();
    await page.close();
  });

  it('the browser command that opens the panel is in the manifest', () => {
    const manifest = JSON.parse(readFileSync(resolve(extensionPath, 'manifest.json'), 'utf8')) as { commands?: Record<string, { suggested_key?: { default?: string } }> };
    expect(manifest.commands?._execute_action?.suggested_key?.default).toMatch(/^(Ctrl|Alt)\+/);
  });

  it('the in-page palette opens at the caret on its key, and 1 inserts from it', async () => {
    // The background answers the palette (a frame in the page may not open the extension's database itself).
    const { page, panel } = await openTicket('1012');
    const panelFirst = await panel.locator('[data-testid="suggestion"]').first().getAttribute('data-script-id');
    await page.bringToFront();
    await page.locator('#reply-box').click();
    await page.keyboard.press('Control+Shift+Space');
    const frame = await expect
      .poll(() => page.frames().find((f) => f.url().endsWith('/palette.html')) ?? null, { timeout: 10_000 })
      .not.toBeNull()
      .then(() => page.frames().find((f) => f.url().endsWith('/palette.html'))!);
    const items = frame.locator('[data-testid="palette-item"]');
    await items.first().waitFor();
    expect(await items.first().getAttribute('data-lang')).toBe('ta');
    // The page cannot see into the palette: it lives in a closed shadow root.
    expect(await page.evaluate(() => document.querySelector('agent-assist-palette')?.shadowRoot ?? null)).toBeNull();
    const firstTitle = await items.first().getAttribute('data-script-id');
    await frame.locator('[data-testid="palette-search"]').press('1');
    await expect.poll(() => page.locator('#reply-box').inputValue()).not.toBe('');
    await expect.poll(() => page.locator('agent-assist-palette').count()).toBe(0);
    expect(firstTitle).toMatch(/\.ta$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply-box');
    // Recorded like an insert from the panel: it is now "already used" there.
    expect(firstTitle).toBe(panelFirst);
    await expect.poll(() => panel.locator('[data-testid="suggestion"]').first().getAttribute('data-script-id')).not.toBe(panelFirst);
    await panel.close();
    await page.close();
  });
});

describe('interface languages and accessibility', () => {
  it('speaks Hindi and Tamil when chosen in settings', async () => {
    const { page, panel } = await openTicket('1011');
    for (const lang of ['hi', 'ta'] as const) {
      await panel.locator('[data-testid="settings"] summary').click();
      await Promise.all([panel.waitForEvent('load'), panel.locator('[data-testid="interface-language"]').selectOption(lang)]);
      await panel.locator('[data-testid="heal-coach"]').waitFor();
      expect(await panel.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await panel.locator('#heal-heading').textContent()).toContain(locales[lang]!.healHeading!.message);
      expect(await panel.locator('#timeline-heading').textContent()).toBe(locales[lang]!.timelineHeading!.message);
    }
    await panel.locator('[data-testid="settings"] summary').click();
    await Promise.all([panel.waitForEvent('load'), panel.locator('[data-testid="interface-language"]').selectOption('auto')]);
    await panel.locator('[data-testid="heal-coach"]').waitFor();
    expect(await panel.locator('#timeline-heading').textContent()).toBe(locales.en!.timelineHeading!.message);
    await panel.close();
    await page.close();
  });

  it('axe finds no serious or critical problem in the side panel, light and dark, or on the library page', async () => {
    const { page, panel } = await openTicket('1002');
    await panel.locator('[data-testid="heal-coach"]').waitFor();
    await panel.locator('[data-testid="timeline-turn"]').last().click();
    await panel.locator('[data-testid="settings"] summary').click();
    await panel.locator('[data-testid="suggestion"] [data-testid="why-button"]').first().focus();
    expect(await axeScan(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await axeScan(panel)).toEqual([]);
    await panel.emulateMedia({ colorScheme: 'light' });

    const library = await browser.context.newPage();
    for (const view of ['library', 'insights']) {
      await library.goto(`chrome-extension://${browser.extensionId}/options.html#${view}`);
      await library.locator('[data-testid="library-page"]').waitFor();
      await expect.poll(() => library.locator('[data-testid="library-page"]').getAttribute('data-view')).toBe(view);
      if (view === 'insights') await library.locator('[data-testid="insights"]').waitFor();
      else await library.locator('[data-testid="library-search"]').waitFor();
      expect(await axeScan(library), view).toEqual([]);
    }
    await library.close();
    await panel.close();
    await page.close();
  });
});
