// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { intercomAdapter as adapter } from '@/entrypoints/content/adapters/intercom';
import {
  describeHostedDetection,
  brokenVariants,
  expectSafeOn,
  fixtureHtml,
  fixtureNames,
  loadFixture,
  parse,
} from './hosted-adapter-fixtures';

const HOST = new URL('https://app.intercom.com/a/inbox/q7x2k9/inbox/admin/5520931/conversation/215467');
const names = fixtureNames('intercom');

describeHostedDetection(adapter, [HOST.href, 'https://app.eu.intercom.com/a/inbox/x/inbox/conversation/1'], ['https://www.intercom.com/help/en/', 'https://inbox.example.com/conversation/1']);

describe('intercom adapter: chat in Telugu with Fin, a note and a system line', () => {
  const doc = loadFixture('intercom', 'chat-telugu.html');
  const reading = adapter.read(doc);

  it('reads every bubble oldest first; the bot counts as the company side', () => {
    expect(reading?.messages).toEqual([
      { speaker: 'customer', text: 'Hi', at: '2024-05-14T04:31:05.000Z' },
      { speaker: 'customer', text: 'నా పేమెంట్ ఫెయిల్ అయింది కానీ డబ్బులు కట్ అయ్యాయి', at: '2024-05-14T04:31:05.000Z' },
      { speaker: 'agent', text: "Hi Sneha, I'm Fin, Acme Pay's AI agent. I'm connecting you to the team now.", at: '2024-05-14T04:31:20.000Z' },
      { speaker: 'agent', text: 'Namaskaram Sneha garu! Nenu Arjun. Mee order number cheppagalara?', at: '2024-05-14T04:33:40.000Z' },
      { speaker: 'customer', text: 'Order number 88213. Chala late avtondi, please fast ga cheyyandi.', at: '2024-05-14T04:35:10.000Z' },
      {
        speaker: 'agent',
        text: 'ఆలస్యానికి క్షమించండి, Sneha garu.\n\nమీ డబ్బులు 24 గంటల్లో తిరిగి వస్తాయి. నేను ఇప్పుడే refund ప్రారంభించాను.',
        at: '2024-05-14T04:36:30.000Z',
      },
    ]);
  });

  it('skips the note, the assignment line, the inbox list and the sidebar', () => {
    const all = reading?.messages.map((m) => m.text).join('\n') ?? '';
    expect(all).not.toContain('Razorpay');
    expect(all).not.toContain('assigned this conversation');
    expect(all).not.toContain('Cashback');
    expect(all).not.toContain('Refund ekkada');
  });

  it('reads names, id and channel; a chat header naming the person is not a subject', () => {
    expect(reading).toMatchObject({
      ticketId: '215467',
      subject: null,
      customerName: 'Sneha Reddy',
      agentName: 'Arjun Mehta',
      channel: 'chat',
      certainty: 'adapter',
    });
  });

  it('takes the name from the chat header when avatars carry no name', () => {
    const bare = parse(fixtureHtml('intercom', 'chat-telugu.html'));
    bare.querySelectorAll('.inbox2__conversation-stream .avatar').forEach((a) => a.remove());
    const read = adapter.read(bare);
    expect(read?.customerName).toBe('Sneha Reddy');
    expect(read?.subject).toBeNull();
    expect(read?.agentName).toBeNull();
    expect(read?.messages).toHaveLength(6);
  });

  it('finds the ProseMirror composer', () => {
    const editor = adapter.findEditor(doc);
    expect(editor?.id).toBe('reply-editor');
    expect(editor?.classList.contains('ProseMirror')).toBe(true);
  });

  it('observes the open conversation, not the whole app', () => {
    const root = adapter.conversationRoot?.(doc);
    expect(root?.classList.contains('inbox2__conversation-page')).toBe(true);
  });
});

describe('intercom adapter: email in English after the inbox-2__ rename', () => {
  const doc = loadFixture('intercom', 'email-english.html');
  const reading = adapter.read(doc);

  it('reads email parts without headers, signatures or quoted history', () => {
    expect(reading?.messages).toEqual([
      {
        speaker: 'customer',
        text: 'Hello,\n\nI returned the blender on May 2 but the refund for order 4410 still has not arrived. Could you check?\n\nThanks,\nMichael',
        at: '2024-05-13T16:20:00.000Z',
      },
      {
        speaker: 'agent',
        text: 'Hi Michael,\n\nThanks for your patience. I can see the return was scanned at our warehouse on May 6, and I have issued the refund today. It usually shows up within 3 to 5 business days.',
        at: '2024-05-14T08:05:00.000Z',
      },
      { speaker: 'customer', text: "Got it, thank you Hannah. That's all I needed.", at: '2024-05-14T09:12:00.000Z' },
    ]);
  });

  it('reads the subject, the id from the permalink, names and the email channel', () => {
    expect(reading).toMatchObject({
      ticketId: '77102345',
      subject: 'Refund not received for order 4410',
      customerName: 'Michael Chen',
      agentName: 'Hannah Brooks',
      channel: 'email',
    });
    expect(adapter.findEditor(doc)?.id).toBe('reply-editor');
  });

  it('falls back to the side a group sits on when categories are missing', () => {
    const stripped = parse(fixtureHtml('intercom', 'email-english.html'));
    stripped.querySelectorAll('[data-part-group-category="1"], [data-part-group-category="3"]').forEach((g) => g.removeAttribute('data-part-group-category'));
    expect(adapter.read(stripped)?.messages.map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer']);
  });
});

describe('intercom adapter: broken markup', () => {
  it.each(names)('never throws and returns null or well-formed data for mutated %s', (name) => {
    for (const { label, doc } of brokenVariants(fixtureHtml('intercom', name))) {
      expect(() => expectSafeOn(adapter, doc), `${name}: ${label}`).not.toThrow();
    }
  });

  it('returns null when no conversation is open (inbox list only)', () => {
    const doc = loadFixture('intercom', 'chat-telugu.html');
    doc.querySelector('.inbox2__conversation-page')?.remove();
    expect(adapter.read(doc)).toBeNull();
    expect(adapter.findEditor(doc)).toBeNull();
  });

  it('drops groups it cannot attribute instead of guessing', () => {
    const doc = loadFixture('intercom', 'chat-telugu.html');
    doc.querySelectorAll('[data-part-group-id]').forEach((g) => {
      g.removeAttribute('data-part-group-category');
      g.setAttribute('class', 'group/content-part flex');
    });
    const reading = adapter.read(doc);
    expect(reading?.messages).toEqual([]);
    expect(reading?.channel).toBeNull();
  });
});
