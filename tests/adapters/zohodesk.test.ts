// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { zohodeskAdapter as adapter } from '@/entrypoints/content/adapters/zohodesk';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://desk.zoho.in/agent/acmefiber/support/tickets/details/551200000019');
const names = fixtureNames('zohodesk');
const local = (y: number, mo: number, d: number, h: number, mi: number): string => new Date(y, mo - 1, d, h, mi).toISOString();

describeHostedDetection(adapter, [HOST.href, ...['desk.zoho.com', 'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au'].map((host) => `https://${host}/agent/x/y/tickets/details/1`)], ['https://www.zoho.com/desk/', 'https://desk.zoho.com.example.org/agent/']);

describe('zohodesk adapter: email ticket in Telugu, latest thread first', () => {
  const doc = loadFixture('zohodesk', 'email-telugu.html');
  const reading = adapter.read(doc);

  it('reads threads oldest first and skips the private comment', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'నమస్కారం,\nమా ఇంట్లో ఇంటర్నెట్ కనెక్షన్ పని చేయడం లేదు. దయచేసి త్వరగా చూడండి.', at: local(2024, 5, 13, 18, 0) },
      { speaker: 'agent', text: 'Dear customer, we have received your request #2045. Our team will get back to you shortly.', at: local(2024, 5, 13, 18, 2) },
      { speaker: 'customer', text: 'Ninna nunchi internet ledu, work from home chestunna, chala problem ga undi!', at: local(2024, 5, 14, 9, 45) },
      {
        speaker: 'agent',
        text: 'శ్రీనివాస్ గారు, అసౌకర్యానికి క్షమించండి.\n\nమీ ప్రాంతంలో ఫైబర్ కట్ అయింది; సాయంత్రం 6 గంటలకల్లా కనెక్షన్ తిరిగి వస్తుంది.\n\nRegards,\nKavya',
        at: local(2024, 5, 14, 11, 20),
      },
    ]);
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('FT-8821');
    expect(all).not.toContain('extra charge');
  });

  it('reads number, subject, contact, owner and channel', () => {
    expect(reading).toMatchObject({
      ticketId: '2045',
      subject: 'Internet connection not working',
      customerName: 'Srinivas Rao',
      agentName: 'Kavya N',
      channel: 'email',
      certainty: 'adapter',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('zohodesk adapter: phone ticket in Spanish with generated class names only', () => {
  const doc = loadFixture('zohodesk', 'phone-spanish.html');
  const reading = adapter.read(doc);

  it('falls back to class words and page order', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Llamada entrante: me han cobrado dos veces la factura de abril y necesito que me devuelvan el dinero.', at: null },
      { speaker: 'agent', text: 'Llamada saliente: confirmé al cliente que el reembolso de 59,90 € se verá en 3 días hábiles.', at: null },
    ]);
  });

  it('reads the phone channel and the header fields', () => {
    expect(reading).toMatchObject({
      ticketId: '3178',
      subject: 'Cobro duplicado en la factura',
      customerName: 'Javier Ortega',
      agentName: 'Paula Méndez',
      channel: 'phone',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });
});

describe('zohodesk adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('zohodesk', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
    }
  });

  it('returns null on the ticket list without a detail view', () => {
    const doc = loadFixture('zohodesk', 'email-telugu.html');
    doc.querySelector('main')?.remove();
    expect(adapter.read(doc)).toBeNull();
  });
});
