// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { genericAdapter } from '../../entrypoints/content/adapters/generic';

const FIXTURES = path.join(__dirname, 'fixtures', 'generic');

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Stylesheet links are dropped: happy-dom would try to fetch them, and no adapter reads styles. */
function load(name: string): Document {
  return parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8').replace(/<link\b[^>]*>/gi, ''));
}

const somewhere = new URL('https://support.unknown-helpdesk.example/agent/tickets/1');

/** Speaker and text of each message, the part every page must get right. */
function turns(doc: Document): Array<[string, string]> {
  return (genericAdapter.read(doc)?.messages ?? []).map((message) => [message.speaker, message.text]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generic adapter: chat widget with msg--in / msg--out bubbles', () => {
  const doc = load('chat-widget.html');

  it('detects the conversation', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
  });

  it('reads each bubble with its side and time, skipping events and day dividers', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: "Hi, my package says delivered but it isn't here.", at: '2024-05-14T09:02:11.000Z' },
      { speaker: 'customer', text: 'Order 88412, it was supposed to come yesterday.', at: '2024-05-14T09:02:40.000Z' },
      {
        speaker: 'agent',
        text: "Hello Jordan, thanks for waiting! I'm Meera and I'll look into this right away.",
        at: '2024-05-14T09:03:25.000Z',
      },
      {
        speaker: 'agent',
        text: 'The courier marked it as left at the front door at 6:40 pm.\n\nCould it have been left with a neighbour or in a safe place?',
        at: '2024-05-14T09:05:02.000Z',
      },
      { speaker: 'customer', text: "Thanks, I'll check with my neighbour.", at: '2024-05-14T09:09:40.000Z' },
    ]);
  });

  it('says it is a guess, and finds the agent, the channel and the chat title', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.certainty).toBe('guess');
    expect(reading?.agentName).toBe('Meera Iyer');
    expect(reading?.channel).toBe('chat');
    expect(reading?.subject).toBe('Jordan Ellis');
    // "order #88412" is an order, not the ticket; the page shows no ticket number.
    expect(reading?.ticketId).toBeNull();
  });

  it('finds the composer textarea, not the search field, and the message list as root', () => {
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('textarea.composer__input'));
    expect(genericAdapter.conversationRoot?.(doc)).toBe(doc.querySelector('.msg-list'));
  });
});

describe('generic adapter: ticket page with .comment.staff / .comment.requester', () => {
  const doc = load('ticket-comments.html');

  it('detects it and reads the public comments only', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    const reading = genericAdapter.read(doc);
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text:
          'Hello,\n\nI renewed my annual plan on 1 March and my card was charged twice (2 × $119).\n' +
          'Can you refund one of the charges please?\n\nThanks,\nHannah',
        at: '2024-03-04T14:12:00.000Z',
      },
      {
        speaker: 'agent',
        text:
          "Hi Hannah,\n\nThank you for letting us know, and I'm sorry for the double charge. I can see both payments on " +
          'your account and I have asked our billing team to refund the second one.\n\nBest regards,\nTom',
        at: '2024-03-04T14:41:00.000Z',
      },
      {
        speaker: 'customer',
        text: "It's been two days and I still don't see the refund. This is really frustrating.",
        at: '2024-03-06T09:05:00.000Z',
      },
    ]);
  });

  it('skips the internal note and the activity lines', () => {
    const texts = turns(doc).map(([, text]) => text).join('\n');
    expect(texts).not.toContain('@billing');
    expect(texts).not.toContain('Status changed');
    expect(texts).not.toContain('Assigned to');
  });

  it('reads names, subject, ticket number and channel', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.customerName).toBe('Hannah Whitfield');
    expect(reading?.agentName).toBe('Tom Okafor');
    expect(reading?.subject).toBe('Charged twice for my annual plan');
    expect(reading?.ticketId).toBe('4821');
    expect(reading?.channel).toBe('email');
  });

  it('picks the visible rich editor over the hidden source textarea', () => {
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('.reply-box__editor'));
  });
});

