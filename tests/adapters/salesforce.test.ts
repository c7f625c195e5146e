// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { salesforceAdapter } from '../../entrypoints/content/adapters/salesforce';

const FIXTURES = path.join(__dirname, 'fixtures');
const CONSOLE = new URL('https://fastnet.lightning.force.com/lightning/r/Case/5005g00000QwErTAAV/view');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'salesforce', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('salesforce adapter: detect', () => {
  it('needs a Lightning host and case feed markup', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'salesforce'))) {
      expect(salesforceAdapter.detect(CONSOLE, load(name)), name).toBe(true);
      expect(salesforceAdapter.detect(new URL('https://www.salesforce.com/service/'), load(name)), name).toBe(false);
    }
  });

  it('does not claim other helpdesks, even on a Lightning host', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'salesforce' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(salesforceAdapter.detect(CONSOLE, doc), `${dir}/${name}`).toBe(false);
      }
    }
  });
});

describe('salesforce adapter: Service Console case feed in English', () => {
  const doc = load('console-case-feed-en.html');
  const reading = salesforceAdapter.read(doc)!;

  it('reads emails and case comments of the active tab oldest first, without posts or field changes', () => {
    expect(reading.messages.map((m) => [m.speaker, m.at])).toEqual([
      ['customer', new Date('Mar 3, 2025, 4:45 PM').toISOString()],
      ['agent', new Date('Mar 3, 2025, 5:30 PM').toISOString()],
      ['agent', new Date('Mar 3, 2025, 6:15 PM').toISOString()],
      ['customer', new Date('Mar 4, 2025, 10:58 AM').toISOString()],
    ]);
    const all = reading.messages.map((m) => m.text).join('\n');
    expect(all).not.toContain('GST');
    expect(all).not.toContain('packet loss');
    expect(all).not.toContain('Noted, thanks');
    expect(all).not.toContain('Working');
  });

  it('leaves out the email header lines, phone footers and the original message', () => {
    expect(reading.messages[0]!.text).toBe('Hi, my broadband (account FN-88213) disconnects every evening around 8 pm for 10 to 15 minutes.');
    expect(lines(reading.messages[1]!.text)).toEqual([
      'Hello Rohan,',
      'I am sorry the connection keeps dropping. Please hold the reset button for 10 seconds and let us know if it happens again tonight.',
      'Regards,',
      'Ishaan',
    ]);
    expect(reading.messages[3]!.text).toBe(
      'I did the reset yesterday but it disconnected again at 9 pm. This is the fourth evening in a row and I work from home.',
    );
  });

  it('reads case number, subject, contact and agent', () => {
    expect(reading).toMatchObject({
      ticketId: '00001026',
      subject: 'Router keeps disconnecting every evening',
      customerName: 'Rohan Das',
      agentName: 'Ishaan Verma',
      channel: 'email',
      certainty: 'adapter',
    });
  });

  it('returns the editor iframe when its document is out of reach', () => {
    const editor = salesforceAdapter.findEditor(doc)!;
    expect(editor.tagName.toLowerCase()).toBe('iframe');
    expect(editor.classList.contains('cke_wysiwyg_frame')).toBe(true);
  });

  it("returns the iframe's editable body when the frame is same-origin", () => {
    const local = load('console-case-feed-en.html');
    const frameDoc = new DOMParser().parseFromString('<html><body class="cke_editable" contenteditable="true"><p>Hi</p></body></html>', 'text/html');
    const frame = local.querySelector('iframe.cke_wysiwyg_frame')!;
    Object.defineProperty(frame, 'contentDocument', { value: frameDoc });
    expect(salesforceAdapter.findEditor(local)).toBe(frameDoc.body);
  });
});

describe('salesforce adapter: record page in Spanish with the rich text composer', () => {
  const doc = load('record-page-es-quill.html');
  const reading = salesforceAdapter.read(doc)!;

  it('tells the sides from incoming and outgoing email items and cuts the quoted reply', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent']);
    expect(reading.messages[0]!.text).toBe(
      'Buenas tardes, me cobraron dos veces la suscripción de mayo (2 x 29 €). ¿Pueden devolverme uno de los cargos?',
    );
    expect(lines(reading.messages[1]!.text)).toEqual([
      'Hola Valentina:',
      'Lamentamos la molestia. Ya anulamos el segundo cobro; verá el reembolso en 3 a 5 días hábiles.',
    ]);
  });

  it('reads localised field labels and the case number from the title', () => {
    expect(reading.ticketId).toBe('00004512');
    expect(reading.subject).toBe('Cobro duplicado en la suscripción');
    expect(reading.customerName).toBe('Valentina Ríos');
    expect(reading.agentName).toBe('Diego Morales');
  });

  it('finds the Quill editable', () => {
    expect(salesforceAdapter.findEditor(doc)?.classList.contains('ql-editor')).toBe(true);
  });
});

describe('salesforce adapter: broken markup and shadow DOM', () => {
  it('finds a composer rendered inside an open shadow root', () => {
    const doc = load('record-page-es-quill.html');
    doc.querySelector('.cuf-publisher')!.remove();
    const host = doc.createElement('runtime_sales_activities-email-composer');
    doc.querySelector('.oneContent')!.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div class="cuf-publisher"><div class="ql-editor" contenteditable="true" role="textbox"></div></div>';
    const editor = salesforceAdapter.findEditor(doc);
    expect(editor).not.toBeNull();
    expect(editor!.getRootNode()).toBe(shadow);
  });

  it('skips items whose author and direction cannot be told, and survives a page without a feed', () => {
    const doc = load('console-case-feed-en.html');
    for (const link of Array.from(doc.querySelectorAll('.tabContent.active .cuf-entityLink'))) link.removeAttribute('data-id');
    for (const link of Array.from(doc.querySelectorAll('.tabContent.active .cuf-entityLink'))) link.setAttribute('href', '#');
    const reading = salesforceAdapter.read(doc)!;
    expect(reading.messages).toEqual([]);
    expect(reading.ticketId).toBe('00001026');
    const empty = new DOMParser().parseFromString('<html><body><div class="oneContent active"></div></body></html>', 'text/html');
    expect(salesforceAdapter.read(empty)).toBeNull();
    expect(salesforceAdapter.findEditor(empty)).toBeNull();
  });

  it('uses the times to order items and falls back to newest-first when they are missing', () => {
    const doc = load('record-page-es-quill.html');
    for (const stamp of Array.from(doc.querySelectorAll('.cuf-timestamp'))) stamp.removeAttribute('title');
    const reading = salesforceAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent']);
    expect(reading.messages.every((m) => m.at === null)).toBe(true);
  });
});
