import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/scripts-library/default-pack';
import { ScriptSearchIndex, TermTrie, searchTokens, type SearchableScript } from '@/scripts-library/search';

const doc = (id: string, text: string, title = id, tags: string[] = []): SearchableScript => ({ id, title, text, tags });

describe('searchTokens', () => {
  it('folds accents, nukta, chandrabindu and invisible joiners, and skips template tags', () => {
    expect(searchTokens('Hola Lucía, {{customer.firstName|amiga}}!')).toEqual(['hola', 'lucia']);
    expect(searchTokens('माफ़ी')).toEqual(searchTokens('माफी'));
    expect(searchTokens('पहुँचा')).toEqual(searchTokens('पहुंचा'));
    expect(searchTokens('ஆர்\u200dடர்')).toEqual(searchTokens('ஆர்டர்'));
  });
});

describe('TermTrie', () => {
  it('finds exactly the terms within the allowed edits, as the brute-force definition says', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ந', 'ன', '்'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), (terms, query, k, kp) => {
        const trie = new TermTrie(terms);
        const got = new Map<number, { distance: number; prefix: boolean }>();
        trie.match(query, k, kp, ({ term, distance, prefix }) => {
          expect(got.has(term), `term ${terms[term]} reported twice`).toBe(false);
          got.set(term, { distance, prefix });
        });
        terms.forEach((term, id) => {
          const whole = osa(query, term);
          let prefixBest = Infinity;
          for (let len = 0; len <= term.length; len++) prefixBest = Math.min(prefixBest, osa(query, term.slice(0, len)));
          const expected = whole <= k || prefixBest <= kp;
          expect(got.has(id), `${query} vs ${term} (whole ${whole}, prefix ${prefixBest})`).toBe(expected);
          const reading = got.get(id);
          if (reading && !reading.prefix) expect(reading.distance).toBe(whole);
          if (reading?.prefix) expect(reading.distance).toBe(prefixBest);
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe('ScriptSearchIndex', () => {
  const scripts = [
    doc('en.refund', 'Your refund has been issued to the original payment method.', 'Refund issued', ['refund']),
    doc('en.delivery', 'Your delivery address has been updated.', 'Delivery address changed', ['delivery']),
    doc('hi.refund', 'आपका रिफ़ंड जारी कर दिया गया है।', 'रिफ़ंड जारी', ['refund']),
    doc('ta.thanks', 'உங்கள் பொறுமைக்கு மிக்க நன்றி!', 'பொறுமைக்கு நன்றி'),
    doc('ta.delivery', 'உங்கள் டெலிவரி நாளை வரும்.', 'டெலிவரி தகவல்'),
    doc('te.thanks', 'మీ ఓపికకు చాలా ధన్యవాదాలు!', 'ధన్యవాదాలు'),
    doc('te.sorry', 'ఆలస్యానికి క్షమించండి.', 'క్షమాపణ'),
    doc('es.refund', 'Su reembolso ya está en camino.', 'Reembolso', ['refund']),
  ];
  const index = new ScriptSearchIndex(scripts);
  const find = (q: string) => index.search(q)?.ids ?? [];

  it('finds whole words, prefixes and typos in every language', () => {
    expect(find('refund')[0]).toBe('en.refund');
    expect(find('ref')).toContain('en.refund');
    expect(find('refnud')).toContain('en.refund'); // swapped letters
    expect(find('delivry adress')).toEqual(['en.delivery']);
    expect(find('रिफंड')).toContain('hi.refund'); // without nukta
    expect(find('रिफ')).toContain('hi.refund');
    expect(find('நன்றி')).toContain('ta.thanks');
    expect(find('டெலிவர')).toContain('ta.delivery'); // unfinished
    expect(find('ధన్యవాదలు')).toContain('te.thanks'); // missing vowel sign
    expect(find('క్షమ')).toEqual(expect.arrayContaining(['te.sorry']));
    expect(find('reembolso')).toEqual(['es.refund']);
  });

  it('ranks title matches above text matches and requires every word', () => {
    expect(find('refund')).toEqual(['en.refund', 'hi.refund', 'es.refund']); // title, then tags
    expect(find('refund payment')).toEqual(['en.refund']);
    expect(find('refund zzzz')).toEqual([]);
    expect(index.search('  ,, ')).toBeNull();
  });

  it('keeps up with edits, additions and removals', () => {
    const live = new ScriptSearchIndex(scripts);
    live.sync([...scripts.filter((s) => s.id !== 'en.refund'), doc('new.one', 'Brand new wording about parcels', 'Parcel')]);
    expect(live.search('refund')?.ids).not.toContain('en.refund');
    expect(live.search('parcel')?.ids).toEqual(['new.one']);
    live.sync([...scripts, doc('new.one', 'Changed to talk about invoices', 'Invoice')]);
    expect(live.search('parcel')?.ids).toEqual([]);
    expect(live.search('invoice')?.ids).toEqual(['new.one']);
    expect(live.search('refund')?.ids[0]).toBe('en.refund');
    expect(live.size).toBe(scripts.length + 1);
  });

  it('compacts after many removals without losing anything', () => {
    const many = Array.from({ length: 3000 }, (_, i) => doc(`s${i}`, `word${i % 7} common text`, `Title ${i}`));
    const live = new ScriptSearchIndex(many);
    live.sync(many.slice(0, 500));
    live.sync(many.slice(0, 400));
    expect(live.size).toBe(400);
    expect(live.search('common')?.total).toBe(400);
    // Exact matches first; "word0" … "word6" are one typo away, so they follow.
    const exact = Array.from({ length: 400 }, (_, i) => i).filter((i) => i % 7 === 3).length;
    const ids = live.search('word3')?.ids ?? [];
    expect(ids).toHaveLength(400);
    expect(ids.slice(0, exact).every((id) => Number(id.slice(1)) % 7 === 3)).toBe(true);
  });

  it('searches the default pack in all its languages', () => {
    const pack = new ScriptSearchIndex(defaultPack.scripts);
    for (const [query, lang] of [['மன்னிக்கவும்', 'ta'], ['క్షమించండి', 'te'], ['धन्यवाद', 'hi'], ['gracias', 'es'], ['frustrating', 'en']] as const) {
      const ids = pack.search(query)?.ids ?? [];
      expect(ids.length, query).toBeGreaterThan(0);
      expect(ids.some((id) => id.endsWith(`.${lang}`)), query).toBe(true);
      // A word in a native script can only be in scripts of that language (titles are English in every variant).
      if (/[^\u0000-\u024f]/.test(query)) expect(ids.every((id) => id.endsWith(`.${lang}`)), query).toBe(true);
    }
  });

  it('never throws on hostile queries', () => {
    for (const q of ['__proto__', 'constructor', '{{', '<img src=x onerror=alert(1)>', 'a'.repeat(10_000), '\u0000\uffff']) {
      expect(() => index.search(q)).not.toThrow();
    }
  });
});