describe('generic adapter: old-school table ticket system', () => {
  const doc = load('table-ticket.html');

  it('detects the history table and reads rows by their Type column', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    expect(turns(doc)).toEqual([
      [
        'customer',
        'Hello,\n\nI returned the mixer grinder on 12 October but the refund of Rs. 4,499 has not reached my account yet.\n' +
          'Please check.\n\nRegards,\nRajesh',
      ],
      [
        'agent',
        'Dear Rajesh,\n\nThank you for contacting us. I checked your return and the refund was approved on 28 October. ' +
          'Banks usually take 5 to 7 working days, so you should see it by 6 November.\n\nRegards,\nSunita',
      ],
      ['customer', 'Ok, I will wait till 6 November. Thank you.'],
    ]);
  });

  it('takes names from the From column, the subject and number from the title, and the reply textarea', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.customerName).toBe('Rajesh Kumar');
    expect(reading?.agentName).toBe('Sunita Rao');
    expect(reading?.subject).toBe('Refund not received');
    expect(reading?.ticketId).toBe('100234');
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('textarea[name="reply_body"]'));
    expect(genericAdapter.conversationRoot?.(doc)).toBe(doc.querySelector('table.history tbody'));
  });
});

describe('generic adapter: sides told apart only by author names', () => {
  const doc = load('author-names.html');

  it('uses the signed-in name from the top bar to find the agent', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    const reading = genericAdapter.read(doc);
    expect(reading?.agentName).toBe('Daniel Brooks');
    expect(reading?.customerName).toBe('Laura Chen');
    expect(reading?.messages.map((message) => message.speaker)).toEqual(['customer', 'agent', 'customer', 'agent']);
  });

  it('reads texts and times, and drops unsigned status and reminder lines', () => {
    expect(genericAdapter.read(doc)?.messages).toEqual([
      {
        speaker: 'customer',
        text:
          'When we export the contact list to CSV, names like "Zoë Müller" come out as "Zo? M?ller".\n\n' +
          "This started after last week's update. Can you help?",
        at: '2024-02-19T07:15:00.000Z',
      },
      {
        speaker: 'agent',
        text:
          'Hi Laura, thanks for the clear example.\n\nCould you tell me which program you open the file with, and ' +
          'whether the export setting "Encoding" is set to UTF-8 or Windows-1252?',
        at: '2024-02-19T08:02:00.000Z',
      },
      { speaker: 'customer', text: 'We open it in Excel. The setting says Windows-1252.', at: '2024-02-19T09:40:00.000Z' },
      {
        speaker: 'agent',
        text:
          'That explains it. Please switch the setting to UTF-8 (Settings → Export → Encoding) and export again; ' +
          'Excel will then show the names correctly.',
        at: '2024-02-19T10:05:00.000Z',
      },
    ]);
  });

  it('flips the sides when another agent is signed in: the names decide, not the order', () => {
    const other = load('author-names.html');
    other.querySelector('.topbar-greeting')!.textContent = 'Signed in as Laura Chen';
    expect(genericAdapter.read(other)?.messages.map((message) => message.speaker)).toEqual([
      'agent', 'customer', 'agent', 'customer',
    ]);
  });

  it('reads the subject from the heading and the request number from the title', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.subject).toBe('Export to CSV drops accented names');
    expect(reading?.ticketId).toBe('20931');
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('#post-body-input'));
  });
});

