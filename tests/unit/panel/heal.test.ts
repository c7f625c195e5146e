import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/scripts-library/default-pack';
import { healProgress, healStepsIn, recoveryAgentTurns, type TurnForHeal } from '@/scripts-library/heal';

const steps = (text: string, lang: Parameters<typeof healStepsIn>[1] = null) => healStepsIn(text, lang).map((e) => e.step);

describe('HEAL steps in what the agent wrote', () => {
  it.each([
    ['en', 'I’m so sorry this happened, Megan.'],
    ['es', 'Lamento mucho lo ocurrido, de verdad.'],
    ['hi', 'इस परेशानी के लिए हमें बहुत खेद है।'],
    ['hi', 'माफ़ कीजिए, यह हमारी गलती थी।'],
    ['hi-Latn', 'Iske liye maafi chahta hoon, Aman.'],
    ['ta', 'இந்தச் சிரமத்துக்கு மன்னிக்கவும்.'],
    ['ta-Latn', 'Romba sorry, idhu nadandhirukka koodadhu.'],
    ['te', 'ఈ ఇబ్బందికి క్షమించండి.'],
    ['te-Latn', 'Kshaminchandi, idi jaragakudadu.'],
  ] as const)('an apology in %s ticks “Empathise and apologise”', (lang, text) => {
    expect(steps(text, lang)).toContain('empathise');
    // Without a language hint every language's cues are tried.
    expect(steps(text)).toContain('empathise');
  });

  it('tells the four steps apart', () => {
    expect(steps('Take your time and tell me everything that happened.')).toEqual(['hear']);
    expect(steps('Here’s what I’ve done: I’ve refunded the delivery charge.')).toEqual(['lead']);
    expect(steps('I’m taking ownership of this, and I’ll check in with you on Friday.')).toEqual(['provide']);
    expect(steps('Thanks, I have passed the address on to the warehouse.')).toEqual([]);
  });

  it('matches Latin cues at the start of words only, and whatever apostrophe the editor typed', () => {
    expect(steps('The sorryville branch is closed.')).toEqual([]);
    expect(steps('We apologise for the delay.')).toContain('empathise');
    expect(steps('I\u2019ll personally make sure of it.')).toContain('provide');
    expect(steps("I'll personally make sure of it.")).toContain('provide');
  });

  it('finds at least one step in every recovery script of the default pack, and the apology in every apology', () => {
    for (const script of defaultPack.scripts.filter((s) => s.stage === 'recovery')) {
      const found = steps(script.text, script.lang);
      expect(found.length, script.id).toBeGreaterThan(0);
      if (script.kind === 'apology') expect(found, script.id).toContain('empathise');
    }
  });
});

describe('the coach’s checklist', () => {
  it('ticks from sent messages before drafts, and asks for the apology first', () => {
    const none = healProgress([]);
    expect(none.steps.every((s) => !s.done)).toBe(true);
    expect(none.next).toBe('empathise');

    const progress = healProgress([
      { text: 'I’m so sorry about this.', lang: 'en', source: 'draft' },
      { text: 'I understand, and I am sorry. Take your time.', lang: 'en', source: 'sent' },
    ]);
    const empathise = progress.steps.find((s) => s.step === 'empathise')!;
    expect(empathise).toMatchObject({ done: true, source: 'sent' });
    expect(progress.steps.find((s) => s.step === 'hear')).toMatchObject({ done: true, source: 'sent', cue: 'take your time' });
    expect(progress.next).toBe('lead');
  });

  it('reads only the agent turns after the customer became upset', () => {
    const turn = (speaker: 'customer' | 'agent', text: string, stage: string, dissatisfaction = 0): TurnForHeal => ({ speaker, text, stage, dissatisfaction, lang: 'en' });
    const turns = [
      turn('customer', 'Hi, where is my order?', 'discovery'),
      turn('agent', 'Sorry for the wait! Let me check.', 'solution'),
      turn('customer', 'This is ridiculous, second time late!', 'recovery', 0.8),
      turn('agent', 'Here is what I have done: a refund.', 'recovery'),
    ];
    expect(recoveryAgentTurns(turns).map((t) => t.text)).toEqual(['Here is what I have done: a refund.']);
    expect(recoveryAgentTurns(turns.slice(0, 2))).toEqual([]);
  });
});
