// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chatwootAdapter } from '../../entrypoints/content/adapters/chatwoot';

const FIXTURES = path.join(__dirname, 'fixtures');
const URL_HERE = new URL('https://app.chatwoot.com/app/accounts/3/conversations/4187');

function load(name: string): Document {
  const html = fs.readFileSync(path.join(FIXTURES, 'chatwoot', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** happy-dom gives parsed documents the window's location; the content script sees the real page's. */
function visit(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

afterEach(() => visit('http://localhost:3000/'));

describe('chatwoot adapter: detect', () => {
  it('recognises both markup generations on any host', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'chatwoot'))) {
      expect(chatwootAdapter.detect(URL_HERE, load(name)), name).toBe(true);
      expect(chatwootAdapter.detect(new URL('https://desk.example.org/app/accounts/1/conversations/9'), load(name)), name).toBe(true);
    }
  });

  it('does not claim other helpdesks or plain pages', () => {
    for (const dir of fs.readdirSync(FIXTURES)) {
      if (dir === 'chatwoot' || !fs.statSync(path.join(FIXTURES, dir)).isDirectory()) continue;
      for (const name of fs.readdirSync(path.join(FIXTURES, dir)).filter((n) => n.endsWith('.html'))) {
        const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(FIXTURES, dir, name), 'utf8'), 'text/html');
        expect(chatwootAdapter.detect(URL_HERE, doc), `${dir}/${name}`).toBe(false);
      }
    }
    const plain = new DOMParser().parseFromString('<ul class="chat"><li class="left">hi</li><li class="right">hello</li></ul>', 'text/html');
    expect(chatwootAdapter.detect(URL_HERE, plain)).toBe(false);
  });
});

describe('chatwoot adapter: current markup, web chat in Tamil and Tanglish', () => {
  const doc = load('next-webchat-ta.html');

  it('reads customer and agent bubbles in order, skipping activity, bot, private note and image-only bubbles', () => {
    const reading = chatwootAdapter.read(doc)!;
    expect(reading.messages.map((m) => [m.speaker, m.text])).toEqual([
      ['customer', 'வணக்கம்! நான் வாங்கிய பட்டுப் புடவையின் நிறம் படத்தில் இருந்ததை விட வேறாக இருக்கிறது.'],
      ['customer', 'Order number TS-20931. Enakku return panna mudiyuma?'],
      ['agent', 'வணக்கம் செல்வி! நிறம் மாறி வந்ததற்கு மன்னிக்கவும். கண்டிப்பாக return செய்யலாம், கட்டணம் இல்லை.'],
      ['agent', 'Saree return-ku courier pickup naalaiku book panniten.\n\nRefund 3 working days-la varum.'],
    ]);
    // The page shows times without a year: better no time than a wrong one.
    expect(reading.messages.every((m) => m.at === null)).toBe(true);
  });

  it('reads names and the chat channel; the ticket id comes from the address', () => {
    visit('https://chat.thendral.in/app/accounts/3/conversations/4187');
    const reading = chatwootAdapter.read(doc)!;
    expect(reading).toMatchObject({
      ticketId: '4187',
      subject: null,
      customerName: 'Selvi Prakash',
      agentName: 'Karthik Raja',
      channel: 'chat',
      certainty: 'adapter',
    });
  });

  it('finds the ProseMirror editor in the reply box and observes the message list', () => {
    const editor = chatwootAdapter.findEditor(doc)!;
    expect(editor.classList.contains('ProseMirror')).toBe(true);
    expect(editor.closest('.reply-box')).not.toBeNull();
    expect(chatwootAdapter.conversationRoot?.(doc)?.classList.contains('conversation-panel')).toBe(true);
  });
});

describe('chatwoot adapter: older markup, WhatsApp in Hindi', () => {
  const doc = load('legacy-whatsapp-hi.html');
  const reading = chatwootAdapter.read(doc)!;

  it('reads li.left and li.right bubbles, skipping the activity line, bot replies and private notes', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(reading.messages[0]!.text).toBe('नमस्ते, मैंने 8 जून को गैस सिलेंडर बुक किया था। बुकिंग नंबर 7730152, अभी तक डिलीवरी नहीं हुई।');
    expect(lines(reading.messages[1]!.text)).toEqual([
      'नमस्ते रमेश जी, देरी के लिए माफ़ी चाहते हैं। हमारी डिलीवरी गाड़ी खराब हो गई थी।',
      'आपका सिलेंडर कल सुबह 10 बजे तक पहुंच जाएगा।',
    ]);
    expect(reading.messages[2]!.text).toBe('धन्यवाद, मैं इंतज़ार करूंगा।');
    const all = reading.messages.map((m) => m.text).join('\n');
    expect(all).not.toContain('डिपो');
    expect(all).not.toContain('प्रतिनिधि');
  });

  it('takes the customer from the header and leaves the agent unknown when the sidebar shows only initials', () => {
    expect(reading.customerName).toBe('Ramesh Gupta');
    expect(reading.agentName).toBeNull();
    expect(reading.channel).toBe('chat');
    expect(reading.ticketId).toBeNull();
  });

  it('finds the editor', () => {
    expect(chatwootAdapter.findEditor(doc)?.getAttribute('contenteditable')).toBe('true');
  });
});