describe('generic adapter: Spanish helpdesk with Spanish class names', () => {
  const doc = load('spanish.html');

  it('reads cliente / agente messages, trims the quoted mail and the mobile footer, skips nota and sistema', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    expect(genericAdapter.read(doc)?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'Buenas tardes:\n\nRecibí mi pedido 7731 pero faltan las dos fundas de cojín. En la caja solo venía la manta.',
        at: '2024-04-08T14:20:00.000Z',
      },
      {
        speaker: 'agent',
        text:
          'Hola, Carlos:\n\nSiento mucho que el pedido llegara incompleto. Ya he solicitado el envío de las dos fundas ' +
          'que faltan; le llegarán en 48 horas.\n\nUn saludo,\nLucía',
        at: '2024-04-08T15:05:00.000Z',
      },
      { speaker: 'customer', text: 'Ya me han llegado, muchas gracias por la rapidez.', at: '2024-04-10T08:12:00.000Z' },
    ]);
  });

  it('reads names, subject, case number and channel in Spanish', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.customerName).toBe('Carlos Méndez');
    expect(reading?.agentName).toBe('Lucía Fernández');
    expect(reading?.subject).toBe('Mi pedido llegó incompleto');
    expect(reading?.ticketId).toBe('55120');
    expect(reading?.channel).toBe('email');
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('.respuesta__editor'));
  });
});

describe('generic adapter: Hindi chat told apart by alignment classes only', () => {
  const doc = load('hindi-chat.html');

  it('reads justify-start as the customer and justify-end as the agent', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    expect(turns(doc)).toEqual([
      ['customer', 'नमस्ते, मेरा इंटरनेट कल रात से बंद है।'],
      ['agent', 'नमस्ते अंकित जी, असुविधा के लिए खेद है। कृपया अपना ग्राहक आईडी बताइए।'],
      ['customer', 'मेरा आईडी 44871203 है।'],
      ['agent', 'धन्यवाद। आपके क्षेत्र में लाइन की मरम्मत चल रही है। शाम 6 बजे तक सेवा फिर से शुरू हो जाएगी।'],
      ['customer', 'ठीक है, धन्यवाद।'],
    ]);
  });

  it('skips the day divider and the Hindi assignment line, and reads names from avatar and user menu', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.messages.some((message) => message.text.includes('सौंपा'))).toBe(false);
    expect(reading?.messages.some((message) => message.text === 'आज')).toBe(false);
    expect(reading?.customerName).toBe('अंकित शर्मा');
    expect(reading?.agentName).toBe('प्रिया वर्मा');
    expect(reading?.channel).toBe('chat');
    expect(reading?.messages[0]?.at).toBe('2024-06-03T04:31:00.000Z');
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('[contenteditable="true"]'));
  });
});

describe('generic adapter: Tamil timeline, newest first, sides in data attributes', () => {
  const doc = load('tamil-newest-first.html');

  it('puts the oldest message first using the datetime values', () => {
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    expect(genericAdapter.read(doc)?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'வணக்கம், நான் ஆர்டர் 5521-ஐ ரத்து செய்தேன். ஆனால் ஒரு வாரம் ஆகியும் பணம் திரும்ப வரவில்லை.',
        at: '2024-07-01T14:20:00.000Z',
      },
      {
        speaker: 'agent',
        text:
          'வணக்கம் கவிதா, தாமதத்திற்கு மன்னிக்கவும்.\n\nஉங்கள் பணம் 30 ஜூன் அன்று திருப்பி அனுப்பப்பட்டது. ' +
          'உங்கள் வங்கிக் கணக்கில் சேர 3 வேலை நாட்கள் ஆகலாம்.',
        at: '2024-07-02T05:55:00.000Z',
      },
      { speaker: 'customer', text: 'சரி, காத்திருக்கிறேன். நன்றி.', at: '2024-07-02T06:10:00.000Z' },
    ]);
  });

  it('reads names from the parts and the account button, subject, number and channel', () => {
    const reading = genericAdapter.read(doc);
    expect(reading?.customerName).toBe('கவிதா ராஜேந்திரன்');
    expect(reading?.agentName).toBe('அருண் குமார்');
    expect(reading?.subject).toBe('பணம் திரும்ப வரவில்லை');
    expect(reading?.ticketId).toBe('7720');
    expect(reading?.channel).toBe('email');
  });

  it('prefers the reply editor, but follows focus to the note box when the agent is typing there', () => {
    const fresh = load('tamil-newest-first.html');
    expect(genericAdapter.findEditor(fresh)).toBe(fresh.querySelector('.ProseMirror'));
    const note = fresh.querySelector<HTMLTextAreaElement>('.composer__note-input')!;
    note.focus();
    expect(fresh.activeElement).toBe(note);
    expect(genericAdapter.findEditor(fresh)).toBe(note);
  });
});

