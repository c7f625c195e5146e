// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversationSnapshot } from '../../scripts-library/schemas';
import type { SiteAdapter } from '../../entrypoints/content/adapters/types';
import { chatwootAdapter } from '../../entrypoints/content/adapters/chatwoot';
import { freescoutAdapter } from '../../entrypoints/content/adapters/freescout';
import { gmailAdapter } from '../../entrypoints/content/adapters/gmail';
import { hubspotAdapter } from '../../entrypoints/content/adapters/hubspot';
import { osticketAdapter } from '../../entrypoints/content/adapters/osticket';
import { salesforceAdapter } from '../../entrypoints/content/adapters/salesforce';
import { zammadAdapter } from '../../entrypoints/content/adapters/zammad';

/** Adapters with their fixture folder; every fixture is damaged many ways and must never make them throw. */
const ADAPTERS: Array<[SiteAdapter, string]> = [
  [gmailAdapter, 'gmail'],
  [chatwootAdapter, 'chatwoot'],
  [freescoutAdapter, 'freescout'],
  [zammadAdapter, 'zammad'],
  [osticketAdapter, 'osticket'],
  [hubspotAdapter, 'hubspot'],
  [salesforceAdapter, 'salesforce'],
];
const FIXTURES = path.join(__dirname, 'fixtures');

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function damage(doc: Document, seed: number): void {
  const next = random(seed);
  const elements = Array.from(doc.body?.querySelectorAll('*') ?? []);
  const classes = elements.map((el) => el.getAttribute('class')).filter((c): c is string => c !== null);
  for (const el of elements) {
    const roll = next();
    if (roll < 0.08) el.remove();
    else if (roll < 0.16) el.setAttribute('class', classes[Math.floor(next() * classes.length)] ?? '');
    else if (roll < 0.2) el.removeAttribute('class');
    else if (roll < 0.23) for (const name of el.getAttributeNames()) el.removeAttribute(name);
    else if (roll < 0.25) el.textContent = '';
  }
}

describe.each(ADAPTERS)('%s on damaged fixtures', (adapter, dir) => {
  const names = fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'));

  it.each(names)('never throws and returns null or a valid reading for %s', (name) => {
    const html = fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8');
    for (let seed = 1; seed <= 12; seed++) {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      damage(doc, seed * 7919);
      const url = new URL('https://example.test/');
      expect(() => adapter.detect(url, doc), `seed ${seed}`).not.toThrow();
      let reading: ReturnType<SiteAdapter['read']> = null;
      expect(() => (reading = adapter.read(doc)), `seed ${seed}`).not.toThrow();
      if (reading) {
        const parsed = ConversationSnapshot.safeParse({ ...(reading as object), site: adapter.id, url: url.href });
        expect(parsed.success, `seed ${seed}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        for (const message of (reading as { messages: Array<{ text: string }> }).messages) expect(message.text.trim()).not.toBe('');
      }
      expect(() => adapter.findEditor(doc), `seed ${seed}`).not.toThrow();
      expect(() => adapter.conversationRoot?.(doc), `seed ${seed}`).not.toThrow();
    }
  });
});
