// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoAdapter } from '../../entrypoints/content/adapters/demo';
import { agent, tickets, type DemoTicket } from '../demo-helpdesk/conversations.js';

const fixtureNames = {
  upsetEnglish: 'ticket-1002-upset-english.html',
  hindi: 'ticket-1005-hindi-refund.html',
  emailWithNotesAndEvents: 'ticket-1004-email-note-and-events.html',
} as const;

function loadFixture(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, 'fixtures', 'demo', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function ticket(id: string): DemoTicket {
  const found = tickets.find((t) => t.id === id);
  if (!found) throw new Error(`sample ticket ${id} is missing from conversations.js`);
  return found;
}

/** What the adapter should report for a sample ticket: its turns only, times as the page's `<time datetime>`. */
function expectedMessages(sample: DemoTicket) {
  return sample.messages
    .filter((entry) => entry.from === 'customer' || entry.from === 'agent')
    .map((entry) => ({ speaker: entry.from, text: entry.text, at: new Date(entry.at).toISOString() }));
}

const demoUrl = new URL('http://127.0.0.1:5173/?ticket=1002');

describe('demo adapter: detect', () => {
  it.each(Object.values(fixtureNames))('recognises the rendered demo page %s', (name) => {
    expect(demoAdapter.detect(demoUrl, loadFixture(name))).toBe(true);
  });

  it('does not claim an unrelated page, even on the same host', () => {
    const doc = new DOMParser().parseFromString(
      '<!doctype html><html><head><title>Blog</title></head><body><main><article><p>Hi there</p></article></main>' +
        '<textarea></textarea></body></html>',
      'text/html',
    );
    expect(demoAdapter.detect(demoUrl, doc)).toBe(false);
  });

  it('needs both the application name and the app root', () => {
    const withoutRoot = loadFixture(fixtureNames.upsetEnglish);
    withoutRoot.querySelector('[data-app]')?.removeAttribute('data-app');
    expect(demoAdapter.detect(demoUrl, withoutRoot)).toBe(false);

    const otherProduct = loadFixture(fixtureNames.upsetEnglish);
    otherProduct.querySelector('meta[name="application-name"]')?.setAttribute('content', 'Some Other Desk');
    expect(demoAdapter.detect(demoUrl, otherProduct)).toBe(false);
  });
});

describe('demo adapter: read', () => {
  it('reads the upset English chat message by message, skipping the note and the escalation event', () => {
    const reading = demoAdapter.read(loadFixture(fixtureNames.upsetEnglish));
    expect(reading).not.toBeNull();
    expect(reading?.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading?.messages[0]?.text).toBe(
      'Hi, I’m checking on order AC-48213. It was meant to arrive on Monday and the tracking hasn’t moved since Saturday.',
    );
    expect(reading?.messages[1]?.text).toBe('Hi Megan, thanks for getting in touch. Let me check what’s happening with that parcel.');
    expect(reading?.messages[2]?.text).toMatch(/^This is the second time this has happened\..*taking my business elsewhere\.$/);
    expect(reading?.messages[2]?.at).toBe('2026-11-20T04:28:31.000Z');
    const allText = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(allText).not.toContain('Leeds depot');
    expect(allText).not.toContain('Priority changed');
    expect(reading).toMatchObject({
      ticketId: '1002',
      subject: 'Order AC-48213 late again',
      customerName: 'Megan Doyle',
      agentName: 'Priya Sharma',
      channel: 'chat',
      certainty: 'adapter',
    });
  });

  it('reads the Hindi chat in Devanagari, oldest first, without the linked-order event', () => {
    const reading = demoAdapter.read(loadFixture(fixtureNames.hindi));
    expect(reading?.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer', 'agent', 'customer']);
    expect(reading?.messages[0]?.text).toBe('नमस्ते, मैंने 12 नवंबर को जूते वापस भेजे थे, लेकिन अभी तक मेरा रिफंड नहीं आया है।');
    expect(reading?.messages[4]?.text).toBe('तो पैसा मेरे खाते में कब तक आएगा? बैंक ऐप में अभी तक कुछ नहीं दिख रहा है।');
    expect(reading?.messages.some((m) => m.text.includes('linked to this ticket'))).toBe(false);
    expect(reading).toMatchObject({ ticketId: '1005', subject: 'रिफंड अभी तक नहीं मिला', customerName: 'Rohit Verma', channel: 'chat' });
  });

  it('keeps paragraph and line breaks of email messages as \\n', () => {
    const reading = demoAdapter.read(loadFixture(fixtureNames.emailWithNotesAndEvents));
    expect(reading?.channel).toBe('email');
    expect(reading?.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading?.messages[1]?.text).toBe(
      'Hi Grace,\n\nThank you for getting in touch, and I’m sorry the blender is acting up.\n\n' +
        'So I can point you in the right direction: does the noise happen with the jug empty as well, or only while blending? ' +
        'And could you send me the order number?\n\nBest regards,\nPriya\nAcme Support',
    );
    expect(reading?.messages.some((m) => /warranty|Status changed|Assigned to/.test(m.text))).toBe(false);
  });

  it.each([
    [fixtureNames.upsetEnglish, '1002'],
    [fixtureNames.hindi, '1005'],
    [fixtureNames.emailWithNotesAndEvents, '1004'],
  ])('%s matches the sample data it was rendered from, turn by turn', (name, id) => {
    const sample = ticket(id);
    const reading = demoAdapter.read(loadFixture(name));
    expect(reading?.messages).toEqual(expectedMessages(sample));
    expect(reading?.subject).toBe(sample.subject);
    expect(reading?.customerName).toBe(sample.customer.name);
    expect(reading?.agentName).toBe(agent.name);
    expect(reading?.channel).toBe(sample.channel);
  });
});

describe('demo adapter: editor and conversation root', () => {
  it('finds the reply textarea', () => {
    const editor = demoAdapter.findEditor(loadFixture(fixtureNames.upsetEnglish));
    expect(editor?.tagName).toBe('TEXTAREA');
    expect(editor?.getAttribute('name')).toBe('reply');
  });

  it('observes the conversation section, which holds the log but not the ticking presence clock', () => {
    const doc = loadFixture(fixtureNames.upsetEnglish);
    const root = demoAdapter.conversationRoot?.(doc);
    expect(root?.querySelectorAll('[data-author-role]').length).toBe(5);
    expect(root?.contains(doc.querySelector('[data-field="last-seen"]'))).toBe(false);
    expect(root?.contains(doc.querySelector('[data-typing-indicator]'))).toBe(false);
  });
});

describe('demo adapter: broken pages', () => {
  it('returns null when the message log is gone, and still finds the editor', () => {
    const doc = loadFixture(fixtureNames.upsetEnglish);
    doc.querySelector('[data-message-log]')?.remove();
    expect(demoAdapter.read(doc)).toBeNull();
    expect(demoAdapter.findEditor(doc)).not.toBeNull();
  });

  it('returns null when no ticket is open (the page hides the conversation)', () => {
    const doc = loadFixture(fixtureNames.upsetEnglish);
    doc.querySelector('[data-conversation-root]')?.setAttribute('hidden', '');
    expect(demoAdapter.read(doc)).toBeNull();
    expect(demoAdapter.conversationRoot?.(doc)).not.toBeNull();
  });

  it('returns null everywhere on a page without the conversation or composer', () => {
    const doc = loadFixture(fixtureNames.hindi);
    doc.querySelector('[data-conversation-root]')?.remove();
    doc.querySelector('[data-composer]')?.remove();
    expect(demoAdapter.read(doc)).toBeNull();
    expect(demoAdapter.findEditor(doc)).toBeNull();
    expect(demoAdapter.conversationRoot?.(doc)).toBeNull();
  });

  it('gives partial data for odd markup instead of throwing', () => {
    const doc = loadFixture(fixtureNames.upsetEnglish);
    const root = doc.querySelector('[data-conversation-root]');
    root?.removeAttribute('data-ticket-id');
    root?.setAttribute('data-channel', 'carrier-pigeon');
    doc.querySelector('[data-field="subject"]')?.remove();
    doc.querySelector('[data-current-agent]')?.remove();
    doc.querySelector('[data-field="requester-name"]')?.remove();
    const entries = doc.querySelectorAll('[data-message-log] > [data-author-role]');
    entries[0]?.querySelector('[data-field="message-body"]')?.remove(); // first customer message: no body
    entries[1]?.querySelector('time')?.setAttribute('datetime', 'not a time'); // agent message: unreadable time
    entries[3]?.setAttribute('data-author-role', 'bot'); // second customer message: unknown role
    doc.querySelector('[data-message-log]')?.append(doc.createElement('li'), doc.createTextNode(' stray '));

    const reading = demoAdapter.read(doc);
    expect(reading).not.toBeNull();
    expect(reading?.ticketId).toBe('1002'); // still readable from the "#1002" label
    expect(reading?.subject).toBeNull();
    expect(reading?.agentName).toBeNull();
    expect(reading?.customerName).toBe('Megan Doyle'); // falls back to the customer sidebar
    expect(reading?.channel).toBeNull();
    expect(reading?.messages).toEqual([
      { speaker: 'agent', text: 'Hi Megan, thanks for getting in touch. Let me check what’s happening with that parcel.', at: null },
    ]);
  });

  it('survives an empty document and a document whose queries throw', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(demoAdapter.detect(demoUrl, empty)).toBe(false);
    expect(demoAdapter.read(empty)).toBeNull();
    expect(demoAdapter.findEditor(empty)).toBeNull();

    const hostile = new Proxy(loadFixture(fixtureNames.upsetEnglish), {
      get(target, property) {
        if (property === 'querySelector' || property === 'querySelectorAll') {
          return () => {
            throw new Error('page replaced its DOM mid-read');
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(() => demoAdapter.detect(demoUrl, hostile)).not.toThrow();
    expect(demoAdapter.detect(demoUrl, hostile)).toBe(false);
    expect(demoAdapter.read(hostile)).toBeNull();
    expect(demoAdapter.findEditor(hostile)).toBeNull();
    expect(demoAdapter.conversationRoot?.(hostile)).toBeNull();
  });
});
