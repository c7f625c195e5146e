// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zammadAdapter } from '../../entrypoints/content/adapters/zammad';

const FIXTURES = path.join(__dirname, 'fixtures');
const URL_HERE = new URL('https://helpdesk.acme-office.example/#ticket/zoom/815');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'zammad', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('zammad adapter: detect', () => {
  it('recognises its pages by markup on any host', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'zammad'))) {
      expect(zammadAdapter.detect(URL_HERE, load(name)), name).toBe(true);
    }
  });

  it('does not claim other helpdesks or plain pages', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'zammad' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(zammadAdapter.detect(URL_HERE, doc), `${dir}/${name}`).toBe(false);
      }
    }
    expect(zammadAdapter.detect(URL_HERE, new DOMParser().parseFromString('<p class="ticket-article-item">x</p>', 'text/html'))).toBe(false);
  });
});

describe('zammad adapter: active task among several open tickets', () => {
  const doc = load('two-tasks-en-ta.html');
  const reading = zammadAdapter.read(doc)!;

  it('reads only the active ticket, skipping the internal note and the system line', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading.messages.map((m) => m.at)).toEqual(['2024-09-05T07:30:12.000Z', '2024-09-05T08:10:05.000Z', '2024-09-05T08:41:51.000Z']);
    const all = reading.messages.map((m) => m.text).join('\n');
    expect(all).not.toContain('மடிக்கணினி');
    expect(all).not.toContain('firmware');
    expect(all).not.toContain('->');
  });

  it('cuts detected signatures, signature blocks, quotes and phone footers', () => {
    expect(lines(reading.messages[0]!.text)).toEqual([
      'Hello,',
      'after the cleaning cycle this morning the HP LaserJet on floor 3 says "paper jam" but there is no paper stuck anywhere. We have checked both trays.',
      'Kind regards',
      'Daniel Okafor',
    ]);
    expect(lines(reading.messages[1]!.text)).toEqual([
      'Hi Daniel,',
      'thanks for checking the trays already, that saves us time. Could you switch the printer off, wait 30 seconds and hold the OK button while switching it back on? That resets the paper sensor.',
      'Best,',
      'Grace',
    ]);
    expect(reading.messages[2]!.text).toBe('That worked, it is printing again. Thank you!');
  });

  it('reads number, title, names and channel of the active ticket', () => {
    expect(reading).toMatchObject({
      ticketId: '31015',
      subject: 'Printer shows paper jam after cleaning',
      customerName: 'Daniel Okafor',
      agentName: 'Grace Lim',
      channel: 'email',
      certainty: 'adapter',
    });
  });

  it('finds the editor of the active ticket and observes that ticket only', () => {
    const editor = zammadAdapter.findEditor(doc)!;
    expect(editor.getAttribute('data-name')).toBe('body');
    expect(editor.closest('.content')?.id).toBe('content_permanent_TicketZoom-815');
    expect(zammadAdapter.conversationRoot?.(doc)?.id).toBe('content_permanent_TicketZoom-815');
  });
});

describe('zammad adapter: WhatsApp ticket in Hindi', () => {
  const doc = load('whatsapp-hi.html');
  const reading = zammadAdapter.read(doc)!;

  it('reads the messages, the chat channel and the names from the sender lines', () => {
    expect(reading.messages.map((m) => [m.speaker, m.text])).toEqual([
      ['customer', 'नमस्ते, मेरा ऑर्डर 5521 तीन दिन से "रास्ते में" दिखा रहा है। कब तक आएगा?'],
      ['agent', 'नमस्ते अनीता जी, इंतज़ार के लिए धन्यवाद। मैंने कूरियर से बात की है, आपका पार्सल आज शाम तक पहुंच जाएगा।'],
      ['customer', 'ठीक है, धन्यवाद 🙏'],
    ]);
    expect(reading.channel).toBe('chat');
    expect(reading.customerName).toBe('अनीता देवी');
    expect(reading.agentName).toBe('राहुल मेहरा');
    expect(reading.ticketId).toBe('76044');
  });
});

describe('zammad adapter: broken markup', () => {
  it('returns null without any ticket view', () => {
    const doc = load('whatsapp-hi.html');
    doc.querySelector('.ticketZoom')!.remove();
    expect(zammadAdapter.read(doc)).toBeNull();
    expect(zammadAdapter.findEditor(doc)).toBeNull();
  });

  it('falls back to a visible ticket view when no task is marked active, and keeps partial data', () => {
    const doc = load('two-tasks-en-ta.html');
    doc.getElementById('content_permanent_TicketZoom-815')!.classList.remove('active');
    doc.querySelector('#content_permanent_TicketZoom-815 .ticketZoom-header')!.remove();
    doc.querySelector('#content_permanent_TicketZoom-815 .tabsSidebar')!.remove();
    const reading = zammadAdapter.read(doc)!;
    expect(reading.messages).toHaveLength(3);
    expect(reading.ticketId).toBeNull();
    expect(reading.subject).toBeNull();
    expect(reading.customerName).toBe('Daniel Okafor');
  });

  it('skips articles whose sender class is missing and survives bodies without text', () => {
    const doc = load('two-tasks-en-ta.html');
    doc.getElementById('article-4150')!.className = 'ticket-article-item';
    doc.querySelector('#article-4155 .richtext-content')!.innerHTML = '';
    const reading = zammadAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.speaker)).toEqual(['agent']);
  });
});
