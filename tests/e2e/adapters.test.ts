import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '../../entrypoints/content/adapters';
import { launchWithExtension, type ExtensionBrowser } from '../harness/extension-browser';
import { serveStatic, type StaticServer } from '../harness/static-server';
import { throwawayCertificate } from '../harness/throwaway-certificate';

// Saved helpdesk pages, served where the real products live: hosted helpdesks over HTTPS on their real hostnames
// (mapped to 127.0.0.1), self-hosted ones and an unknown helpdesk on 127.0.0.1. The side panel's "read from this
// page" section must show, message by message, what the adapter reads from the same markup.

const fixtures = resolve(import.meta.dirname, '../adapters/fixtures');
const HOSTED = ['acme.zendesk.com', 'app.intercom.com', 'acmefinance.freshdesk.com', 'mail.google.com'];

interface Case {
  site: string;
  file: string;
  /** Where the page is served; `null`: plain HTTP on 127.0.0.1. */
  host: string | null;
  path: string;
}

const cases: Case[] = [
  { site: 'zendesk', file: 'zendesk/messaging-hindi.html', host: 'acme.zendesk.com', path: '/agent/tickets/' },
  { site: 'zendesk', file: 'zendesk/email-spanish.html', host: 'acme.zendesk.com', path: '/agent/tickets/' },
  { site: 'intercom', file: 'intercom/email-english.html', host: 'app.intercom.com', path: '/a/inbox/' },
  { site: 'intercom', file: 'intercom/chat-telugu.html', host: 'app.intercom.com', path: '/a/inbox/' },
  { site: 'freshdesk', file: 'freshdesk/email-hindi.html', host: 'acmefinance.freshdesk.com', path: '/a/tickets/' },
  { site: 'gmail', file: 'gmail/thread-en-damaged-order.html', host: 'mail.google.com', path: '/mail/u/0/' },
  { site: 'chatwoot', file: 'chatwoot/next-webchat-ta.html', host: null, path: '/app/accounts/1/conversations/' },
  { site: 'chatwoot', file: 'chatwoot/legacy-whatsapp-hi.html', host: null, path: '/app/accounts/1/conversations/' },
  { site: 'freescout', file: 'freescout/email-en-refund.html', host: null, path: '/conversation/' },
  { site: 'generic', file: 'generic/chat-widget.html', host: null, path: '/support/' },
  { site: 'generic', file: 'generic/tamil-newest-first.html', host: null, path: '/support/' },
];

let plain: StaticServer;
let secure: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const mounts = Object.fromEntries(
    [...new Set(cases.map((c) => c.path))].map((path) => [path, fixtures]),
  );
  plain = await serveStatic(mounts);
  secure = await serveStatic(mounts, 0, throwawayCertificate());
  browser = await launchWithExtension({
    extraArgs: [
      `--host-resolver-rules=${HOSTED.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await plain?.close();
  await secure?.close();
});

function urlFor(c: Case): URL {
  const port = new URL(c.host ? secure.origin : plain.origin).port;
  return new URL(`${c.host ? `https://${c.host}` : 'http://127.0.0.1'}:${port}${c.path}${c.file}`);
}

/** What the adapter reads from the same markup outside the browser (its unit tests check that against the page). */
function expectedReading(c: Case, url: URL) {
  const window = new Window({ url: url.href });
  const doc = new window.DOMParser().parseFromString(readFileSync(resolve(fixtures, c.file), 'utf8'), 'text/html');
  const adapter = SITE_ADAPTERS.find((a) => a.id === c.site)!;
  // Adapters may use DOM globals (instanceof Element): lend them happy-dom's for this one reading.
  const globals = globalThis as Record<string, unknown>;
  const lent = ['Element', 'HTMLElement', 'Node', 'Document', 'HTMLInputElement', 'HTMLTextAreaElement', 'HTMLIFrameElement'];
  const saved = lent.map((name) => globals[name]);
  lent.forEach((name) => (globals[name] = (window as unknown as Record<string, unknown>)[name]));
  try {
    expect(adapter.detect(url, doc as unknown as Document)).toBe(true);
    return adapter.read(doc as unknown as Document)!;
  } finally {
    lent.forEach((name, i) => (globals[name] = saved[i]));
    window.close();
  }
}

async function readPanel(panel: Page) {
  const conversation = panel.locator('[data-testid="conversation"]');
  await conversation.waitFor({ state: 'attached', timeout: 20_000 });
  return {
    site: await conversation.getAttribute('data-site'),
    customerName: await conversation.getAttribute('data-customer-name'),
    messages: await panel.locator('[data-testid="message"]').evaluateAll((els) =>
      els.map((e) => ({ speaker: e.getAttribute('data-speaker'), text: e.textContent })),
    ),
  };
}

describe('site adapters in Chromium, through the side panel', () => {
  for (const c of cases) {
    it(`${c.site}: ${c.file}`, async () => {
      const url = urlFor(c);
      const expected = expectedReading(c, url);
      expect(expected.messages.length).toBeGreaterThanOrEqual(2);
      expect(new Set(expected.messages.map((m) => m.speaker))).toEqual(new Set(['customer', 'agent']));

      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url.href);
      const panel = await browser.openPanelFor(page);
      const read = await readPanel(panel);
      expect(read.site).toBe(c.site);
      expect(read.customerName).toBe(expected.customerName ?? '');
      expect(read.messages).toEqual(expected.messages.map((m) => ({ speaker: m.speaker, text: m.text })));
      expect(errors).toEqual([]);
      await panel.close();
      await page.close();
    });
  }
});
