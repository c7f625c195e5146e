import { describe, expect, it } from 'vitest';
import { scoreDissatisfaction, tagConversation, type Turn } from '../../../scripts-library/stage/index';

const T = 0.42; // the tagger's recovery threshold

function chat(...pairs: [Turn['speaker'], string][]): Turn[] {
  const start = Date.parse('2026-05-01T10:00:00Z');
  return pairs.map(([speaker, text], i) => ({ speaker, text, at: new Date(start + i * 60_000).toISOString() }));
}

describe('dissatisfaction without the obvious cue words', () => {
  it.each([
    ['How hard is it to send one refund?', 'en'],
    ['What am I paying you for exactly?', 'en'],
    ['I have called three times and emailed twice about this', 'en'],
    ['4 sarlu call chesa, okkasari kuda ettaledu', 'te-Latn'],
    ['cuatro correos para esto', 'es'],
    ['Oh great, another missed delivery 🙄', 'en'],
    ['Honestly I am thinking of switching to another provider', 'en'],
    ['kya yahi service hai aapki?', 'hi-Latn'],
    ['கடைசி தடவை சொல்றேன், வேற நெட்வொர்க்குக்கு மாறிடுவேன்', 'ta'],
  ] as const)('%s reads as dissatisfied', (text, lang) => {
    expect(scoreDissatisfaction(text, lang).score).toBeGreaterThanOrEqual(T);
  });

  it.each([
    // Only weak signs: a calm report of something slow or missing (labelling rule 1).
    ['Nobody has collected the old one yet and it is still in my hallway. Is the pickup still booked?', 'en'],
    ['तो पैसा मेरे खाते में कब तक आएगा? बैंक ऐप में अभी तक कुछ नहीं दिख रहा है।', 'hi'],
    // "twice" is as often a double charge as a second attempt.
    ['मेरे खाते से दो बार पैसे कट गए', 'hi'],
    ['I was charged two times for one order', 'en'],
    // A single word of praise beside a mere problem word is sincere.
    ['Perfect, the error is gone now', 'en'],
    ['Great, I can log in now, the issue is fixed', 'en'],
    ['I need a repeat prescription', 'en'],
  ] as const)('%s does not', (text, lang) => {
    expect(scoreDissatisfaction(text, lang).score).toBeLessThan(T);
  });
});

describe('agent turns', () => {
  it('empathy that opens the reply is recovery even when the complaint was understated', () => {
    const tags = tagConversation(
      chat(
        ['customer', 'Hi. I would love to know why my direct debit doubled without a word from anyone.'],
        ['agent', 'I completely understand your frustration, that is a big jump to find with no warning. Let me look into it now.'],
      ),
    );
    expect(tags[1]?.stage).toBe('recovery');
  });

  it('a courtesy "sorry to hear that" before a needs question stays discovery (rule 6)', () => {
    const tags = tagConversation(
      chat(['customer', 'my internet has been down since morning'], ['agent', 'Sorry to hear that. Could you share your account number?']),
    );
    expect(tags[1]?.stage).toBe('discovery');
  });

  it('a warm wish once the customer has confirmed the outcome closes the conversation (rule 8)', () => {
    const tags = tagConversation(
      chat(
        ['customer', 'my booking for the Goa trip shows the wrong date'],
        ['agent', 'I have corrected the date to the 14th and sent you the new ticket by email.'],
        ['customer', 'got it, all correct now, thank you!'],
        ['agent', 'Glad to hear it! Enjoy the trip to Goa.'],
      ),
    );
    expect(tags[3]?.stage).toBe('closing');
  });

  it('small talk in the middle stays rapport', () => {
    const tags = tagConversation(
      chat(
        ['customer', 'hi, I want to add my new puppy to the pet policy'],
        ['agent', 'Oh how lovely, a puppy! What is her name?'],
        ['customer', 'Biscuit, she already chewed my slippers haha'],
      ),
    );
    expect(tags[1]?.stage).toBe('rapport');
    expect(tags[2]?.stage).toBe('rapport');
  });
});

describe('customer turns', () => {
  it('thanks that opens a message carrying the requested facts is not a closing', () => {
    const tags = tagConversation(
      chat(
        ['customer', 'The invoice for order AC-53310 has my old company name on it, can you correct it?'],
        ['agent', 'Of course. Could you send the new company name and tax number?'],
        ['customer', 'Thank you. The company is Brisa Studio Ltd and the tax number is B12345678.\n\nThanks,\nLucia'],
      ),
    );
    expect(tags[2]?.stage).toBe('discovery');
  });

  it('answering a check-in with how things went is follow_up, even with thanks (rule 7)', () => {
    const turns: Turn[] = [
      { speaker: 'customer', text: 'my router keeps dropping the connection', at: '2026-05-01T10:00:00Z' },
      { speaker: 'agent', text: 'I have pushed a firmware fix to your router, please restart it.', at: '2026-05-01T10:02:00Z' },
      { speaker: 'customer', text: 'ok thanks, bye', at: '2026-05-01T10:03:00Z' },
      { speaker: 'agent', text: 'Hi, just checking in: has the connection been stable since the fix?', at: '2026-05-05T09:00:00Z' },
      { speaker: 'customer', text: 'Yes, all good since then, no drops at all. Thank you!', at: '2026-05-05T11:00:00Z' },
    ];
    const tags = tagConversation(turns);
    expect(tags[3]?.stage).toBe('follow_up');
    expect(tags[4]?.stage).toBe('follow_up');
  });
});
