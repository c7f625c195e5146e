import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../scripts-library/schemas';
import { fit, loadFiles, train, type Conversation } from '../../../scripts-library/cli/train-stages';
import { featureId, loadModel } from '../../../scripts-library/stage/learned';
import { STAGE_MODEL_TABLE } from '../../../scripts-library/stage/model';
import { ConversationTracker, DEFAULT_MODEL } from '../../../scripts-library/stage/tracker';
import type { Turn } from '../../../scripts-library/stage/types';

function chat(...pairs: [Turn['speaker'], string][]): Turn[] {
  const start = Date.parse('2026-05-01T10:00:00Z');
  return pairs.map(([speaker, text], i) => ({ speaker, text, at: new Date(start + i * 60_000).toISOString() }));
}

const CONVERSATION = chat(
  ['customer', 'hi'],
  ['agent', 'Hello, thanks for contacting Acme! How can I help you today?'],
  ['customer', 'my parcel has not arrived'],
  ['agent', 'Could you share the order number please?'],
  ['customer', 'AC-44721'],
  ['agent', 'I have arranged a redelivery for tomorrow morning, you will get a text with the slot.'],
  ['customer', 'great, thanks a lot, that is all'],
);

describe('the shipped learned layer', () => {
  it('is shipped, covers every stage, and its features are categories, never words', () => {
    expect(STAGE_MODEL_TABLE).not.toBeNull();
    const table = STAGE_MODEL_TABLE!;
    expect([...table.classes].sort()).toEqual([...STAGES].sort());
    expect(table.bias).toHaveLength(STAGES.length);
    const names = Object.keys(table.weights);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      // group:item:speaker, where item is a cue kind, a stage, a bucket or a flag name.
      expect(name).toMatch(/^(k|rule|top|prev|prevsame|lastother|gap|len|f):[A-Za-z_0-9+-]+:[ca]$/);
      expect(table.weights[name]).toHaveLength(STAGES.length);
    }
  });

  it('tags with probabilities and evidence for the chosen stage', () => {
    expect(DEFAULT_MODEL).not.toBeNull();
    const tracker = new ConversationTracker();
    tracker.update(CONVERSATION);
    expect(tracker.tags.map((t) => t.stage)).toEqual(['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing']);
    for (const tag of tracker.tags) {
      expect(tag.confidence).toBeGreaterThan(0);
      expect(tag.confidence).toBeLessThanOrEqual(1);
      expect(tag.evidence.length).toBeGreaterThan(0);
      expect(tag.evidence.every((e) => e.stage === tag.stage)).toBe(true);
    }
  });

  it('can be switched off: the rules alone still tag every turn', () => {
    const rules = new ConversationTracker({ model: null });
    rules.update(CONVERSATION);
    expect(rules.tags).toHaveLength(CONVERSATION.length);
    expect(rules.tags[0]?.stage).toBe('greeting');
    expect(rules.tags[6]?.stage).toBe('closing');
  });

  it('loads a table whose class order differs from STAGES', () => {
    const reversed = [...STAGES].reverse();
    const model = loadModel({ classes: reversed, bias: reversed.map((s) => (s === 'rapport' ? 5 : 0)), weights: {} });
    // With no weights, the bias alone decides: rapport everywhere.
    const tracker = new ConversationTracker({ model });
    tracker.update(CONVERSATION.slice(0, 3));
    expect(tracker.tags.every((t) => t.stage === 'rapport')).toBe(true);
  });
});

describe('training', () => {
  it('refuses held-out files before reading them', () => {
    expect(() => loadFiles(['tests/stage-corpus/heldout.jsonl'])).toThrow(/held-out/);
  });

  it('learns from labelled conversations, deterministically', () => {
    const conversation: Conversation = {
      id: 't-1',
      lang: 'en',
      group: 'en',
      turns: CONVERSATION.map((t, i) => ({ ...t, stage: (['greeting', 'greeting', 'discovery', 'discovery', 'discovery', 'solution', 'closing'] as const)[i] ?? 'solution' })),
    };
    const options = { l2: 0.002, iterations: 60, balanced: true };
    const a = fit([conversation], options, 1);
    const b = fit([conversation], options, 1);
    expect(a).toEqual(b);
    const tracker = new ConversationTracker({ model: loadModel(a) });
    tracker.update(CONVERSATION);
    expect(tracker.tags.map((t) => t.stage)).toEqual(conversation.turns.map((t) => t.stage));
  });

  it('moves weights towards the labels it is given', () => {
    const id = featureId('f:question:c');
    const samples = [
      { features: { ids: [id], values: [1] }, label: STAGES.indexOf('discovery'), weight: 1 },
      { features: { ids: [], values: [] }, label: STAGES.indexOf('solution'), weight: 1 },
    ];
    const table = train(samples, { l2: 0.001, iterations: 200, balanced: false });
    const row = table.weights['f:question:c'];
    expect(row).toBeDefined();
    expect(row![STAGES.indexOf('discovery')]).toBeGreaterThan(row![STAGES.indexOf('solution')]!);
  });
});