describe('chatwoot adapter: current markup, email inbox in Spanish', () => {
  const doc = load('next-email-es.html');
  const reading = chatwootAdapter.read(doc)!;

  it('reads email bubbles by their side, without the mail header, signature, phone footer or quote', () => {
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
    expect(lines(reading.messages[0]!.text)).toEqual([
      'Buenas tardes:',
      'Me cobraron dos veces el pedido CV-5521 (1.250 MXN cada cargo). Adjunto el estado de cuenta. ¿Pueden revisarlo, por favor?',
      'Saludos,',
      'Jorge',
    ]);
    expect(lines(reading.messages[1]!.text)).toEqual([
      'Hola Jorge, gracias por avisarnos y disculpe la molestia.',
      'Ya solicitamos el reembolso del segundo cargo; lo verá en su estado de cuenta en 5 a 10 días hábiles.',
    ]);
    expect(reading.messages[2]!.text).toBe('Perfecto, muchas gracias por la ayuda.');
    expect(reading.messages.map((m) => m.text).join('\n')).not.toContain('Stripe');
  });

  it('reads the email channel and names', () => {
    expect(reading.channel).toBe('email');
    expect(reading.customerName).toBe('Jorge Ramírez');
    expect(reading.agentName).toBe('Mariana Ortega');
  });

  it('still returns the editor when the reply box is in private-note mode', () => {
    expect(chatwootAdapter.findEditor(doc)?.textContent).toBe('Borrador para Jorge');
  });
});

describe('chatwoot adapter: broken markup', () => {
  it('returns null when no message list or bubbles are on the page', () => {
    const doc = load('next-webchat-ta.html');
    doc.querySelector('.conversation-panel')!.remove();
    expect(() => chatwootAdapter.read(doc)).not.toThrow();
    expect(chatwootAdapter.read(doc)).toBeNull();
    expect(chatwootAdapter.read(new DOMParser().parseFromString('', 'text/html'))).toBeNull();
  });

  it('falls back to the side of the row when colour classes are gone, and skips rows with no side at all', () => {
    const doc = load('next-webchat-ta.html');
    for (const bubble of Array.from(doc.querySelectorAll('[data-bubble-name]'))) {
      bubble.setAttribute('class', 'text-sm rounded-xl max-w-lg px-4 py-3');
    }
    doc.getElementById('message90109')!.className = 'flex w-full message-bubble-container mb-2';
    const reading = chatwootAdapter.read(doc)!;
    // Without colours the bot and private-note bubbles can no longer be told apart from the agent's (the lock icon
    // still marks the note); the row without a side is dropped rather than guessed.
    expect(reading.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(reading.messages.map((m) => m.text)).not.toContain('Saree return-ku courier pickup naalaiku book panniten.\n\nRefund 3 working days-la varum.');
  });

  it('gives partial data without header, sidebar and reply box', () => {
    const doc = load('next-webchat-ta.html');
    doc.querySelector('aside')!.remove();
    doc.querySelector('.conversation--header--actions')!.parentElement!.remove();
    doc.querySelector('.conversations-list')!.remove();
    doc.querySelector('.reply-box')!.remove();
    for (const img of Array.from(doc.querySelectorAll('img[alt]'))) img.remove();
    const reading = chatwootAdapter.read(doc)!;
    expect(reading.messages).toHaveLength(4);
    expect(reading.customerName).toBeNull();
    expect(reading.agentName).toBeNull();
    expect(chatwootAdapter.findEditor(doc)).toBeNull();
  });

  it('reads the older list even when its panel class is missing', () => {
    const doc = load('legacy-whatsapp-hi.html');
    doc.querySelector('.conversation-panel')!.className = '';
    expect(chatwootAdapter.detect(URL_HERE, doc)).toBe(true);
    expect(chatwootAdapter.read(doc)!.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
  });

  it('does not throw on bubbles without text containers', () => {
    const doc = load('legacy-whatsapp-hi.html');
    for (const el of Array.from(doc.querySelectorAll('.text-content'))) el.remove();
    expect(chatwootAdapter.read(doc)!.messages).toEqual([]);
  });
});
