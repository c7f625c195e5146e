// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hubspotAdapter } from '../../entrypoints/content/adapters/hubspot';

const FIXTURES = path.join(__dirname, 'fixtures');
const INBOX = new URL('https://app.hubspot.com/live-messages/44120933/inbox/8129652150');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'hubspot', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function visit(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

afterEach(() => visit('http://localhost:3000/'));

describe('hubspot adapter: detect', () => {
  it('needs a HubSpot app host and inbox markup', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'hubspot'))) {
      expect(hubspotAdapter.detect(INBOX, load(name)), name).toBe(true);
      expect(hubspotAdapter.detect(new URL('https://app-eu1.hubspot.com/help-desk/1/view/2'), load(name)), name).toBe(true);
      expect(hubspotAdapter.detect(new URL('https://www.hubspot.com/products/service'), load(name)), name).toBe(false);
    }
  });

  it('does not claim other helpdesks, even on the HubSpot host', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'hubspot' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(hubspotAdapter.detect(INBOX, doc), `${dir}/${name}`).toBe(false);
      }
    }
  });
});

describe('hubspot adapter: live chat in Hinglish', () => {
  const doc = load('inbox-chat-hinglish.html');

  it('reads the thread only, skipping the chatflow bot, the assignment line and the comment', () => {
    const reading = hubspotAdapter.read(doc)!;
    expect(reading.messages).toEqual([
      { speaker: 'customer', text: 'Hi, mera order 7781 abhi tak nahi aaya. Tracking pe 3 din se "out for delivery" dikha raha hai.', at: '2025-03-14T10:02:11.000Z' },
      { speaker: 'agent', text: 'Namaste Aarav! Sorry for the delay. Main abhi courier se check karti hoon, ek minute dijiye.', at: '2025-03-14T10:05:40.000Z' },
      {
        speaker: 'agent',
        text: 'Courier ne address scan karne mein galti ki thi. Kal subah 11 baje tak delivery ho jayegi, aur delivery charge refund kar diya hai.',
        at: '2025-03-14T10:09:02.000Z',
      },
      { speaker: 'customer', text: 'Theek hai, thank you so much!', at: '2025-03-14T10:10:30.000Z' },
    ]);
  });

  it('reads names, subject and the thread id from the address', () => {
    visit(INBOX.href);
    expect(hubspotAdapter.read(doc)).toMatchObject({
      ticketId: '8129652150',
      subject: 'Order 7781 late delivery',
      customerName: 'Aarav Shah',
      agentName: 'Sneha Kulkarni',
      certainty: 'adapter',
    });
  });

  it('finds the composer editor, not anything in the conversation list', () => {
    const editor = hubspotAdapter.findEditor(doc)!;
    expect(editor.classList.contains('ProseMirror')).toBe(true);
    expect(editor.closest('[data-test-id="reply-composer"]')).not.toBeNull();
  });
});

describe('hubspot adapter: help desk email ticket in Tamil', () => {
  const doc = load('helpdesk-email-ta.html');
  const reading = hubspotAdapter.read(doc)!;

  it('tells incoming from outgoing email and trims the quote', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent']);
    expect(lines(reading.messages[0]!.text)).toEqual([
      'வணக்கம்,',
      'நான் திருப்பி அனுப்பிய மிக்ஸிக்கான ரீஃபண்ட் இரண்டு வாரமாகியும் வரவில்லை. ஆர்டர் எண் VH-20871.',
      'நன்றி,',
      'பிரியா',
    ]);
    expect(lines(reading.messages[1]!.text)).toEqual([
      'வணக்கம் பிரியா,',
      'தாமதத்திற்கு மன்னிக்கவும். உங்கள் ரீஃபண்ட் ₹3,499 இன்று அனுப்பப்பட்டது, 3 வேலை நாட்களில் வங்கிக் கணக்கில் வரும்.',
    ]);
    expect(reading.messages[0]!.at).toBe('2025-02-10T04:30:00.000Z');
  });

  it('reads the email channel, the subject and the sender names', () => {
    expect(reading.channel).toBe('email');
    expect(reading.subject).toBe('ரீஃபண்ட் இன்னும் வரவில்லை');
    expect(reading.customerName).toBe('பிரியா ராஜன்');
    expect(reading.agentName).toBe('Meena Sundaram');
  });
});

describe('hubspot adapter: broken markup', () => {
  it('uses the signed-in name when direction words are gone, and gives up when nothing tells the sides apart', () => {
    const doc = load('inbox-chat-hinglish.html');
    for (const el of Array.from(doc.querySelectorAll('[data-message-direction]'))) el.removeAttribute('data-message-direction');
    const reading = hubspotAdapter.read(doc)!;
    // Only the agent's own messages can still be placed (by name); the customer's are left out rather than guessed.
    expect(reading.messages.map((m) => m.speaker)).toEqual(['agent', 'agent']);
    doc.getElementById('account-menu')!.remove();
    expect(hubspotAdapter.read(doc)).toBeNull();
  });

  it('returns null and no editor on an empty page', () => {
    const doc = new DOMParser().parseFromString('<html><body><div id="hs-app-main"></div></body></html>', 'text/html');
    expect(hubspotAdapter.read(doc)).toBeNull();
    expect(hubspotAdapter.findEditor(doc)).toBeNull();
  });

  it('finds the thread from message bodies when the thread column is not named', () => {
    const doc = load('helpdesk-email-ta.html');
    for (const el of Array.from(doc.querySelectorAll('[data-test-id="thread-view"], [data-test-id="thread-history"]'))) {
      el.removeAttribute('data-test-id');
      el.removeAttribute('class');
    }
    const reading = hubspotAdapter.read(doc)!;
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent']);
  });
});