describe('generic adapter: hashed CSS-in-JS classes, sides only visible in layout', () => {
  /** Lays the page out the way its style sheet says: children of `flex-end` rows sit right, of `flex-start` rows left. */
  function simulateLayout(doc: Document): void {
    const css = doc.querySelector('style')?.textContent ?? '';
    const classesWith = (declaration: string): Set<string> =>
      new Set([...css.matchAll(new RegExp(`\\.(\\w+)\\{[^}]*${declaration}`, 'g'))].map((match) => match[1]!));
    const rightRows = classesWith('justify-content:flex-end');
    const leftRows = classesWith('justify-content:flex-start');
    const rect = (left: number, width: number): DOMRect =>
      ({ left, right: left + width, width, top: 0, bottom: 20, height: 20, x: left, y: 0, toJSON: () => ({}) }) as DOMRect;
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const rowClasses = [...(this.parentElement?.classList ?? [])];
      if (rowClasses.some((name) => rightRows.has(name))) return rect(460, 320);
      if (rowClasses.some((name) => leftRows.has(name))) return rect(20, 320);
      return rect(0, 800);
    });
  }

  it('without layout (no browser) it does not claim the page, since nothing marks a side', () => {
    const doc = load('hashed-classes.html');
    expect(genericAdapter.detect(somewhere, doc)).toBe(false);
    expect(genericAdapter.read(doc)?.messages).toHaveLength(5);
  });

  it('with layout it reads right-hand bubbles as the agent, even when the agent spoke first', () => {
    const doc = load('hashed-classes.html');
    simulateLayout(doc);
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    expect(turns(doc)).toEqual([
      ['agent', 'Hi there! Can I help you find anything today?'],
      ['customer', "Yes, I'm looking for a waterproof jacket for a child of 8."],
      ['agent', 'Great choice for the season. The Puddle Jumper comes in sizes 7–8 and 9–10.'],
      ['customer', 'Does it have a hood?'],
      ['agent', 'It does, a detachable one with a soft peak.'],
    ]);
  });
});

