import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, sideOf, wordTokens } from '@/scripts-library/diff';

describe('diffWords', () => {
  it('shows one changed word as one deletion and one insertion', () => {
    expect(diffWords('Your order ships today.', 'Your order ships tomorrow.')).toEqual([
      { op: 'equal', text: 'Your order ships ' },
      { op: 'delete', text: 'today' },
      { op: 'insert', text: 'tomorrow' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('keeps Indic words whole', () => {
    expect(wordTokens('மன்னிக்கவும் கார்த்திக்,')).toEqual(['மன்னிக்கவும்', ' ', 'கார்த்திக்', ',']);
    const parts = diffWords('மன்னிக்கவும், ஆனால் தாமதம்.', 'மன்னிக்கவும், இன்றே சரிசெய்கிறேன்.');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['ஆனால் தாமதம்']);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['இன்றே சரிசெய்கிறேன்']);
    expect(diffStats(parts)).toEqual({ added: 2, removed: 2 });
  });

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(diffWords('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
    expect(diffWords('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
  });

  it('always rebuilds both sides exactly and finds a short edit', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'नमस्ते', 'நன்றி', ' ', ', ', '\n', '!'), { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(words, words, (before, after) => {
        const parts = diffWords(before, after);
        expect(sideOf(parts, 'before')).toBe(before);
        expect(sideOf(parts, 'after')).toBe(after);
        const changed = parts.filter((p) => p.op !== 'equal').reduce((n, p) => n + wordTokens(p.text).length, 0);
        expect(changed).toBeLessThanOrEqual(wordTokens(before).length + wordTokens(after).length);
        if (before === after) expect(parts.every((p) => p.op === 'equal')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('stays fast and correct on a long, heavily edited text', () => {
    const before = Array.from({ length: 4000 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 4000 }, (_, i) => (i % 2 ? `x${i}` : `w${i}`)).join(' ');
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(sideOf(parts, 'before')).toBe(before);
    expect(sideOf(parts, 'after')).toBe(after);
  });
});
