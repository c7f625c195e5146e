// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { helpscoutAdapter as adapter } from '@/entrypoints/content/adapters/helpscout';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://secure.helpscout.net/conversation/2511842/4311/');
const names = fixtureNames('helpscout');

describeHostedDetection(adapter, [HOST.href], ['https://www.helpscout.com/conversation/1/2/', 'https://helpdesk.example.com/conversation/1/2/']);

describe('helpscout adapter: email conversation, newest thread on top', () => {
  const doc = loadFixture('helpscout', 'email-newest-first.html');
  const reading = adapter.read(doc);

  it('puts threads oldest first and trims phone footers, signatures and quotes', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Hi, I was charged twice for my May subscription. Can you please check?', at: '2024-05-14T21:10:00.000Z' },
      {
        speaker: 'agent',
        text: "Hi Olivia,\n\nI'm sorry about the double charge. I have refunded the duplicate payment of $29; you will see it within 5 business days.",
        at: '2024-05-15T09:00:00.000Z',
      },
      { speaker: 'customer', text: 'Thanks a lot, that fixed it!', at: '2024-05-15T09:42:00.000Z' },
    ]);
  });

  it('skips the note, the status line and previous conversations', () => {
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('Stripe');
    expect(all).not.toContain('Pending');
    expect(all).not.toContain('Cannot log in');
  });

  it('reads the number, the subject from the textarea, names and channel', () => {
    expect(reading).toMatchObject({
      ticketId: '4311',
      subject: 'Charged twice for my subscription',
      customerName: 'Olivia Bennett',
      agentName: 'Maya Patel',
      channel: 'email',
      certainty: 'adapter',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('helpscout adapter: phone conversation in Hindi', () => {
  const doc = loadFixture('helpscout', 'phone-hindi.html');
  const reading = adapter.read(doc);

  it('reverses the page order when times are missing, and counts the logged call as the customer', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Mera order galat address par ja raha hai, kripya delivery address badal dijiye.', at: null },
      { speaker: 'customer', text: 'Haan ji, naya address hai: Flat 12, Shanti Apartments, Sector 21, Noida.', at: null },
      { speaker: 'agent', text: 'धन्यवाद अमित जी, पता बदल दिया गया है। आपका ऑर्डर कल सुबह नए पते पर पहुँचेगा।', at: null },
    ]);
  });

  it('reads the phone channel and names', () => {
    expect(reading).toMatchObject({
      ticketId: '8802',
      subject: 'Delivery address change',
      customerName: 'Amit Kumar',
      agentName: 'Neha Gupta',
      channel: 'phone',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('helpscout adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('helpscout', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
    }
  });

  it('drops threads whose type is unknown instead of guessing a side', () => {
    const doc = loadFixture('helpscout', 'email-newest-first.html');
    doc.querySelectorAll('article.thread').forEach((t) => t.setAttribute('class', 'thread'));
    expect(adapter.read(doc)?.messages).toEqual([]);
  });
});