describe('generic adapter: smaller behaviours on inline pages', () => {
  const page = (body: string, attributes = ''): Document =>
    parse(`<!doctype html><html ${attributes}><head><title>Support</title></head><body>${body}</body></html>`);

  it('skips bot auto-replies, padlocked private notes and centred event lines in a chat', () => {
    const doc = page(`
      <div class="chat-thread">
        <div class="row row--center"><span>Chat started</span></div>
        <div class="row row--in"><div class="bubble"><p class="bubble__text">Hello, my card was declined.</p></div></div>
        <div class="row row--out" data-sender-type="bot"><div class="bubble"><p class="bubble__text">Thanks! An agent will join you shortly.</p></div></div>
        <div class="row row--out"><div class="bubble"><p class="bubble__text">Checked the gateway logs: issuer decline.</p><span class="icon icon-lock"></span></div></div>
        <div class="row row--out"><div class="bubble"><p class="bubble__text">Hi! Your bank declined it; please call them and try again.</p></div></div>
        <div class="row justify-center"><span>Ravi left the chat</span></div>
        <div class="row row--in"><div class="bubble"><p class="bubble__text">Ok, will do.</p></div></div>
      </div>
      <textarea name="message"></textarea>`);
    expect(turns(doc)).toEqual([
      ['customer', 'Hello, my card was declined.'],
      ['agent', 'Hi! Your bank declined it; please call them and try again.'],
      ['customer', 'Ok, will do.'],
    ]);
  });

  it('a "Note" button on every message does not turn messages into notes', () => {
    const doc = page(`
      <div class="thread">
        <div class="entry entry--customer"><div class="entry__body">My order is late.</div><button type="button">Note</button></div>
        <div class="entry entry--agent"><div class="entry__body">Sorry, it ships today.</div><button type="button">Note</button></div>
      </div>
      <textarea name="reply"></textarea>`);
    expect(turns(doc)).toEqual([
      ['customer', 'My order is late.'],
      ['agent', 'Sorry, it ships today.'],
    ]);
  });

  it('mirrors left and right on a right-to-left page', () => {
    const doc = page(
      `<div class="messages">
        <div class="message message-right"><div class="message-text">Customer on the right in RTL.</div></div>
        <div class="message message-left"><div class="message-text">Agent on the left in RTL.</div></div>
      </div>
      <textarea name="reply"></textarea>`,
      'dir="rtl"',
    );
    expect(turns(doc)).toEqual([
      ['customer', 'Customer on the right in RTL.'],
      ['agent', 'Agent on the left in RTL.'],
    ]);
  });

  it('reverses an undated ticket that starts with the agent and ends with the customer, but not a chat', () => {
    const ticket = page(`
      <div class="ticket-thread">
        <div class="reply reply--staff"><div class="reply-body">We have refunded you.</div></div>
        <div class="reply reply--customer"><div class="reply-body">Please refund my order.</div></div>
      </div>
      <textarea name="reply"></textarea>`);
    expect(turns(ticket)).toEqual([
      ['customer', 'Please refund my order.'],
      ['agent', 'We have refunded you.'],
    ]);
    const chat = page(`
      <div class="chat-log">
        <div class="msg msg--agent"><div class="msg-text">Hi! Looking for anything special?</div></div>
        <div class="msg msg--customer"><div class="msg-text">Just browsing, thanks.</div></div>
      </div>
      <textarea name="message"></textarea>`);
    expect(turns(chat)).toEqual([
      ['agent', 'Hi! Looking for anything special?'],
      ['customer', 'Just browsing, thanks.'],
    ]);
  });

  it('takes a one-line chat input named for messages when there is no textarea, never the search box', () => {
    const doc = page(`
      <form role="search"><input type="text" name="q" placeholder="Search"></form>
      <div class="chat-messages">
        <div class="chat-message chat-message--visitor"><span class="chat-message__text">Is shipping free?</span></div>
        <div class="chat-message chat-message--operator"><span class="chat-message__text">Yes, over 30 euros.</span></div>
      </div>
      <input type="text" name="chat_message" placeholder="Type your message">`);
    doc.querySelector<HTMLInputElement>('input[name="q"]')!.focus();
    expect(genericAdapter.findEditor(doc)).toBe(doc.querySelector('input[name="chat_message"]'));
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
  });

  it('sees a change made between two calls in the same task (nothing is served stale)', () => {
    const doc = load('chat-widget.html');
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    expect(turns(doc)[4]).toEqual(['customer', "Thanks, I'll check with my neighbour."]);
    const last = Array.from(doc.querySelectorAll('.msg--in .msg__text p')).at(-1)!;
    last.textContent = "Thanks, I'll check with my neighbours";
    expect(turns(doc)[4]).toEqual(['customer', "Thanks, I'll check with my neighbours"]);
    doc.querySelector('.chat__composer')?.remove();
    expect(genericAdapter.findEditor(doc)).toBeNull();
    expect(genericAdapter.detect(somewhere, doc)).toBe(false);
  });

  it('reads again after the page changes: a new message appears, an edited one is re-read', () => {
    const doc = load('chat-widget.html');
    expect(turns(doc)).toHaveLength(5);
    const list = doc.querySelector('.msg-list')!;
    const added = doc.createElement('div');
    added.className = 'msg msg--out';
    added.innerHTML = '<div class="msg__bubble"><div class="msg__text"><p>Let me know if it turns up.</p></div></div>';
    list.insertBefore(added, doc.querySelector('.typing-indicator'));
    doc.querySelector('.msg--in .msg__text p')!.textContent = 'Hi, my parcel says delivered but it is missing.';
    // Same length as before, so only the text itself can tell the block changed.
    const last = Array.from(doc.querySelectorAll('.msg--in .msg__text p')).at(-1)!;
    expect(last.textContent).toBe("Thanks, I'll check with my neighbour.");
    last.textContent = "Thanks, I'll check with my neighbours";
    const after = turns(doc);
    expect(after).toHaveLength(6);
    expect(after[0]).toEqual(['customer', 'Hi, my parcel says delivered but it is missing.']);
    expect(after[4]).toEqual(['customer', "Thanks, I'll check with my neighbours"]);
    expect(after[5]).toEqual(['agent', 'Let me know if it turns up.']);
  });
});

