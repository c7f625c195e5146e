// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { osticketAdapter } from '../../entrypoints/content/adapters/osticket';

const FIXTURES = path.join(__dirname, 'fixtures');
const URL_HERE = new URL('https://soporte.ferreteria.example/scp/tickets.php?id=3391');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'osticket', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('osticket adapter: detect', () => {
  it('recognises its pages by markup on any host', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'osticket'))) {
      expect(osticketAdapter.detect(URL_HERE, load(name)), name).toBe(true);
    }
  });

  it('does not claim other helpdesks or plain pages', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'osticket' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(osticketAdapter.detect(URL_HERE, doc), `${dir}/${name}`).toBe(false);
      }
    }
    expect(osticketAdapter.detect(URL_HERE, new DOMParser().parseFromString('<div class="thread-entry">x</div>', 'text/html'))).toBe(false);
  });
});

describe('osticket adapter: Spanish ticket with Redactor', () => {
  const doc = load('ticket-es-redactor.html');
  const reading = osticketAdapter.read(doc)!;

  it('reads messages and responses oldest first, skipping the note and thread events', () => {
    expect(reading.messages.map((m) => [m.speaker, m.at])).toEqual([
      ['customer', '2025-02-03T09:05:44.000Z'],
      ['agent', '2025-02-03T09:31:02.000Z'],
      ['customer', '2025-02-03T10:02:40.000Z'],
    ]);
    expect(lines(reading.messages[0]!.text)).toEqual([
      'Buenos días:',
      'Al entrar en el portal de clientes para descargar la factura de enero me aparece "Error 403". Ya probé con otro navegador.',
      'Un saludo,',
      'Pablo',
    ]);
    expect(reading.messages[2]!.text).toBe('¡Funciona! Muchas gracias.');
    const all = reading.messages.map((m) => m.text).join('\n');
    expect(all).not.toContain('bloqueada tras 5');
    expect(all).not.toContain('captura.png');
  });

  it('reads the header fields', () => {
    expect(reading).toMatchObject({
      ticketId: '884213',
      subject: 'No puedo acceder a mi factura electrónica',
      customerName: 'Pablo Gutiérrez',
      agentName: 'Carmen',
      channel: 'email',
    });
  });

  it('finds the Redactor editable of the reply form, not the internal note', () => {
    const editor = osticketAdapter.findEditor(doc)!;
    expect(editor.classList.contains('redactor-in-0')).toBe(true);
    expect(editor.closest('form')?.id).toBe('reply');
  });
});

describe('osticket adapter: English ticket shown newest first', () => {
  const doc = load('ticket-en-newest-first.html');
  const reading = osticketAdapter.read(doc)!;

  it('puts the thread back in oldest-first order and drops system entries', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading.messages[0]!.text).toMatch(/^Caller says she booked a refill/);
    expect(reading.messages[2]!.text).toBe('Okay, thank you. I will keep the old cylinder ready.');
  });

  it('reads the phone source and falls back to the plain textarea', () => {
    expect(reading.channel).toBe('phone');
    expect(reading.agentName).toBe('Imran');
    expect(osticketAdapter.findEditor(doc)?.id).toBe('response');
  });
});

describe('osticket adapter: broken markup', () => {
  it('returns null without a thread and no editor without the reply form', () => {
    const doc = load('ticket-es-redactor.html');
    doc.getElementById('thread-items')!.remove();
    expect(osticketAdapter.read(doc)).toBeNull();
    doc.getElementById('reply')!.remove();
    expect(osticketAdapter.findEditor(doc)).toBeNull();
  });

  it('falls back to thread authors when header blocks are gone', () => {
    const doc = load('ticket-es-redactor.html');
    doc.querySelector('.ticket_info')!.remove();
    doc.getElementById('header')!.remove();
    doc.querySelector('.tixTitle')!.remove();
    const reading = osticketAdapter.read(doc)!;
    expect(reading.customerName).toBe('Pablo Gutiérrez');
    expect(reading.agentName).toBe('Carmen Ruiz');
    expect(reading.subject).toBeNull();
    expect(reading.channel).toBe('email');
  });

  it('keeps the page order when times are missing and skips entries without a type', () => {
    const doc = load('ticket-en-newest-first.html');
    for (const time of Array.from(doc.querySelectorAll('time'))) time.remove();
    doc.querySelector('#thread-entry-5002 .thread-entry')!.className = 'thread-entry';
    const reading = osticketAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.text)).toEqual([
      'Okay, thank you. I will keep the old cylinder ready.',
      'Caller says she booked a refill 6 days ago (booking 88120) and nobody has come. She is upset because she has no gas for cooking.',
    ]);
  });
});
