// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freescoutAdapter } from '../../entrypoints/content/adapters/freescout';

const FIXTURES = path.join(__dirname, 'fixtures');
const URL_HERE = new URL('https://help.kavyastores.in/conversation/2271?folder_id=5');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'freescout', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** What the page's own time titles mean in this process's time zone, so the test holds in any zone. */
function local(text: string): string {
  return new Date(text).toISOString();
}

describe('freescout adapter: detect', () => {
  it('recognises every FreeScout fixture by markup, whatever the host', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'freescout'))) {
      expect(freescoutAdapter.detect(URL_HERE, load(name)), name).toBe(true);
      expect(freescoutAdapter.detect(new URL('http://10.0.0.5:8080/conversation/1'), load(name)), name).toBe(true);
    }
  });

  it('does not claim other helpdesks or plain pages', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'freescout' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(freescoutAdapter.detect(URL_HERE, doc), `${dir}/${name}`).toBe(false);
      }
    }
    const plain = new DOMParser().parseFromString('<html><body><h1>Blog</h1><div class="thread">Forum thread</div></body></html>', 'text/html');
    expect(freescoutAdapter.detect(URL_HERE, plain)).toBe(false);
  });
});

describe('freescout adapter: English email conversation (newest first on the page)', () => {
  const doc = load('email-en-refund.html');
  const reading = freescoutAdapter.read(doc);

  it('returns customer and agent messages oldest first, without notes or status lines', () => {
    expect(reading).not.toBeNull();
    expect(reading!.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading!.messages.map((m) => m.at)).toEqual([
      local('Jun 11, 2024 09:12'),
      local('Jun 11, 2024 16:40'),
      local('Jun 12, 2024 10:58'),
    ]);
  });

  it('reads each message text without attachments, quoted history, phone footers or "customer viewed" lines', () => {
    const [first, reply, latest] = reading!.messages;
    // Compared line by line: whether sibling blocks give one line break or a blank line is the shared helper's call.
    expect(lines(first!.text)).toEqual(lines(
      'Hi,\nI returned the blue kurta from order 88213 on 28 May and you confirmed the pickup. I still have not received my refund of Rs. 1,499. Can you tell me when it will come?\nThanks,\nMeera',
    ));
    expect(reply!.text).toContain('The refund was issued on 5 June');
    expect(reply!.text).not.toContain('Customer viewed');
    expect(latest!.text).toBe(
      'It still has not arrived. I checked my bank statement this morning and there is nothing from you. This is really frustrating, I have been waiting for two weeks.',
    );
    const all = reading!.messages.map((m) => m.text).join('\n');
    expect(all).not.toContain('Finance says');
    expect(all).not.toContain('marked as Active');
    expect(all).not.toContain('pickup-receipt.pdf');
  });

  it('reads the ticket fields', () => {
    expect(reading).toMatchObject({
      ticketId: '1042',
      subject: 'Refund not received for order 88213',
      customerName: 'Meera Iyer',
      agentName: 'Arjun',
      channel: 'email',
      certainty: 'adapter',
    });
  });

  it('finds the Summernote editable even while the reply block is folded', () => {
    const editor = freescoutAdapter.findEditor(doc);
    expect(editor).not.toBeNull();
    expect(editor!.classList.contains('note-editable')).toBe(true);
    expect(editor!.getAttribute('contenteditable')).toBe('true');
  });

  it('observes the conversation layout', () => {
    expect(freescoutAdapter.conversationRoot?.(doc)?.id).toBe('conv-layout');
  });
});

describe('freescout adapter: Hindi phone conversation', () => {
  const doc = load('phone-hi-recharge.html');
  const reading = freescoutAdapter.read(doc)!;

  it('skips the draft and the note, keeps the call log and the reply in order', () => {
    expect(reading.messages).toEqual([
      {
        speaker: 'customer',
        text: 'ग्राहक ने फोन पर बताया: कल शाम ₹399 का रिचार्ज किया, पैसे कट गए लेकिन बैलेंस अभी तक नहीं आया। बहुत परेशान हैं, दो बार कॉल कर चुके हैं।',
        at: local('Mar 4, 2025 15:02'),
      },
      {
        speaker: 'agent',
        text: 'असुविधा के लिए हमें सच में खेद है, सुनील जी। आपका ₹399 का रिचार्ज हमारे सिस्टम में अटका हुआ दिख रहा है। मैंने इसे दोबारा चालू करने का अनुरोध भेज दिया है, 2 घंटे में बैलेंस आ जाएगा।',
        at: local('Mar 4, 2025 15:11'),
      },
    ]);
  });

  it('does not take the localised "you" of the agent\'s own threads for a name', () => {
    const local = load('phone-hi-recharge.html');
    local.querySelector('.nav-user')!.remove();
    expect(freescoutAdapter.read(local)!.agentName).toBeNull();
  });

  it('reads the phone channel, the Hindi subject and names', () => {
    expect(reading.channel).toBe('phone');
    expect(reading.subject).toBe('रिचार्ज हुआ लेकिन बैलेंस नहीं आया');
    expect(reading.ticketId).toBe('3318');
    expect(reading.customerName).toBe('सुनील यादव');
    expect(reading.agentName).toBe('नेहा');
  });

  it('finds the open editor', () => {
    expect(freescoutAdapter.findEditor(doc)?.textContent).toBe('नमस्ते सुनील जी,');
  });
});