describe('generic adapter: pages that are not helpdesks', () => {
  it.each(['not-helpdesk-news-article.html', 'not-helpdesk-product-reviews.html', 'not-helpdesk-search-form.html'])(
    '%s is not taken for a conversation',
    (name) => {
      const doc = load(name);
      expect(genericAdapter.detect(new URL('https://www.example.org/page'), doc)).toBe(false);
    },
  );

  it('an empty or bare page gives false, null and no editor', () => {
    for (const html of ['', '<p>Hello</p>', '<div><div>One</div><div>Two</div></div>']) {
      const doc = parse(html);
      expect(genericAdapter.detect(somewhere, doc)).toBe(false);
      expect(genericAdapter.findEditor(doc)).toBeNull();
    }
    expect(genericAdapter.read(parse(''))).toBeNull();
  });

  it('a conversation without any reply box is not claimed (read-only transcript)', () => {
    const doc = load('chat-widget.html');
    doc.querySelector('.chat__composer')?.remove();
    expect(genericAdapter.detect(somewhere, doc)).toBe(false);
    expect(genericAdapter.read(doc)?.messages).toHaveLength(5);
  });
});

describe('generic adapter: broken markup gives partial data, never an exception', () => {
  const all = fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.html'));

  it.each(all)('%s survives losing its message bodies, times and authors', (name) => {
    const doc = load(name);
    doc.querySelectorAll('time, [class*="body"], [class*="author"], [class*="text"]').forEach((el) => el.remove());
    expect(() => genericAdapter.detect(somewhere, doc)).not.toThrow();
    expect(() => genericAdapter.read(doc)).not.toThrow();
    expect(() => genericAdapter.findEditor(doc)).not.toThrow();
  });

  it('shuffled side classes change the reading, not the fact that it reads', () => {
    const doc = load('chat-widget.html');
    doc.querySelectorAll('.msg--in, .msg--out').forEach((el) => {
      el.className = el.className.replace(/msg--in|msg--out/, (side) => (side === 'msg--in' ? 'msg--out' : 'msg--in'));
    });
    expect(turns(doc).map(([speaker]) => speaker)).toEqual(['agent', 'agent', 'customer', 'customer', 'agent']);
  });

  it('a thread with its container removed yields null or an unrelated best guess, without throwing', () => {
    const doc = load('ticket-comments.html');
    doc.querySelector('.ticket-timeline')?.remove();
    expect(() => genericAdapter.read(doc)).not.toThrow();
    expect(genericAdapter.read(doc)?.messages.some((message) => message.text.includes('charged twice')) ?? false).toBe(false);
  });

  it('runs on every other adapter fixture in the repository without throwing', { timeout: 60_000 }, () => {
    const root = path.join(__dirname, 'fixtures');
    const others = fs.existsSync(root)
      ? fs.readdirSync(root).filter((dir) => dir !== 'generic' && fs.statSync(path.join(root, dir)).isDirectory())
      : [];
    for (const dir of others) {
      for (const name of fs.readdirSync(path.join(root, dir)).filter((file) => file.endsWith('.html'))) {
        const doc = load(path.join('..', dir, name));
        expect(() => genericAdapter.read(doc), `${dir}/${name}`).not.toThrow();
        expect(() => genericAdapter.findEditor(doc), `${dir}/${name}`).not.toThrow();
      }
    }
  });
});

