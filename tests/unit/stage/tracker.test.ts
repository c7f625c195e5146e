import { describe, expect, it } from 'vitest';
import { ConversationTracker, describeEvidence, tagConversation, type Turn } from '../../../scripts-library/stage/index';

function chat(...pairs: [Turn['speaker'], string][]): Turn[] {
  const start = Date.parse('2026-05-01T10:00:00Z');
  return pairs.map(([speaker, text], i) => ({ speaker, text, at: new Date(start + i * 60_000).toISOString() }));
}

const CONVERSATION = chat(
  ['customer', 'hello'],
  ['agent', 'Hi, welcome to Acme! How can I help you today?'],
  ['customer', 'my internet has been down since morning'],
  ['agent', 'Sorry to hear that. Could you share your account number?'],
  ['customer', '7781-2231'],
  ['agent', 'I have reset your line from our side. Please restart the router and check now.'],
  ['customer', 'works now, thanks a lot, that is all'],
);

describe('ConversationTracker', () => {
  it('tags appended turns without changing the tags of the prefix', () => {
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION.slice(0, 4));
    const prefix = tracker.tags.slice();
    tracker.update(CONVERSATION);
    expect(tracker.tags.slice(0, 4)).toEqual(prefix);
    expect(tracker.tags.slice(0, 4).every((t, i) => t === prefix[i])).toBe(true); // same objects: not re-tagged
    expect(tracker.tags).toHaveLength(CONVERSATION.length);
  });

  it('gives the same tags fed one turn at a time as all at once', () => {
    const tracker = new ConversationTracker();
    for (let i = 1; i <= CONVERSATION.length; i++) tracker.update(CONVERSATION.slice(0, i));
    expect(tracker.tags).toEqual(tagConversation(CONVERSATION));
  });

  it('re-tags from an edited middle turn, keeping the turns before it', () => {
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION);
    const before = tracker.tags.slice();
    expect(before[4]?.stage).toBe('discovery');
    const edited = CONVERSATION.map((t, i) =>
      i === 4 ? { ...t, text: 'This is the third time I am giving you my account number, absolutely useless 😡' } : t,
    );
    tracker.update(edited);
    expect(tracker.tags.slice(0, 4).every((t, i) => t === before[i])).toBe(true);
    expect(tracker.tags[4]?.stage).toBe('recovery');
    expect(tracker.tags).toEqual(tagConversation(edited));
  });

  it('handles removed turns', () => {
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION);
    tracker.update(CONVERSATION.slice(0, 3));
    expect(tracker.tags).toEqual(tagConversation(CONVERSATION.slice(0, 3)));
  });

  it('copes with empty and odd messages', () => {
    const tracker = new ConversationTracker();
    tracker.update([
      { speaker: 'customer', text: '' },
      { speaker: 'agent', text: '   ', at: 'not a date' },
      { speaker: 'customer', text: '🙂🙂🙂' },
    ]);
    expect(tracker.tags).toHaveLength(3);
    for (const tag of tracker.tags) {
      expect(tag.confidence).toBeGreaterThan(0);
      expect(tag.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('counts repeated complaints in the evidence', () => {
    const tags = tagConversation(
      chat(
        ['customer', 'this is useless, my refund is still not here 😡'],
        ['agent', 'I am really sorry about this, I understand how frustrating it is.'],
        ['customer', 'worst service ever, I have asked three times already'],
      ),
    );
    expect(tags[2]?.stage).toBe('recovery');
    expect(describeEvidence(tags[2]?.evidence ?? [], 8)).toContain('2nd complaint');
  });

  it('reports the conversation language, honouring a hint', () => {
    const tracker = new ConversationTracker({ langHint: 'hi-IN' });
    tracker.update(chat(['customer', 'mera refund abhi tak nahi aaya, kab milega?']));
    expect(tracker.language).toBe('hi-Latn');
  });
});

describe('panel stage', () => {
  it('is greeting for a fresh conversation', () => {
    const tracker = new ConversationTracker();
    expect(tracker.panelStage()).toMatchObject({ stage: 'greeting', pinned: false, basedOnTurn: null });
    tracker.update(chat(['customer', 'hi']));
    expect(tracker.panelStage().stage).toBe('greeting');
  });

  it('is recovery after an angry customer turn', () => {
    const tracker = new ConversationTracker();
    tracker.update(chat(['customer', 'hello'], ['agent', 'Hi, how can I help?'], ['customer', 'this is ridiculous, third time my payment failed 😡']));
    const panel = tracker.panelStage();
    expect(panel.stage).toBe('recovery');
    expect(panel.basedOnTurn).toBe(2);
    expect(panel.evidence.length).toBeGreaterThan(0);
  });

  it("is closing after \"thanks, that's all\"", () => {
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION);
    expect(tracker.panelStage().stage).toBe('closing');
  });

  it('is discovery or solution after a need is stated and not yet answered', () => {
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION.slice(0, 3));
    expect(tracker.panelStage().stage).toBe('discovery');
    tracker.update(CONVERSATION.slice(0, 5));
    expect(tracker.panelStage().stage).toBe('solution');
  });

  it('is follow_up for a customer returning days later about the earlier issue', () => {
    const turns: Turn[] = [
      { speaker: 'customer', text: 'my refund has not come', at: '2026-05-01T10:00:00Z' },
      { speaker: 'agent', text: 'I have processed it, you will receive it in 5 working days.', at: '2026-05-01T10:02:00Z' },
      { speaker: 'customer', text: 'ok thanks, bye', at: '2026-05-01T10:03:00Z' },
      { speaker: 'customer', text: 'Hello again, about the refund from last week: has it been sent?', at: '2026-05-09T08:00:00Z' },
    ];
    const tracker = new ConversationTracker();
    tracker.update(turns);
    expect(tracker.panelStage().stage).toBe('follow_up');
  });

  it('honours a pin until the next customer turn, and unpin', () => {
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION.slice(0, 3));
    tracker.pin('rapport');
    expect(tracker.panelStage()).toMatchObject({ stage: 'rapport', pinned: true });
    tracker.update(CONVERSATION.slice(0, 4)); // an agent turn keeps the pin
    expect(tracker.panelStage().pinned).toBe(true);
    tracker.update(CONVERSATION.slice(0, 5)); // the customer's next message releases it
    expect(tracker.panelStage().pinned).toBe(false);

    tracker.pin('closing');
    expect(tracker.panelStage().stage).toBe('closing');
    tracker.unpin();
    expect(tracker.panelStage()).toMatchObject({ stage: 'solution', pinned: false });
  });
});
