import { describe, expect, it } from 'vitest';
import { LANGUAGE_FIT, RankingIndex, WEIGHTS, selectSuggestions, otherStagesFromEvidence } from '@/scripts-library/ranking';
import { SOFT_MAX, STAGE_FIT } from '@/scripts-library/ranking/weights';
import { moment, script } from './helpers';

const ids = (index: RankingIndex, m = moment(), limit = 24) => index.rank(m, { limit }).map((r) => r.script.id);
const factor = (index: RankingIndex, id: string, name: string, m = moment()) =>
  index.explain(id, m)?.factors.find((f) => f.factor === name);

describe('ranking factors, one at a time', () => {
  it('stage fit: the moment’s stage first, a stage the detector also considered next, a neighbouring stage after', () => {
    const index = new RankingIndex([
      script('a-closing', { stage: 'closing', kind: 'closing' }),
      script('b-greeting', { stage: 'greeting', kind: 'greeting' }),
      script('c-solution', { stage: 'solution', kind: 'solution' }),
      script('d-recovery'),
    ]);
    expect(ids(index)).toEqual(['d-recovery', 'c-solution', 'a-closing', 'b-greeting']);
    // The detector was unsure and also saw a closing: closing moves above the neighbouring solution.
    expect(ids(index, moment({ otherStages: { closing: 0.5 } }))).toEqual(['d-recovery', 'a-closing', 'c-solution', 'b-greeting']);
    expect(factor(index, 'a-closing', 'stage', moment({ otherStages: { closing: 0.5 } }))?.detail).toBe('other');
    // However sure the other guess, it stays below the stage itself.
    expect(ids(index, moment({ otherStages: { closing: 5 } }))[0]).toBe('d-recovery');
  });

  it('language fit: the customer’s language, its other script, the agent’s language, then English', () => {
    const index = new RankingIndex([
      script('en'),
      script('es', { lang: 'es' }),
      script('hi', { lang: 'hi' }),
      script('hil', { lang: 'hi-Latn' }),
      script('ta', { lang: 'ta' }),
    ]);
    expect(ids(index, moment({ customerLanguage: 'hi-Latn', agentLanguage: 'es' }))).toEqual(['hil', 'hi', 'es', 'en', 'ta']);
    expect(ids(index, moment({ customerLanguage: 'ta', agentLanguage: null }))).toEqual(['ta', 'en', 'es', 'hi', 'hil']);
    expect(factor(index, 'hi', 'language', moment({ customerLanguage: 'hi-Latn' }))?.detail).toBe('sibling');
  });

  it('channel: a script for another channel drops, one for this channel gains a little', () => {
    const index = new RankingIndex([script('a-email', { channel: 'email' }), script('b-any'), script('c-chat', { channel: 'chat' })]);
    expect(ids(index, moment({ channel: 'chat' }))).toEqual(['c-chat', 'b-any', 'a-email']);
    expect(ids(index, moment({ channel: 'email' }))).toEqual(['a-email', 'b-any', 'c-chat']);
    // Unknown channel: no preference, id order.
    expect(ids(index, moment({ channel: null }))).toEqual(['a-email', 'b-any', 'c-chat']);
    expect(factor(index, 'a-email', 'channel', moment({ channel: 'chat' }))?.points).toBeLessThan(0);
  });

  it('words shared with the conversation, across languages through topics', () => {
    const index = new RankingIndex([
      script('a-plain', { lang: 'hi', text: 'इससे आपको जो परेशानी हुई, उसके लिए खेद है।' }),
      script('b-refund', { lang: 'hi', text: 'आपका रिफ़ंड आज ही प्रोसेस कर देंगे, इसके लिए खेद है।' }),
      script('c-password', { lang: 'hi', text: 'आपका पासवर्ड रीसेट लिंक भेज दिया है, खेद है।' }),
    ]);
    // A Hinglish customer writes "refund"; the Devanagari script says "रिफ़ंड".
    const m = moment({ customerLanguage: 'hi', customerTexts: ['Mujhe abhi tak refund nahi mila yaar'] });
    expect(ids(index, m)[0]).toBe('b-refund');
    expect(factor(index, 'b-refund', 'words', m)?.shared).toContain('refund');
    const pw = moment({ customerLanguage: 'hi', customerTexts: ['I forgot my password'] });
    expect(ids(index, pw)[0]).toBe('c-password');
    // Words nobody shares do not count.
    expect(factor(index, 'a-plain', 'words', m)).toBeUndefined();
  });

  it('words: the latest customer message counts more than earlier ones', () => {
    const index = new RankingIndex([
      script('a-delivery', { text: 'Your parcel is with the courier and will arrive tomorrow.' }),
      script('b-password', { text: 'I have sent a password reset link to your email.' }),
    ]);
    const m = moment({ customerTexts: ['Where is my parcel?', 'Also I cannot remember my password'] });
    expect(ids(index, m)[0]).toBe('b-password');
  });

  it('pack priority: the team’s pack above the bundled defaults', () => {
    const library = [script('a-default', { packId: 'default' }), script('b-team', { packId: 'acme-team' })];
    expect(ids(new RankingIndex(library))).toEqual(['a-default', 'b-team']);
    const index = new RankingIndex(library, { packPriority: new Map([['acme-team', 1], ['default', 0]]) });
    expect(ids(index)).toEqual(['b-team', 'a-default']);
  });

  it('favourites rise among equals', () => {
    const index = new RankingIndex([script('a'), script('b')]);
    expect(ids(index)).toEqual(['a', 'b']);
    index.setSignals({ favourites: new Set(['b']) });
    expect(ids(index)).toEqual(['b', 'a']);
    expect(factor(index, 'b', 'favourite')?.points).toBeGreaterThan(0);
  });

  it('recency: used yesterday beats used a month ago, the same number of times', () => {
    const now = moment().now!;
    const day = 86_400_000;
    const index = new RankingIndex([script('a-old'), script('b-recent')], {
      usage: new Map([
        ['a-old', { count: 3, lastUsedAt: now - 30 * day }],
        ['b-recent', { count: 3, lastUsedAt: now - day }],
      ]),
    });
    expect(ids(index)).toEqual(['b-recent', 'a-old']);
    expect(factor(index, 'b-recent', 'recency')?.detail).toBe('1');
  });

  it('frequency: used often beats used once, at the same time', () => {
    const now = moment().now!;
    const index = new RankingIndex([script('a-once'), script('b-often')], {
      usage: new Map([
        ['a-once', { count: 1, lastUsedAt: now - 1000 }],
        ['b-often', { count: 40, lastUsedAt: now - 1000 }],
      ]),
    });
    expect(ids(index)).toEqual(['b-often', 'a-once']);
    expect(factor(index, 'b-often', 'frequency')?.detail).toBe('40');
  });

  it('already used in this conversation: inserted, or its wording sent, goes below the unused ones', () => {
    const index = new RankingIndex([
      script('a-sent', { text: 'I am truly sorry for the trouble this has caused you. {{customer.firstName|Friend}}, we will fix it.' }),
      script('b-inserted'),
      script('c-fresh'),
    ]);
    const m = moment({
      usedScriptIds: new Set(['b-inserted']),
      agentTexts: ['Hi Megan. I’m truly sorry for the trouble this has caused you! Let me look.'.replace('I’m', 'I am')],
    });
    expect(ids(index, m)).toEqual(['c-fresh', 'a-sent', 'b-inserted']);
    expect(factor(index, 'a-sent', 'used', m)?.detail).toBe('sent');
    expect(factor(index, 'b-inserted', 'used', m)?.detail).toBe('inserted');
    // A different conversation: nothing used.
    expect(ids(index)).toEqual(['a-sent', 'b-inserted', 'c-fresh']);
  });

  it('in recovery the apology leads, and once the apology is made the next HEAL step leads', () => {
    const index = new RankingIndex([
      script('a-empathy', { kind: 'empathy', text: 'I can only imagine how frustrating this has been.' }),
      script('b-lead', { kind: 'apology', text: 'Here is what I have done: I have refunded the delivery charge.' }),
      script('c-apology', { kind: 'apology', text: 'I am so sorry about this.' }),
    ]);
    // While the apology is still to come, words that empathise count more than an "apology" that only fixes things.
    expect(ids(index, moment({ nextHealStep: 'empathise' }))).toEqual(['c-apology', 'a-empathy', 'b-lead']);
    expect(ids(index, moment({ nextHealStep: null }))).toEqual(['b-lead', 'c-apology', 'a-empathy']);
    expect(ids(index, moment({ nextHealStep: 'lead' }))[0]).toBe('b-lead');
    expect(factor(index, 'b-lead', 'heal', moment({ nextHealStep: 'lead' }))?.detail).toBe('lead');
    // Outside recovery the HEAL step plays no part.
    expect(factor(index, 'b-lead', 'heal', moment({ stage: 'solution', nextHealStep: 'lead' }))).toBeUndefined();
  });
});