describe('generic adapter: a 500-message page', () => {
  /** Deterministic pseudo-random numbers so a failure can be reproduced. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  interface Planned {
    kind: 'customer' | 'agent' | 'note' | 'event';
    text: string;
    at: string;
  }

  function build(count: number, newestFirst: boolean): { html: string; expected: Array<{ speaker: string; text: string; at: string }> } {
    const next = random(42);
    const planned: Planned[] = [];
    const start = Date.UTC(2024, 0, 1, 8, 0, 0);
    for (let index = 0; index < count; index += 1) {
      const roll = next();
      const kind = index % 41 === 40 ? 'note' : index % 29 === 28 ? 'event' : roll < 0.5 ? 'customer' : 'agent';
      const text =
        kind === 'event'
          ? `Conversation assigned to Team ${index}`
          : `${kind === 'customer' ? 'Question' : kind === 'agent' ? 'Answer' : 'Private remark'} number ${index}: ` +
            'the quick brown fox jumps over the lazy dog.';
      planned.push({ kind, text, at: new Date(start + index * 60_000).toISOString() });
    }
    const blocks = planned.map((item) => {
      if (item.kind === 'event') {
        return `<li class="feed-item feed-item--event"><span>${item.text}</span><time datetime="${item.at}"></time></li>`;
      }
      const side = item.kind === 'customer' ? 'inbound' : 'outbound';
      const note = item.kind === 'note' ? ' feed-item--note' : '';
      const name = item.kind === 'customer' ? 'Robin Vale' : 'Sam Ortiz';
      return (
        `<li class="feed-item feed-item--${item.kind === 'note' ? 'outbound' : side}${note}">` +
        `<div class="feed-item__head"><span class="feed-item__sender">${name}</span><time datetime="${item.at}">${item.at}</time></div>` +
        `<div class="feed-item__body"><p>${item.text}</p></div></li>`
      );
    });
    if (newestFirst) blocks.reverse();
    const html =
      `<html><head><title>Conversation 5000</title></head><body><header>Agent console</header>` +
      `<main><h1>Bulk order question</h1><ul class="conversation-feed">${blocks.join('')}</ul>` +
      `<div class="reply"><textarea name="reply"></textarea></div></main></body></html>`;
    const expected = planned
      .filter((item) => item.kind === 'customer' || item.kind === 'agent')
      .map((item) => ({ speaker: item.kind, text: item.text, at: item.at }));
    return { html, expected };
  }

  // Correctness only; speed is measured in a real browser, not here (happy-dom is many times slower than Chromium).
  it.each([false, true])('reads every message right (newest first in the DOM: %s)', { timeout: 60_000 }, (newestFirst) => {
    const { html, expected } = build(500, newestFirst);
    const doc = parse(html);
    expect(genericAdapter.detect(somewhere, doc)).toBe(true);
    const reading = genericAdapter.read(doc);
    expect(reading?.messages).toHaveLength(expected.length);
    expect(reading?.messages).toEqual(expected);
    expect(reading?.customerName).toBe('Robin Vale');
    expect(reading?.agentName).toBe('Sam Ortiz');
    expect(reading?.subject).toBe('Bulk order question');
  });
});