describe('freescout adapter: chat conversation listed oldest first', () => {
  const doc = load('chat-es-te-oldest-first.html');
  const reading = freescoutAdapter.read(doc)!;

  it('keeps the page order when the times say it is already oldest first', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(reading.messages[0]!.text).toMatch(/^Hola, buenos días/);
    expect(reading.messages[2]!.text).toBe('Calle de Alcalá 120, 3º B, 28009 Madrid.');
    expect(reading.messages[0]!.at).toBe(local('Feb 3, 2025 09:15 am'));
  });

  it('falls back to thread authors for the agent name and reads the chat channel', () => {
    expect(reading.channel).toBe('chat');
    expect(reading.agentName).toBe('Ravi Teja');
    expect(reading.customerName).toBe('Lucía Fernández');
  });

  it('falls back to the plain textarea when Summernote is not loaded', () => {
    expect(freescoutAdapter.findEditor(doc)?.id).toBe('body');
  });
});

describe('freescout adapter: broken markup', () => {
  it('returns null without the thread list, and no editor without a reply form', () => {
    const doc = load('email-en-refund.html');
    doc.getElementById('conv-layout-main')!.remove();
    expect(() => freescoutAdapter.read(doc)).not.toThrow();
    expect(freescoutAdapter.read(doc)).toBeNull();
    doc.querySelector('.conv-reply-block')!.remove();
    expect(freescoutAdapter.findEditor(doc)).toBeNull();
  });

  it('gives partial data when headers, bodies and dates are missing', () => {
    const doc = load('email-en-refund.html');
    doc.getElementById('conv-subject')!.remove();
    doc.querySelector('.conv-customer-block')!.remove();
    doc.querySelector('.nav-user')!.remove();
    for (const date of Array.from(doc.querySelectorAll('.thread-date'))) date.remove();
    doc.querySelector('#thread-10227 .thread-body')!.remove();
    const reading = freescoutAdapter.read(doc)!;
    expect(reading.subject).toBeNull();
    expect(reading.ticketId).toBeNull();
    // Without times the product's default order (newest first) is reversed.
    expect(reading.messages.map((m) => [m.speaker, m.at])).toEqual([
      ['customer', null],
      ['customer', null],
    ]);
    expect(reading.customerName).toBe('Meera Iyer');
    expect(reading.agentName).toBeNull();
  });

  it('ignores threads whose type classes were shuffled away', () => {
    const doc = load('email-en-refund.html');
    for (const thread of Array.from(doc.querySelectorAll('.thread-type-customer'))) {
      thread.className = 'thread thread-kind-x';
    }
    const reading = freescoutAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.speaker)).toEqual(['agent']);
  });

  it('reads an old template whose body has no .thread-content, leaving alerts out', () => {
    const doc = load('phone-hi-recharge.html');
    const content = doc.querySelector('#thread-7776 .thread-content')!;
    content.replaceWith(...Array.from(content.childNodes));
    const reading = freescoutAdapter.read(doc)!;
    expect(reading.messages[0]!.text).toMatch(/^ग्राहक ने फोन पर बताया/);
    expect(reading.messages[0]!.text).not.toContain('फ़ॉरवर्ड');
  });

  it('still reads typed threads when the thread list lost its id', () => {
    const doc = load('email-en-refund.html');
    doc.getElementById('conv-layout-main')!.removeAttribute('id');
    expect(freescoutAdapter.read(doc)!.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
  });

  it('copes with an empty document', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(freescoutAdapter.detect(URL_HERE, doc)).toBe(false);
    expect(freescoutAdapter.read(doc)).toBeNull();
    expect(freescoutAdapter.findEditor(doc)).toBeNull();
  });
});