describe('the weights’ tiers', () => {
  it('soft factors together stay below one language step, and language below one stage step', () => {
    const fits = Object.values(LANGUAGE_FIT).sort((a, b) => b - a);
    const smallestLanguageStep = Math.min(...fits.slice(1).map((fit, i) => fits[i]! - fit), fits.at(-1)!) * WEIGHTS.language;
    expect(SOFT_MAX).toBeLessThan(smallestLanguageStep);
    expect(-WEIGHTS.used).toBeGreaterThan(SOFT_MAX);
    expect(-WEIGHTS.used).toBeLessThan(smallestLanguageStep);
    expect(WEIGHTS.language + SOFT_MAX).toBeLessThan(WEIGHTS.stage * (1 - STAGE_FIT.secondaryMax));
  });
});

describe('what the panel lists', () => {
  it('shows the first tier, topped up from the next when it is thin', () => {
    const index = new RankingIndex([
      script('hil-1', { lang: 'hi-Latn' }),
      script('hil-2', { lang: 'hi-Latn' }),
      script('hi-1', { lang: 'hi' }),
      script('hi-2', { lang: 'hi' }),
      script('hi-3', { lang: 'hi' }),
      script('other-stage', { lang: 'hi-Latn', stage: 'greeting', kind: 'greeting' }),
    ]);
    const ranked = index.rank(moment({ customerLanguage: 'hi-Latn' }));
    expect(selectSuggestions(ranked, { minimum: 4 }).map((r) => r.script.id)).toEqual(['hil-1', 'hil-2', 'hi-1', 'hi-2']);
    expect(selectSuggestions(ranked, { minimum: 2 }).map((r) => r.script.id)).toEqual(['hil-1', 'hil-2']);
  });

  it('reads other stages from the detector’s evidence only when it is unsure', () => {
    const evidence = [
      { stage: 'closing' as const, kind: 'phrase' as const, cue: 'thanks', weight: 2 },
      { stage: 'solution' as const, kind: 'phrase' as const, cue: 'ok', weight: 1 },
      { stage: 'recovery' as const, kind: 'phrase' as const, cue: 'sorry', weight: 1 },
    ];
    expect(otherStagesFromEvidence('recovery', 0.9, evidence)).toEqual({});
    const unsure = otherStagesFromEvidence('recovery', 0.4, evidence);
    expect(unsure.closing).toBeCloseTo(0.4);
    expect(unsure.solution).toBeCloseTo(0.2);
    expect(unsure.recovery).toBeUndefined();
  });
});
