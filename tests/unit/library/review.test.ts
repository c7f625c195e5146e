import { describe, expect, it } from 'vitest';
import { reviewConversation, type ReviewPoint, type ReviewStatus } from '@/scripts-library/review';
import { tagConversation } from '@/scripts-library/stage';

type Line = ['customer' | 'agent', string];
function review(lines: Line[], customerName: string | null, hint?: string) {
  const turns = lines.map(([speaker, text]) => ({ speaker, text }));
  const result = reviewConversation(turns, tagConversation(turns, hint), { customerName });
  const status = Object.fromEntries(result.items.map((i) => [i.point, i.status])) as Record<ReviewPoint, ReviewStatus>;
  return { result, status };
}

describe('reviewConversation', () => {
  it('credits a conversation that follows the method, HEAL included, and names the turns', () => {
    const { result, status } = review(
      [
        ['customer', 'Hello, my order AC-1 still has not arrived. This is the third time I am writing, it is unacceptable!'],
        ['agent', 'Hi Megan, I understand how frustrating this is, and I am truly sorry. I will call the courier now and update you within the hour.'],
        ['customer', 'ok'],
        ['agent', 'Could you tell me if the address is still 4 Elm Road?'],
        ['customer', 'Yes it is. Thanks.'],
        ['agent', 'Thank you for your patience, Megan. The parcel will arrive tomorrow.'],
      ],
      'Megan Doyle',
    );
    expect(status).toEqual({ greeting: 'met', name: 'met', needs: 'met', heard: 'met', empathy: 'met', apology: 'met', 'next-step': 'met', thanks: 'met' });
    expect(result.upsetTurns).toEqual([0]);
    expect(result.items.find((i) => i.point === 'empathy')).toMatchObject({ turn: 1, cue: 'I understand' });
    expect(result.met).toBe(result.applicable);
  });

  it('finds what a trainer would coach on: no greeting, defensive, no apology, no thanks', () => {
    const { status, result } = review(
      [
        ['customer', 'My refund never came. I am really angry, this is ridiculous.'],
        ['agent', 'Please calm down. As I already said, refunds take 7 days.'],
        ['customer', 'Fine.'],
        ['agent', 'Bye.'],
      ],
      'Ravi Kumar',
    );
    expect(status).toMatchObject({ greeting: 'missed', name: 'missed', heard: 'missed', empathy: 'missed', apology: 'missed', thanks: 'missed' });
    expect(result.items.find((i) => i.point === 'heard')).toMatchObject({ turn: 1, cue: 'calm down' });
  });

  it('leaves HEAL out when nobody was upset, and says what the next reply should do when it is still due', () => {
    expect(review([['customer', 'Hi, can I change my delivery address?'], ['agent', 'Hello Asha! Of course, which order is it?']], 'Asha').status).toMatchObject({
      heard: 'not-needed',
      empathy: 'not-needed',
      greeting: 'met',
      needs: 'met',
    });
    const waiting = review([['customer', 'Hello'], ['agent', 'Hi there, how can I help?'], ['customer', 'This is the worst service ever, I want to cancel everything!']], null);
    expect(waiting.status).toMatchObject({ heard: 'pending', empathy: 'pending', apology: 'pending', 'next-step': 'pending', name: 'not-needed' });
  });

  it('reads Tamil, Telugu and Hindi agents in their own words', () => {
    const ta = review(
      [
        ['customer', 'என் ஆர்டர் இன்னும் வரவில்லை, ரொம்ப கோபமாக இருக்கிறது!'],
        ['agent', 'வணக்கம் கார்த்திக், உங்கள் சிரமம் புரிகிறது, மன்னிக்கவும். இப்போதே கூரியரிடம் பேசி உங்களுக்குத் தெரிவிக்கிறேன்.'],
        ['customer', 'சரி'],
        ['agent', 'பொறுமைக்கு மிக்க நன்றி கார்த்திக்!'],
      ],
      'கார்த்திக்',
      'ta',
    );
    expect(ta.status).toMatchObject({ greeting: 'met', name: 'met', empathy: 'met', apology: 'met', 'next-step': 'met', thanks: 'met' });
    const te = review(
      [
        ['customer', 'నా రీఫండ్ ఇంకా రాలేదు, ఇది దారుణం, నాకు చాలా కోపంగా ఉంది!'],
        ['agent', 'నమస్కారం, క్షమించండి.'],
        ['customer', 'సరే'],
        ['agent', 'ధన్యవాదాలు!'],
      ],
      null,
      'te',
    );
    expect(te.status).toMatchObject({ greeting: 'met', apology: 'met', empathy: 'missed', 'next-step': 'missed', thanks: 'met' });
    const hi = review(
      [
        ['customer', 'नमस्ते, मेरा पासवर्ड काम नहीं कर रहा।'],
        ['agent', 'नमस्ते! आपका ईमेल पता बताइए?'],
      ],
      null,
      'hi',
    );
    expect(hi.status).toMatchObject({ greeting: 'met', needs: 'met', heard: 'not-needed' });
  });

  it('handles an empty conversation', () => {
    expect(reviewConversation([], []).items.every((i) => i.status !== 'met')).toBe(true);
  });
});
