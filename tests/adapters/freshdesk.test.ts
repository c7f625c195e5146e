// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { freshdeskAdapter as adapter } from '@/entrypoints/content/adapters/freshdesk';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
  parse,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://acmefinance.freshdesk.com/a/tickets/10342');
const names = fixtureNames('freshdesk');
/** Freshdesk shows times in the agent's zone without saying which: expectations are built the same way. */
const local = (y: number, mo: number, d: number, h: number, mi: number): string => new Date(y, mo - 1, d, h, mi).toISOString();

describeHostedDetection(adapter, [HOST.href], ['https://support.example.com/a/tickets/10342', 'https://freshdesk.com.example.org/a/tickets/1']);

describe('freshdesk adapter: email ticket in Hindi', () => {
  const doc = loadFixture('freshdesk', 'email-hindi.html');
  const reading = adapter.read(doc);

  it('reads description and replies oldest first, without signatures or quoted mail', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'नमस्ते,\nमेरे लोन खाते (LN-77821) से इस महीने की EMI दो बार कट गई है। कृपया एक राशि वापस करें।\nधन्यवाद,\nसुनीता',
        at: local(2024, 5, 12, 9, 14),
      },
      {
        speaker: 'agent',
        text: 'नमस्ते सुनीता जी,\n\nअसुविधा के लिए खेद है। हमने दूसरी कटौती की पुष्टि कर ली है और ₹8,450 की राशि 3-5 कार्यदिवसों में आपके खाते में वापस आ जाएगी।\n\nसादर,\nविक्रम',
        at: local(2024, 5, 13, 10, 0),
      },
      { speaker: 'customer', text: 'पाँच दिन हो गए, पैसा अभी तक नहीं आया। यह बिल्कुल ठीक नहीं है!', at: local(2024, 5, 14, 6, 40) },
    ]);
  });

  it('skips the private note, the reply box and the sidebar', () => {
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('NACH');
    expect(all).not.toContain('Loan statement');
    expect(all).not.toContain('support@acmefinance.example');
  });

  it('reads the subject without its badges, the number, names and channel', () => {
    expect(reading).toMatchObject({
      ticketId: '10342',
      subject: 'EMI दो बार कट गई',
      customerName: 'Sunita Kulkarni',
      agentName: 'Vikram Joshi',
      channel: 'email',
      certainty: 'adapter',
    });
  });

  it('finds the open Froala reply editor', () => {
    const editor = adapter.findEditor(doc);
    expect(editor?.id).toBe('reply-editor');
    expect(editor?.classList.contains('fr-element')).toBe(true);
  });
});

describe('freshdesk adapter: phone ticket in Telugu', () => {
  const doc = loadFixture('freshdesk', 'phone-telugu.html');
  const reading = adapter.read(doc);

  it('tells the requester by name when the item lacks the requester class', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'Naa credit card block ayyindi, ATM lo use cheyyaleka potunnanu. Urgent ga unblock cheyyandi.',
        at: local(2024, 5, 14, 15, 5),
      },
      {
        speaker: 'agent',
        text: 'నమస్కారం రవి గారు, మీ కార్డ్ భద్రతా కారణాల వల్ల తాత్కాలికంగా బ్లాక్ అయింది.\n\nదయచేసి మీ పుట్టిన తేదీని ధృవీకరించండి, నేను వెంటనే అన్‌బ్లాక్ చేస్తాను.',
        at: local(2024, 5, 14, 15, 12),
      },
      { speaker: 'customer', text: 'పుట్టిన తేదీ 02-08-1991. ధన్యవాదాలు!', at: local(2024, 5, 14, 15, 20) },
      { speaker: 'agent', text: 'Mee card ippudu unblock ayyindi. Inkemaina sahayam kavala?', at: local(2024, 5, 14, 15, 31) },
    ]);
  });

  it('takes the number from the title, the agent from the thread when unassigned, and the phone channel', () => {
    expect(reading).toMatchObject({
      ticketId: '20877',
      subject: 'Credit card blocked',
      customerName: 'Ravi Teja',
      agentName: 'Lakshmi Prasanna',
      channel: 'phone',
    });
  });

  it('has no editor before the agent opens the reply box', () => {
    expect(adapter.findEditor(doc)).toBeNull();
  });
});

describe('freshdesk adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('freshdesk', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
    }
  });

  it('returns null on the ticket list page', () => {
    const list = parse(`<div class="app-container"><table class="tickets-list"><tr><td><a href="/a/tickets/1">Login issue</a></td></tr></table></div>`);
    expect(adapter.read(list)).toBeNull();
  });

  it('reads messages even when the sidebar and header are gone', () => {
    const doc = loadFixture('freshdesk', 'email-hindi.html');
    doc.querySelector('.ticket-sidebar')?.remove();
    doc.querySelector('header')?.remove();
    const reading = adapter.read(doc);
    expect(reading?.messages).toHaveLength(3);
    expect(reading?.customerName).toBe('Sunita Kulkarni');
    expect(reading?.ticketId).toBe('10342');
  });
});
