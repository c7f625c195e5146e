// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gorgiasAdapter as adapter } from '@/entrypoints/content/adapters/gorgias';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://sareeshop.gorgias.com/app/views/1384557/230640920');
const names = fixtureNames('gorgias');

describeHostedDetection(adapter, [HOST.href], ['https://helpdesk.example.com/app/ticket/1', 'https://gorgias.com.example.net/app/ticket/1']);

describe('gorgias adapter: chat in Tamil with a previous ticket still mounted', () => {
  const doc = loadFixture('gorgias', 'chat-tamil.html');
  const reading = adapter.read(doc);

  it('reads the visible ticket only, oldest first', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Vanakkam! Naan order panna saree photo-la irundha colour illa, romba dull-a irukku.', at: '2024-05-14T06:15:00.000Z' },
      { speaker: 'agent', text: 'வணக்கம் திவ்யா! இதற்காக மிகவும் வருந்துகிறேன். உங்களுக்கு exchange அல்லது refund வேண்டுமா?', at: '2024-05-14T06:18:00.000Z' },
      { speaker: 'customer', text: 'Sari, naan exchange pannikiren.', at: '2024-05-14T06:21:00.000Z' },
    ]);
  });

  it('skips the internal note, the tag event, the ticket list and the hidden ticket', () => {
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('KS-114');
    expect(all).not.toContain('added tag');
    expect(all).not.toContain('Refund eppo varum');
  });

  it('reads subject, names and channel', () => {
    expect(reading).toMatchObject({
      ticketId: '230640920',
      subject: 'Saree colour different from photo',
      customerName: 'Divya Ramesh',
      agentName: 'Meena Sundaram',
      channel: 'chat',
      certainty: 'adapter',
    });
  });

  it('finds the Draft.js reply editor of the visible ticket', () => {
    const editor = adapter.findEditor(doc);
    expect(editor?.id).toBe('reply-editor');
    expect(editor?.classList.contains('public-DraftEditor-content')).toBe(true);
  });
});

describe('gorgias adapter: email in English without side modifiers', () => {
  const doc = loadFixture('gorgias', 'email-english.html');
  const reading = adapter.read(doc);

  it('tells the sides by the customer name and counts rule replies as the company', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: "Hi there,\nMy order #1042 was supposed to arrive last Friday and the tracking hasn't moved in five days. This is really frustrating.\nGrace",
        at: '2024-05-12T18:30:00.000Z',
      },
      { speaker: 'agent', text: 'Thanks for reaching out! We usually answer within 24 hours.', at: '2024-05-12T18:30:05.000Z' },
      {
        speaker: 'agent',
        text: "Hi Grace,\n\nI'm really sorry for the wait. The carrier lost the parcel, so I've shipped a replacement by express; it arrives Wednesday.\n\nBest,\nSam",
        at: '2024-05-13T09:05:00.000Z',
      },
    ]);
  });

  it('reads the email channel, names and the ticket id from the pane', () => {
    expect(reading).toMatchObject({
      ticketId: '231097493',
      subject: 'Where is my order #1042?',
      customerName: 'Grace Okafor',
      agentName: 'Sam Patel',
      channel: 'email',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('gorgias adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('gorgias', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
    }
  });

  it('returns null when every thread is hidden', () => {
    const doc = loadFixture('gorgias', 'chat-tamil.html');
    doc.querySelectorAll('section').forEach((s) => s.setAttribute('hidden', ''));
    expect(adapter.read(doc)).toBeNull();
    expect(adapter.findEditor(doc)).toBeNull();
  });
});
