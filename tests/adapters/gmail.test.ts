// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../entrypoints/content/adapters/gmail';

const FIXTURES = path.join(__dirname, 'fixtures');
const GMAIL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxRbQnLzpHkqgTmWcrMdkXbXl');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'gmail', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

describe('gmail adapter: detect', () => {
  it('needs both the Gmail host and Gmail markup', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'gmail'))) {
      expect(gmailAdapter.detect(GMAIL, load(name)), name).toBe(true);
      expect(gmailAdapter.detect(new URL('https://mail.example.com/'), load(name)), name).toBe(false);
    }
    const blank = new DOMParser().parseFromString('<html><body><div role="main">Loading…</div></body></html>', 'text/html');
    expect(gmailAdapter.detect(GMAIL, blank)).toBe(false);
  });

  it('does not claim other helpdesks, even on the Gmail host', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'gmail' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(gmailAdapter.detect(GMAIL, doc), `${dir}/${name}`).toBe(false);
      }
    }
  });
});

describe('gmail adapter: English thread with collapsed and expanded messages', () => {
  const doc = load('thread-en-damaged-order.html');
  const reading = gmailAdapter.read(doc)!;

  it('reads the open thread only, oldest first, telling the account from the customer', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading.messages.map((m) => m.at)).toEqual([
      new Date('Mon, Jun 10, 2024, 9:14 AM').toISOString(),
      new Date('Mon, Jun 10, 2024, 11:40 AM').toISOString(),
      new Date('Wed, Jun 12, 2024, 6:05 PM').toISOString(),
    ]);
    const all = reading.messages.map((m) => m.text).join('\n');
    expect(all).not.toContain('Diwali');
    expect(all).not.toContain('wholesale');
  });

  it('uses the snippet of collapsed messages and the trimmed body of expanded ones', () => {
    expect(reading.messages[0]!.text).toMatch(/^Hello, my order #4521 \(ceramic flower vase, blue\) was delivered today/);
    expect(reading.messages[1]!.text).toMatch(/^Dear Ravi, I am so sorry/);
    expect(lines(reading.messages[2]!.text)).toEqual([
      'Hi Ananya,',
      'The replacement vase arrived this afternoon, thank you for sending it so fast. But it is green, not blue like my original order. Can you exchange it?',
      'Regards,',
      'Ravi',
    ]);
  });

  it('reads subject, thread id and names', () => {
    expect(reading).toMatchObject({
      subject: 'Re: Order #4521 arrived damaged',
      ticketId: '1801777123456789012',
      customerName: 'Ravi Kumar',
      agentName: 'Ananya Rao',
      channel: 'email',
      certainty: 'adapter',
    });
  });

  it('prefers the inline reply under the thread to an unrelated compose window', () => {
    const editor = gmailAdapter.findEditor(doc)!;
    expect(editor.id).toBe(':p9');
    expect(editor.getAttribute('g_editable')).toBe('true');
  });

  it('observes the thread container', () => {
    const root = gmailAdapter.conversationRoot?.(doc);
    expect(root?.querySelector('h2.hP')).not.toBeNull();
    expect(root?.querySelector('tr.zA')).toBeNull();
  });
});

describe('gmail adapter: Telugu thread answered from a send-as address, list beside the thread', () => {
  const doc = load('thread-te-alias-splitpane.html');
  const reading = gmailAdapter.read(doc)!;

  it('counts the send-as address as the agent and ignores list rows', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading.messages.map((m) => m.text).join('\n')).not.toContain('పెళ్లి');
  });

  it('cuts the Gmail signature and the Outlook-style quoted header', () => {
    expect(lines(reading.messages[1]!.text)).toEqual([
      'లక్ష్మి గారు, నమస్తే!',
      'రంగు మారినందుకు క్షమించండి. మేము సరైన ఎరుపు చీరను ఈరోజే పంపుతున్నాము, పాత చీరను కొరియర్ వారు తీసుకెళ్తారు.',
    ]);
    expect(reading.messages[2]!.text).toBe('సరే, ధన్యవాదాలు. కొత్త చీర కోసం ఎదురుచూస్తాను.');
  });

  it('leaves a time it cannot parse empty instead of guessing', () => {
    expect(reading.messages[0]!.at).toBeNull();
    expect(reading.messages[2]!.at).toBe(new Date('Sat, Feb 1, 2025, 1:47 PM').toISOString());
  });

  it('reads the legacy thread id and the names from the account chip and senders', () => {
    expect(reading.ticketId).toBe('18d8f00aa11bb22c');
    expect(reading.subject).toBe('చీర రంగు మారింది');
    expect(reading.customerName).toBe('Lakshmi Prasanna');
    expect(reading.agentName).toBe('ప్రియ రెడ్డి');
  });

  it('finds the popped-out reply when no inline reply is open', () => {
    expect(gmailAdapter.findEditor(doc)?.getAttribute('aria-label')).toBe('సందేశ భాగం');
  });
});

describe('gmail adapter: inbox without an open thread', () => {
  it('reads nothing and finds no editor', () => {
    const doc = load('inbox-hi-no-thread.html');
    expect(gmailAdapter.read(doc)).toBeNull();
    expect(gmailAdapter.findEditor(doc)).toBeNull();
  });
});

describe('gmail adapter: broken markup', () => {
  it('takes the thread opener as the customer when the account cannot be identified', () => {
    const doc = load('thread-te-alias-splitpane.html');
    doc.querySelector('a[href*="SignOutOptions"]')!.remove();
    doc.querySelector('input[name="from"]')!.remove();
    doc.title = 'Gmail';
    const reading = gmailAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading.agentName).toBe('Vastra Sarees సహాయం');
  });

  it('reads messages marked only by Gmail classes, without message ids', () => {
    const doc = load('thread-en-damaged-order.html');
    for (const el of Array.from(doc.querySelectorAll('[data-message-id]'))) {
      el.removeAttribute('data-message-id');
      el.removeAttribute('data-legacy-message-id');
    }
    expect(gmailAdapter.read(doc)!.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
  });

  it('still recognises the account through its "me" chips in English', () => {
    const doc = load('thread-en-damaged-order.html');
    doc.querySelector('a[href*="SignOutOptions"]')!.remove();
    doc.title = 'Gmail';
    expect(gmailAdapter.read(doc)!.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
  });

  it('skips messages without a sender or a body and survives a missing subject', () => {
    const doc = load('thread-en-damaged-order.html');
    doc.querySelector('[data-legacy-message-id="18fd1c2b3a4e5f60"] .zF')!.remove();
    doc.querySelector('[data-legacy-message-id="18fd9e8d7c6b5a40"] .a3s')!.remove();
    const subject = doc.querySelector('h2.hP')!;
    subject.removeAttribute('data-thread-perm-id');
    subject.textContent = '';
    const reading = gmailAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.speaker)).toEqual(['agent']);
    expect(reading.subject).toBeNull();
    expect(reading.ticketId).toBeNull();
  });

  it('ignores a thread view Gmail keeps hidden', () => {
    const doc = load('thread-en-damaged-order.html');
    const thread = doc.querySelector('h2.hP')!.closest('[role="main"]') as HTMLElement;
    thread.setAttribute('style', 'display: none');
    expect(gmailAdapter.read(doc)).toBeNull();
  });

  it('copes with an empty document', () => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    expect(() => gmailAdapter.read(doc)).not.toThrow();
    expect(gmailAdapter.read(doc)).toBeNull();
    expect(gmailAdapter.findEditor(doc)).toBeNull();
  });
});
