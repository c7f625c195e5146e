// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { frontAdapter as adapter } from '@/entrypoints/content/adapters/front';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://app.frontapp.com/inboxes/shared/support/open/0');
const names = fixtureNames('front');
const local = (y: number, mo: number, d: number, h: number, mi: number): string => new Date(y, mo - 1, d, h, mi).toISOString();

describeHostedDetection(adapter, [HOST.href], ['https://front.com/blog', 'https://mail.example.com/open/0']);

describe('front adapter: email conversation with a contact panel and a team comment', () => {
  const doc = loadFixture('front', 'email-english.html');
  const reading = adapter.read(doc);

  it('reads messages oldest first and tells sides by the contact handle', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'Hello,\nI ordered a medium rain jacket but received a large. Can I exchange it?\nBest,\nEmily',
        at: local(2024, 5, 13, 16, 2),
      },
      {
        speaker: 'agent',
        text: "Hi Emily,\n\nSo sorry about the mix-up! I've sent a prepaid return label and a medium is on its way today.\n\nJordan",
        at: local(2024, 5, 13, 16, 35),
      },
      { speaker: 'customer', text: 'Thank you, Jordan! That works for me.', at: local(2024, 5, 14, 8, 10) },
    ]);
  });

  it('skips the team comment and the conversation list', () => {
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('@Sam');
    expect(all).not.toContain('Invoice for April');
    expect(all).not.toContain('resend the invoice');
  });

  it('reads subject, viewer id, names and channel', () => {
    expect(reading).toMatchObject({
      ticketId: '48291034',
      subject: 'Wrong size delivered – order #A-3391',
      customerName: 'Emily Carter',
      agentName: 'Jordan Lee',
      channel: 'email',
      certainty: 'adapter',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('front adapter: WhatsApp chat in Spanish without a contact panel', () => {
  const doc = loadFixture('front', 'whatsapp-spanish.html');
  const reading = adapter.read(doc);

  it('takes whoever opened the conversation as the customer and ignores the hidden viewer', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Hola, buenos días. Quería cambiar la fecha de mi reserva del hotel al 20 de junio.', at: null },
      { speaker: 'agent', text: '¡Buenos días, Carlos! Claro, ¿me confirma el número de reserva, por favor?', at: null },
      { speaker: 'customer', text: 'Es la HX-55120.', at: null },
      { speaker: 'agent', text: 'Listo, su reserva HX-55120 queda para el 20 de junio. ¿Le puedo ayudar en algo más?', at: null },
    ]);
    expect(reading?.messages.some((m) => m.text.includes('Revisar disponibilidad'))).toBe(false);
    expect(reading?.messages.some((m) => m.text.includes('molesta'))).toBe(false);
  });

  it('reads a chat channel and names', () => {
    expect(reading).toMatchObject({
      ticketId: '48291877',
      subject: 'Consulta sobre mi reserva',
      customerName: 'Carlos Gómez',
      agentName: 'Lucía Navarro',
      channel: 'chat',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('front adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('front', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
    }
  });

  it('still reads the customer side by name when the handles are gone', () => {
    const doc = loadFixture('front', 'email-english.html');
    doc.querySelectorAll('[class*="StyledHandle"]').forEach((el) => el.remove());
    expect(adapter.read(doc)?.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
  });
});
