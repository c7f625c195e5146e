// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { zendeskAdapter as adapter } from '@/entrypoints/content/adapters/zendesk';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
  parse,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://acme.zendesk.com/agent/tickets/48217');
const names = fixtureNames('zendesk');

describeHostedDetection(adapter, [HOST.href], ['https://support.example.com/agent/tickets/48217', 'https://zendesk.com.evil.example/agent/']);

describe('zendesk adapter: messaging ticket in Hindi with a background tab', () => {
  const doc = loadFixture('zendesk', 'messaging-hindi.html');
  const reading = adapter.read(doc);

  it('reads the selected ticket, message by message, oldest first', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Hi, mera order abhi tak nahi aaya. Order number 55821 hai.', at: '2024-05-14T09:02:11.000Z' },
      {
        speaker: 'agent',
        text: 'Namaste Ananya! Main Rahul hoon.\n\nOrder number bhejne ke liye dhanyavaad, main abhi check karta hoon.',
        at: '2024-05-14T09:04:30.000Z',
      },
      { speaker: 'customer', text: 'मुझे यह कल तक चाहिए था।\nबहुत परेशानी हो रही है, यह तीसरी बार है!', at: '2024-05-14T09:07:45.000Z' },
      {
        speaker: 'agent',
        text: 'असुविधा के लिए मुझे सच में खेद है, Ananya जी।\n\nआपका पैकेज कल दोपहर तक पहुँच जाएगा, और मैं खुद इसे ट्रैक करूँगा।',
        at: '2024-05-14T09:09:12.000Z',
      },
    ]);
  });

  it('skips internal notes, system lines, the hidden tab and the interaction history', () => {
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('Courier scan');
    expect(all).not.toContain('Promised delivery');
    expect(all).not.toContain('Conversation started');
    expect(all).not.toContain('assigned to');
    expect(all).not.toContain('Hola, quiero cambiar');
    expect(all).not.toContain('refund');
  });

  it('reads names, subject, ticket id and channel', () => {
    expect(reading).toMatchObject({
      ticketId: '48217',
      subject: 'ऑर्डर अभी तक नहीं मिला',
      customerName: 'Ananya Sharma',
      agentName: 'Rahul Verma',
      channel: 'chat',
      certainty: 'adapter',
    });
  });

  it('finds the CKEditor editable of the selected ticket, not the background one', () => {
    const editor = adapter.findEditor(doc);
    expect(editor?.id).toBe('active-editor');
    expect(editor?.getAttribute('contenteditable')).toBe('true');
    expect(editor?.classList.contains('ck-editor__editable')).toBe(true);
  });

  it('observes the selected ticket pane only', () => {
    const root = adapter.conversationRoot?.(doc);
    expect(root?.getAttribute('data-test-id')).toBe('ticket-48217-standard-layout');
  });

  it('follows the tab selection, not the position in the page', () => {
    const switched = parse(fixtureHtml('zendesk', 'messaging-hindi.html'));
    for (const tab of Array.from(switched.querySelectorAll('[data-test-id="header-tab"]'))) {
      tab.setAttribute('data-entity-is-selected', tab.getAttribute('data-entity-id') === '48213' ? 'true' : 'false');
    }
    const other = adapter.read(switched);
    expect(other?.ticketId).toBe('48213');
    expect(other?.customerName).toBe('Lucía Fernández');
    expect(other?.channel).toBe('email');
    expect(other?.messages.map((m) => m.text)).toEqual(['Hola, quiero cambiar la talla de mi pedido.']);
    expect(adapter.findEditor(switched)?.id).toBe('background-editor');
  });
});

describe('zendesk adapter: email ticket in Spanish (older tab strip)', () => {
  const doc = loadFixture('zendesk', 'email-spanish.html');
  const reading = adapter.read(doc);

  it('trims signatures, "sent from my phone" lines and quoted history', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'Hola,\n\nCompré unas zapatillas (pedido 77120) y la talla 38 me queda pequeña. ¿Puedo cambiarla por una 39?\n\nGracias,\nLucía',
        at: '2024-05-13T10:15:00.000Z',
      },
      {
        speaker: 'agent',
        text: 'Hola Lucía, gracias por escribirnos.\n\nClaro que sí: ya generé el cambio a la talla 39. Recibirás una etiqueta de devolución en tu correo hoy mismo.',
        at: '2024-05-13T11:02:00.000Z',
      },
      { speaker: 'customer', text: '¡Perfecto, muchas gracias! Eso es todo.', at: '2024-05-13T14:40:00.000Z' },
    ]);
  });

  it('reads the requester without the address and the agent without the group', () => {
    expect(reading).toMatchObject({
      ticketId: '51002',
      subject: 'Cambio de talla de mi pedido',
      customerName: 'Lucía Fernández',
      agentName: 'Diego Morales',
      channel: 'email',
    });
  });

  it('never reads the hidden Tamil chat', () => {
    expect(reading?.messages.some((m) => m.text.includes('ரீசார்ஜ்'))).toBe(false);
    expect(adapter.findEditor(doc)?.id).toBe('active-editor');
  });
});

describe('zendesk adapter: live chat in Tamil while the tab strip is still loading', () => {
  const doc = loadFixture('zendesk', 'chat-tamil.html');
  const reading = adapter.read(doc);

  it('picks the only visible pane and keeps page order when a time is missing', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'வணக்கம், நான் ₹299 ரீசார்ஜ் செய்தேன் ஆனால் பணம் போய்விட்டது, ரீசார்ஜ் ஆகவில்லை.',
        at: '2024-05-14T05:30:10.000Z',
      },
      { speaker: 'agent', text: 'வணக்கம் கார்த்திக்! உங்கள் மொபைல் எண்ணைச் சொல்ல முடியுமா?', at: '2024-05-14T05:31:02.000Z' },
      { speaker: 'customer', text: '98400 12345. Sikkiram paarunga please, romba avasaram.', at: null },
    ]);
  });

  it('falls back to the log for names when the requester field is empty', () => {
    expect(reading).toMatchObject({
      ticketId: '61880',
      subject: 'Recharge failed',
      customerName: 'Karthik Raja',
      agentName: 'Priya S',
      channel: 'chat',
    });
    expect(adapter.findEditor(doc)?.id).toBe('active-editor');
  });

  it('gives no answer when two tickets are visible and nothing says which is current', () => {
    const ambiguous = parse(fixtureHtml('zendesk', 'chat-tamil.html'));
    ambiguous.querySelector('[hidden]')?.removeAttribute('hidden');
    expect(adapter.read(ambiguous)).toBeNull();
    expect(adapter.findEditor(ambiguous)).toBeNull();
  });
});

describe('zendesk adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('zendesk', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
      expectSafeOn(adapter, doc);
    }
  });

  it('keeps the ticket but reports no messages when message bubbles are gone', () => {
    const doc = loadFixture('zendesk', 'messaging-hindi.html');
    doc.querySelectorAll('[data-test-id="omni-log-item-message"]').forEach((el) => el.remove());
    const reading = adapter.read(doc);
    expect(reading?.messages).toEqual([]);
    expect(reading?.ticketId).toBe('48217');
  });

  it('returns null on a page without any ticket', () => {
    expect(adapter.read(parse('<main id="main_panes"></main>'))).toBeNull();
    expect(adapter.findEditor(parse('<main></main>'))).toBeNull();
  });
});
