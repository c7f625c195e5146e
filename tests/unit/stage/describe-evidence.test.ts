import { describe, expect, it } from 'vitest';
import { describeEvidence, type Evidence } from '@/scripts-library/stage';

const cue = (kind: Evidence['kind'], text: string, weight: number): Evidence => ({ stage: 'recovery', kind, cue: text, weight });

describe('describeEvidence', () => {
  it('puts the customer’s own words first, then emoji, then context, and summaries last', () => {
    const evidence = [
      cue('context', 'customer is dissatisfied', 1),
      cue('sentiment', 'dissatisfaction 0.98', 8),
      cue('context', '3rd complaint', 0.5),
      cue('emoji', '😡', 0.4),
      cue('sentiment', 'bilkul bekaar', 0.01),
    ];
    expect(describeEvidence(evidence, 3)).toBe("'bilkul bekaar', 😡, 3rd complaint");
    expect(describeEvidence(evidence, 5)).toBe("'bilkul bekaar', 😡, 3rd complaint, dissatisfaction 0.98, customer is dissatisfied");
  });

  it('falls back to the summaries when nothing else fired, and never repeats a cue', () => {
    expect(describeEvidence([cue('context', 'customer is dissatisfied', 1), cue('context', 'customer is dissatisfied', 1)])).toBe(
      'customer is dissatisfied',
    );
    expect(describeEvidence([])).toBe('');
  });
});
