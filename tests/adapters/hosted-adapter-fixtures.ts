/**
 * Fixture loading and page-breaking helpers for the hosted-helpdesk adapter tests (Zendesk, Intercom, Freshdesk,
 * Help Scout, Front, Gorgias, Zoho Desk). Needs a DOM (`DOMParser`): test files using it run under happy-dom.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversationSnapshot } from '@/scripts-library/schemas';
import type { SiteAdapter } from '@/entrypoints/content/adapters/types';

const FIXTURES = path.resolve(__dirname, 'fixtures');

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixtureNames(adapterId: string): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, adapterId))
    .filter((name) => name.endsWith('.html'))
    .sort();
}

export function fixtureHtml(adapterId: string, name: string): string {
  return fs.readFileSync(path.join(FIXTURES, adapterId, name), 'utf8');
}

export function loadFixture(adapterId: string, name: string): Document {
  return parse(fixtureHtml(adapterId, name));
}

/** Every other adapter's fixture that exists now (the set grows as adapters are added). */
export function otherFixtures(adapterId: string): { label: string; doc: Document }[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== adapterId)
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(FIXTURES, dir.name))
        .filter((name) => name.endsWith('.html'))
        // Stylesheets and scripts do not matter to detection; dropping them keeps happy-dom from trying to load them.
        .map((name) => ({ label: `${dir.name}/${name}`, doc: parse(withoutSubresources(fixtureHtml(dir.name, name))) })),
    );
}

function withoutSubresources(html: string): string {
  return html.replace(/<link\b[^>]*>/gi, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
}

/** Pages that are not a helpdesk at all. */
export function plainPages(): { label: string; doc: Document }[] {
  return [
    { label: 'empty document', doc: parse('') },
    {
      label: 'blog article',
      doc: parse(`<!DOCTYPE html><html><head><title>How we answer support mail</title></head><body>
        <header><nav><a href="/">Home</a><a href="/blog">Blog</a></nav></header>
        <main><article><h1>How we answer support mail</h1><p>Customers write in; we reply within a day.</p>
        <section class="comments"><div class="comment customer"><p>Great post!</p></div>
        <div class="comment agent"><p>Thanks for reading.</p></div></section></article>
        <form><textarea name="comment"></textarea><div contenteditable="true"></div></form></main></body></html>`),
    },
    {
      label: 'sign-in page',
      doc: parse(`<!DOCTYPE html><html><body><form action="/access/login"><input name="email"><input type="password">
        <button>Sign in</button></form></body></html>`),
    },
  ];
}

/** A fixed-seed shuffle so a failing run can be repeated exactly. */
function seededShuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * Ways a live page can differ from what an adapter expects: nodes missing, classes moved to other elements,
 * attributes stripped, the conversation cut in half. Each returns a fresh document.
 */
export function brokenVariants(html: string): { label: string; doc: Document }[] {
  const variants: { label: string; doc: Document }[] = [];
  const make = (label: string, mutate: (doc: Document) => void): void => {
    const doc = parse(html);
    mutate(doc);
    variants.push({ label, doc });
  };
  make('every third element removed', (doc) => {
    Array.from(doc.body?.querySelectorAll('*') ?? [])
      .filter((_el, i) => i % 3 === 1)
      .forEach((el) => el.remove());
  });
  make('classes shuffled between elements', (doc) => {
    const elements = Array.from(doc.body?.querySelectorAll('[class]') ?? []);
    const classes = seededShuffle(
      elements.map((el) => el.getAttribute('class') ?? ''),
      7,
    );
    elements.forEach((el, i) => el.setAttribute('class', classes[i] ?? ''));
  });
  make('data attributes stripped', (doc) => {
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) if (attr.name.startsWith('data-')) el.removeAttribute(attr.name);
    }
  });
  make('data attributes shuffled between elements', (doc) => {
    const pairs: [Element, string, string][] = [];
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) if (attr.name.startsWith('data-')) pairs.push([el, attr.name, attr.value]);
    }
    pairs.forEach(([el, name]) => el.removeAttribute(name));
    const targets = seededShuffle(
      pairs.map(([el]) => el),
      11,
    );
    pairs.forEach(([, name, value], i) => targets[i]?.setAttribute(name, value));
  });
  make('text emptied', (doc) => {
    const walker = doc.createTreeWalker(doc.body ?? doc, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = '';
  });
  make('body replaced by its first half', (doc) => {
    const body = doc.body;
    if (!body) return;
    body.innerHTML = body.innerHTML.slice(0, Math.floor(body.innerHTML.length / 2));
  });
  make('no body', (doc) => doc.body?.remove());
  return variants;
}

const Reading = ConversationSnapshot.omit({ site: true, url: true, hasEditor: true });

/** A reading is either null or a well-formed snapshot body: the content script can use whatever comes back. */
export function expectWellFormed(reading: unknown): void {
  if (reading === null) return;
  const parsed = Reading.safeParse(reading);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  for (const message of (reading as { messages: { text: string }[] }).messages) expect(message.text.trim()).not.toBe('');
}

/** Runs read/findEditor/conversationRoot on a document and checks they neither throw nor return malformed data. */
export function expectSafeOn(adapter: SiteAdapter, doc: Document): void {
  let reading: unknown;
  expect(() => {
    reading = adapter.read(doc);
  }).not.toThrow();
  expectWellFormed(reading);
  expect(() => adapter.findEditor(doc)).not.toThrow();
  expect(() => adapter.conversationRoot?.(doc)).not.toThrow();
}

/**
 * The detection suite every hosted adapter shares: it needs its own fixtures, recognises each of them on every one of
 * its hosts, refuses them on look-alike hosts (hostname and markup are both required), and refuses every other
 * adapter's fixture and plain pages even on its own host.
 */
export function describeHostedDetection(adapter: SiteAdapter, ownHosts: readonly string[], foreignHosts: readonly string[]): void {
  const names = fixtureNames(adapter.id);
  describe(`${adapter.id} adapter: detect`, () => {
    it('has at least two fixtures', () => {
      expect(names.length).toBeGreaterThanOrEqual(2);
    });

    it.each(names)('recognises %s on its own hosts and nowhere else', (name) => {
      const doc = loadFixture(adapter.id, name);
      for (const url of ownHosts) expect(adapter.detect(new URL(url), doc), url).toBe(true);
      for (const url of foreignHosts) expect(adapter.detect(new URL(url), doc), url).toBe(false);
    });

    it('rejects other helpdesks and plain pages, even on its own host', () => {
      for (const { label, doc } of [...otherFixtures(adapter.id), ...plainPages()]) {
        expect(adapter.detect(new URL(ownHosts[0]!), doc), label).toBe(false);
      }
    });
  });
}
